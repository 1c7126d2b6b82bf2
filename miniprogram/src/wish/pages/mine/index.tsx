/** 我的心愿 ?scope=: wishes I posted (every status, with 待审核 and 未通过) or claimed, paged; tap for the detail. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import ResidentPage from '../../../components/ResidentPage';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import TabBar from '../../../components/TabBar';
import { useListPage } from '../../../utils/listPage';
import WishList from '../../components/WishList';
import { WISH_ROUTES } from '../../routes';

type Scope = 'posted' | 'claimed';
const TABS = [
  { key: 'posted', title: '我发布的' },
  { key: 'claimed', title: '我认领的' },
] as const;

export default function MyWishes() {
  const [scope, setScope] = useState<Scope>(useRouter().params.scope === 'claimed' ? 'claimed' : 'posted');
  const list = usePaged((page) => call('wishes', 'mine', { scope, page, pageSize: PAGE_SIZE }), [scope]);
  useListPage(list);

  return (
    <ResidentPage id="wish-mine">
      <TabBar tabs={TABS} active={scope} onChange={setScope} id="wish-mine-tabs" />
      <WishList
        list={list}
        id="my-wishes"
        emptyTitle={scope === 'posted' ? '还没有发布过心愿' : '还没有认领过心愿'}
        emptyText={scope === 'posted' ? '有一个小小的心愿？写下来，社区审核后就会出现在心愿墙上。' : '在心愿墙上认领一个心愿，帮邻居圆梦。'}
      />
      <View className="load-more">
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: scope === 'posted' ? WISH_ROUTES.newWish : WISH_ROUTES.board })}>
          {scope === 'posted' ? '许个心愿' : '去心愿墙看看'}
        </Button>
      </View>
    </ResidentPage>
  );
}
