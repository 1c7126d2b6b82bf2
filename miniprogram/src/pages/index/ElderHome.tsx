/** 长辈模式首页: only the four things used most — 我要点单, 我的点单, 一键呼叫, 微心愿 — in large tiles. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@shared/users/schemas';
import { ORDER_ROUTES, newOrderUrl } from '../../orders/routes';
import { WISH_ROUTES } from '../../wish/routes';
import AppIcon from '../../components/AppIcon';
import type { IconName } from '../../components/AppIcon';
import CallButton from './CallButton';
import ElderSwitch from './ElderSwitch';

function Tile({ id, icon, title, url }: { id: string; icon: IconName; title: string; url: string }) {
  return (
    <View id={id} className="elder-home__tile" onClick={() => void Taro.navigateTo({ url })}>
      <View className="elder-home__mark">
        <AppIcon name={icon} size={36} />
      </View>
      <Text className="elder-home__title">{title}</Text>
    </View>
  );
}

export default function ElderHome({ me }: { me: MeView }) {
  const home = me.home[me.home.length - 1];
  return (
    <View className="elder-home" id="elder-home">
      <Text className="elder-home__hello" id="home-name">
        {me.name}，您好
      </Text>
      <View className="elder-home__tiles">
        <Tile id="elder-new-order" icon="write" title="我要点单" url={newOrderUrl(home?.level === 'building' ? home.id : undefined)} />
        <Tile id="elder-my-orders" icon="orders" title="我的点单" url={ORDER_ROUTES.mine} />
        <CallButton tile />
        <Tile id="elder-wish" icon="wish" title="微心愿" url={WISH_ROUTES.newWish} />
      </View>
      <ElderSwitch />
    </View>
  );
}
