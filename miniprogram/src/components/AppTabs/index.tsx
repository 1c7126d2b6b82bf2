/**
 * The bottom tab bar of the hub pages, by role: 首页 · 办事 (residents: 我的点单) / 接单 (members: 接单大厅; a
 * unit's staff: 单位接单) / 待办 (staff: 派单台) · 消息 with the unread count from users.todo. A bar the pages draw, not WeChat's native
 * tabBar, whose pages would all have to sit in the main package.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STAFF_ROLES } from '@shared/users/roles';
import type { MeView } from '@shared/users/schemas';
import { api } from '../../api';
import { ORDER_ROUTES } from '../../orders/routes';
import { ROUTES } from '../../utils/routes';
import AppIcon from '../AppIcon';
import type { IconName } from '../AppIcon';
import './AppTabs.scss';

type Kind = 'resident' | 'member' | 'unit' | 'staff';
const KINDS: readonly unknown[] = ['member', 'unit', 'staff'];
interface Tab {
  key: string;
  title: string;
  url: string;
  icon: IconName;
}

/** Who the bar is for, remembered from home's users.me so the other hubs need no call of their own. */
const KIND_KEY = 'wg_tabs';

function kindOf(me: MeView): Kind {
  if (me.roles.some((r) => STAFF_ROLES.includes(r.role))) return 'staff';
  // Home is owned elsewhere: a unit's staff find 单位接单 here, on the bar every hub draws.
  if (me.units > 0) return 'unit';
  return me.roles.some((r) => r.role === 'member') ? 'member' : 'resident';
}

const WORK: Record<Kind, Tab> = {
  resident: { key: 'work', title: '办事', url: ORDER_ROUTES.mine, icon: 'orders' },
  member: { key: 'work', title: '接单', url: ORDER_ROUTES.hall, icon: 'board' },
  unit: { key: 'work', title: '接单', url: '/unit/pages/orders/index', icon: 'board' },
  staff: { key: 'work', title: '待办', url: ORDER_ROUTES.console, icon: 'list' },
};

function tabsFor(kind: Kind): Tab[] {
  return [{ key: 'home', title: '首页', url: ROUTES.home, icon: 'home' }, WORK[kind], { key: 'messages', title: '消息', url: ORDER_ROUTES.messages, icon: 'messages' }];
}

function go(from: string, tab: Tab): void {
  // Home starts a fresh stack; from home a hub opens on top (back returns home), from hub to hub it takes the place.
  if (tab.url === ROUTES.home) void Taro.reLaunch({ url: tab.url });
  else if (from === ROUTES.home) void Taro.navigateTo({ url: tab.url });
  else void Taro.redirectTo({ url: tab.url });
}

interface Props {
  /** Home passes who is signed in; the other hubs use what home remembered. */
  me?: MeView | null;
}

export default function AppTabs({ me }: Props) {
  const path = `/${(useRouter().path.split('?')[0] ?? '').replace(/^\//, '')}`;
  const stored: unknown = Taro.getStorageSync(KIND_KEY);
  const kind: Kind = me ? kindOf(me) : KINDS.includes(stored) ? (stored as Kind) : 'resident';
  if (me && stored !== kind) Taro.setStorageSync(KIND_KEY, kind);
  // 消息 carries 未读; the work tab the rest of the 待办 but 办理中 (work in hand, not waiting).
  const [counts, setCounts] = useState<Record<string, number>>({});
  const asked = useRef(0);

  // On every show, and when the bar first appears (home draws it after users.me, past the page's first show).
  const load = useCallback(() => {
    if (Date.now() - asked.current < 1000) return;
    asked.current = Date.now();
    api.users.todo().then(
      (t) =>
        setCounts({ messages: t.items.find((i) => i.key === 'unread')?.count ?? 0, work: t.items.reduce((n, i) => n + (i.key === 'unread' || i.key === 'held' ? 0 : i.count), 0) }),
      () => undefined,
    );
  }, []);
  useEffect(load, [load]);
  useDidShow(load);

  return (
    <View className="app-tabs__space">
      <View className="app-tabs" id="app-tabs">
        {tabsFor(kind).map((t) => {
          const active = path === t.url;
          return (
            <View key={t.key} id={`app-tab-${t.key}`} className={`app-tabs__tab${active ? ' app-tabs__tab--active' : ''}`} onClick={() => !active && go(path, t)}>
              <AppIcon name={t.icon} size={22} />
              <Text className="app-tabs__title">{t.title}</Text>
              {(counts[t.key] ?? 0) > 0 && (
                <Text className="app-tabs__badge" id={t.key === 'messages' ? 'app-tab-badge' : `app-tab-${t.key}-badge`}>
                  {counts[t.key]! > 99 ? '99+' : counts[t.key]}
                </Text>
              )}
            </View>
          );
        })}
      </View>
    </View>
  );
}
