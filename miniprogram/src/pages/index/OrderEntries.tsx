/** 首页入口: one card per group (居民服务, 党员服务, 网格与社区工作), with the unread badge on 消息. */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@shared/users/schemas';
import { api } from '../../api';
import { entryGroups } from './entries';
import './OrderEntries.scss';

export default function OrderEntries({ me }: { me: MeView }) {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    api.notifications.unread().then(
      (r) => setUnread(r.unread),
      () => undefined,
    );
  }, []);
  useEffect(refresh, [refresh]);
  useDidShow(refresh);

  const groups = entryGroups(me);
  return (
    <View className="order-entries" id="order-entries">
      {groups.map((g) => (
        <View key={g.id} id={g.id} className="order-entries__group">
          {groups.length > 1 && <Text className="order-entries__heading">{g.title}</Text>}
          <View className="order-entries__grid">
            {g.entries.map((e) => (
              <View key={e.id} id={e.id} className="order-entries__item" onClick={() => void Taro.navigateTo({ url: e.url })}>
                <View className="order-entries__mark">
                  <Text>{e.mark}</Text>
                  {e.unread && unread > 0 ? (
                    <Text className="order-entries__badge" id="unread-badge">
                      {unread > 99 ? '99+' : unread}
                    </Text>
                  ) : null}
                </View>
                <Text className="order-entries__title">{e.title}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
