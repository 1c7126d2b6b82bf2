/** 首页入口: the 待办 counts on top (urgent first), then one card per group (居民服务, 党员服务, 网格与社区工作), each tile badged with what waits behind it. */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView, TodoItem, TodoKey } from '@shared/users/schemas';
import { api } from '../../api';
import { ORDER_ROUTES } from '../../orders/routes';
import { useLive } from '../../utils/useLive';
import { entryGroups } from './entries';
import './OrderEntries.scss';
import AppIcon from '../../components/AppIcon';

const C = ORDER_ROUTES.console;
/** Where each count is worked off; the console opens on the matching tab. */
const TODO_URL: Record<TodoKey, string> = {
  ack: '/respond/pages/inbox/index',
  overdue: `${C}?tab=overdue`,
  new: `${C}?tab=new`,
  toDispatch: `${C}?tab=toDispatch`,
  reg: '/members/pages/review/index',
  wish: '/wish/pages/review/index',
  sum: '/points/pages/review/index',
  verify: '/points/pages/verify/index',
  held: ORDER_ROUTES.held,
  hall: ORDER_ROUTES.hall,
  toRate: ORDER_ROUTES.mine,
  unread: ORDER_ROUTES.messages,
};

export default function OrderEntries({ me }: { me: MeView }) {
  const [todo, setTodo] = useState<TodoItem[]>([]);
  // One call for the 待办 and the unread badge, again each time home is shown and while it stays open.
  const refresh = useCallback(() => {
    api.users.todo().then(
      (r) => setTodo(r.items),
      () => undefined,
    );
  }, []);
  const countOf = (keys: TodoKey[]) => keys.reduce((n, k) => n + (todo.find((t) => t.key === k)?.count ?? 0), 0);
  useEffect(refresh, [refresh]);
  useLive(refresh);

  const groups = entryGroups(me);
  return (
    <View className="order-entries" id="order-entries">
      {todo.length > 0 && (
        <View className="order-entries__todo" id="home-todo">
          {todo.map((t) => (
            <View
              key={t.key}
              id={`todo-${t.key}`}
              className={`order-entries__todo-item${t.urgent ? ' is-urgent' : ''}`}
              onClick={() => void Taro.navigateTo({ url: TODO_URL[t.key] })}
            >
              <Text>{t.label}</Text> <Text className="order-entries__todo-count">{t.count}</Text>
            </View>
          ))}
        </View>
      )}
      {groups.map((g) => (
        <View key={g.id} id={g.id} className="order-entries__group">
          {groups.length > 1 && <Text className="order-entries__heading">{g.title}</Text>}
          <View className="order-entries__grid">
            {g.entries.map((e) => {
              const n = countOf(e.counts ?? []);
              return (
                <View key={e.id} id={e.id} className="order-entries__item" onClick={() => void Taro.navigateTo({ url: e.url })}>
                  <View className="order-entries__mark">
                    <AppIcon name={e.icon} size={26} />
                    {n > 0 ? (
                      // 消息's keeps the id the unread badge always had.
                      <Text className="order-entries__badge" id={e.counts?.includes('unread') ? 'unread-badge' : `${e.id}-badge`}>
                        {n > 99 ? '99+' : n}
                      </Text>
                    ) : null}
                  </View>
                  <Text className="order-entries__title">{e.title}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
