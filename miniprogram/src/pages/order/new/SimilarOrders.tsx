/** 附近已有相同问题: open orders of the same building and category; +1 我也遇到 follows one instead of filing again. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderCategory } from '@shared/orders/model';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import SectionCard from '../../../components/SectionCard';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { useLoad } from '../../../utils/useLoad';
import OrderTags from '../../../orders/components/OrderTags';
import { orderDetailUrl } from '../../../orders/routes';

interface Props {
  buildingId: string;
  category: OrderCategory;
}

export default function SimilarOrders({ buildingId, category }: Props) {
  const { data } = useLoad(() => call('orders', 'similar', { buildingId, category }), [buildingId, category]);
  const [following, setFollowing] = useState<string | null>(null);
  if (!data?.items.length) return null;

  const follow = async (orderId: string) => {
    askConsent(CONSENT.followOrder);
    setFollowing(orderId);
    try {
      await call('orders', 'follow', { orderId });
      void Taro.showToast({ title: '已跟进，有进展会通知您', icon: 'none' });
      await Taro.redirectTo({ url: orderDetailUrl(orderId) });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setFollowing(null);
    }
  };

  return (
    <SectionCard title="附近已有相同问题" id="similar-orders">
      <Text className="similar__hint">如果是同一个问题，点“+1 我也遇到”一起跟进即可，不用重复提交。</Text>
      {data.items.map((o) => (
        <View key={o.id} className="similar__item">
          <View className="similar__head">
            <OrderTags status={o.status} statusName={o.statusName} colour={o.colour} colourName={o.colourName} overdue={o.overdue} />
            <Text className="muted">{formatWhen(o.createdAt)}</Text>
          </View>
          <Text className="similar__summary">{o.summary}</Text>
          <View className="similar__foot">
            <Text className="muted">
              {o.place}
              {o.followerCount > 0 ? ` · ${o.followerCount} 人也遇到` : ''}
            </Text>
            <Button size="small" type="primary" loading={following === o.id} onClick={() => void follow(o.id)}>
              +1 我也遇到
            </Button>
          </View>
        </View>
      ))}
    </SectionCard>
  );
}
