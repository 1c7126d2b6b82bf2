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
  if (me.roles.some((r) => r.role === 'grid_leader' || r.role === 'community_staff' || r.role === 'street_admin')) entries.push({ id: 'entry-dashboard', mark: '数', title: '数据看板', url: '/dash/pages/board/index' });
  // 志愿服务 (subpackage `activity`, linked by path so the main package does not pull its code): members sign up, community staff and street admins publish.
  if (me.roles.some((r) => r.role === 'member')) entries.push({ id: 'entry-activities', mark: '志', title: '志愿活动', url: '/activity/pages/list/index' });
  if (me.roles.some((r) => r.role === 'community_staff' || r.role === 'street_admin')) entries.push({ id: 'entry-publish-activity', mark: '发', title: '发布活动', url: '/activity/pages/manage/index' });

  // 一键响应 / 平时急时 / 民情日记 / 操作日志 (subpackage `respond`, linked by path for the same reason).
  if (me.roles.some((r) => r.role === 'community_staff' || r.role === 'street_admin')) {
    entries.push({ id: 'entry-response', mark: '响', title: '一键响应', url: '/respond/pages/sent/index' }, { id: 'entry-mode', mark: '急', title: '平时/急时', url: '/respond/pages/mode/index' });
    entries.push({ id: 'entry-audit', mark: '录', title: '操作日志', url: '/respond/pages/audit/index' });
  }
  if (me.roles.some((r) => r.role === 'grid_worker' || r.role === 'grid_leader')) entries.push({ id: 'entry-diary', mark: '记', title: '民情日记', url: '/respond/pages/diary/index' });
  // 双报到 (subpackage `members`, linked by path): register or show the 报到证; review and the 信息库 for staff.
  entries.push(me.roles.some((r) => r.role === 'member') ? { id: 'entry-certificate', mark: '证', title: '报到证', url: '/members/pages/certificate/index' } : { id: 'entry-register', mark: '报', title: '双报到', url: '/members/pages/register/index' });
  if (me.roles.some((r) => r.role === 'grid_leader' || r.role === 'community_staff' || r.role === 'street_admin')) {
    entries.push({ id: 'entry-member-review', mark: '审', title: '报到审核', url: '/members/pages/review/index' }, { id: 'entry-member-library', mark: '库', title: '党员信息库', url: '/members/pages/library/index' });
  }
  // 微心愿 (subpackage `wish`, linked by path): the board for everyone, 许个心愿 for residents, 心愿审核 for community staff.
  entries.push({ id: 'entry-wishes', mark: '愿', title: '微心愿', url: '/wish/pages/board/index' });
  if (me.roles.some((r) => r.role === 'resident')) entries.push({ id: 'entry-new-wish', mark: '许', title: '许个心愿', url: '/wish/pages/new/index' });
  if (me.roles.some((r) => r.role === 'community_staff')) entries.push({ id: 'entry-wish-review', mark: '核', title: '心愿审核', url: '/wish/pages/review/index' });
  // 积分 (subpackage `points`, linked by path): 申报 for members, 汇总 for grid leaders, 核实 and 排行 for community staff.
  if (me.roles.some((r) => r.role === 'member')) entries.push({ id: 'entry-points-declare', mark: '申', title: '积分申报', url: '/points/pages/declare/index' });
  if (me.roles.some((r) => r.role === 'grid_leader')) entries.push({ id: 'entry-points-review', mark: '汇', title: '积分汇总', url: '/points/pages/review/index' });
  if (me.roles.some((r) => r.role === 'community_staff')) {
    entries.push({ id: 'entry-points-verify', mark: '实', title: '积分核实', url: '/points/pages/verify/index' }, { id: 'entry-points-ranking', mark: '榜', title: '积分排行', url: '/points/pages/ranking/index' });
  }

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
