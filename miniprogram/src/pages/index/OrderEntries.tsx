/** 首页的点单入口: 我要点单 / 我的点单 / 消息 (unread badge) for everyone; 接单 and 积分 for members; 派单台 for staff. */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STAFF_ROLES } from '@shared/users/roles';
import type { MeView } from '@shared/users/schemas';
import { api } from '../../api';
import { ORDER_ROUTES, newOrderUrl } from '../../orders/routes';
import './OrderEntries.scss';

interface Entry {
  id: string;
  mark: string;
  title: string;
  url: string;
  badge?: number;
}

export default function OrderEntries({ me }: { me: MeView }) {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    api.notifications.unread().then((r) => setUnread(r.unread), () => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  useDidShow(refresh);

  const home = me.home[me.home.length - 1];
  const entries: Entry[] = [
    { id: 'entry-new-order', mark: '点', title: '我要点单', url: newOrderUrl(home?.level === 'building' ? home.id : undefined) },
    { id: 'entry-my-orders', mark: '单', title: '我的点单', url: ORDER_ROUTES.mine },
    { id: 'entry-messages', mark: '信', title: '消息', url: ORDER_ROUTES.messages, badge: unread },
  ];
  if (me.roles.some((r) => r.role === 'member')) {
    entries.push(
      { id: 'entry-hall', mark: '接', title: '接单大厅', url: ORDER_ROUTES.hall },
      { id: 'entry-held', mark: '办', title: '我的接单', url: ORDER_ROUTES.held },
      { id: 'entry-points', mark: '分', title: '我的积分', url: ORDER_ROUTES.points },
    );
  }
  if (me.roles.some((r) => STAFF_ROLES.includes(r.role))) entries.push({ id: 'entry-console', mark: '派', title: '派单台', url: ORDER_ROUTES.console });

  return (
    <View className="order-entries" id="order-entries">
      {entries.map((e) => (
        <View key={e.id} id={e.id} className="order-entries__item" onClick={() => void Taro.navigateTo({ url: e.url })}>
          <View className="order-entries__mark">
            <Text>{e.mark}</Text>
            {e.badge ? <Text className="order-entries__badge" id="unread-badge">{e.badge > 99 ? '99+' : e.badge}</Text> : null}
          </View>
          <Text className="order-entries__title">{e.title}</Text>
        </View>
      ))}
    </View>
  );
}
