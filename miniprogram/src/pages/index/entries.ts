/**
 * The home page's entries, grouped by who uses them: 居民服务 for everyone, 党员服务 for members, 网格与社区工作
 * for staff. Subpackage pages are linked by path so the main package never pulls in their code.
 */
import type { Role } from '@shared/users/roles';
import type { MeView, TodoKey } from '@shared/users/schemas';
import type { IconName } from '../../components/AppIcon';
import { ORDER_ROUTES, newOrderUrl } from '../../orders/routes';

export interface Entry {
  id: string;
  icon: IconName;
  title: string;
  url: string;
  /** The 待办 counts (users.todo) its badge shows, summed: what waits behind this tile. */
  counts?: TodoKey[];
}

export interface EntryGroup {
  id: string;
  title: string;
  entries: Entry[];
}

type Who = Role[] | 'everyone';

const EVERYONE: Who = 'everyone';
const MEMBER: Who = ['member'];
const GRID_STAFF: Who = ['grid_worker', 'grid_leader'];
const LEADERS: Who = ['grid_leader', 'community_staff', 'street_admin'];
const COMMUNITY: Who = ['community_staff', 'street_admin'];
const STAFF: Who = ['grid_worker', 'grid_leader', 'community_staff', 'street_admin'];

type Row = [who: Who, entry: Entry];

function residentRows(me: MeView): Row[] {
  const home = me.home[me.home.length - 1];
  const isMember = me.roles.some((r) => r.role === 'member');
  return [
    [EVERYONE, { id: 'entry-new-order', icon: 'write', title: '我要点单', url: newOrderUrl(home?.level === 'building' ? home.id : undefined) }],
    [EVERYONE, { id: 'entry-my-orders', icon: 'orders', title: '我的点单', url: ORDER_ROUTES.mine, counts: ['toRate'] }],
    [EVERYONE, { id: 'entry-messages', icon: 'messages', title: '消息', url: ORDER_ROUTES.messages, counts: ['unread'] }],
    [EVERYONE, { id: 'entry-wishes', icon: 'wish', title: '微心愿', url: '/wish/pages/board/index' }],
    [['resident'], { id: 'entry-new-wish', icon: 'write', title: '许个心愿', url: '/wish/pages/new/index' }],
    // 双报到: those not yet registered see the form; members see their 报到证.
    [
      EVERYONE,
      isMember
        ? { id: 'entry-certificate', icon: 'person', title: '报到证', url: '/members/pages/certificate/index' }
        : { id: 'entry-register', icon: 'person', title: '双报到', url: '/members/pages/register/index' },
    ],
  ];
}

const MEMBER_ROWS: Row[] = [
  [MEMBER, { id: 'entry-hall', icon: 'board', title: '接单大厅', url: ORDER_ROUTES.hall, counts: ['hall'] }],
  [MEMBER, { id: 'entry-held', icon: 'clock', title: '我的接单', url: ORDER_ROUTES.held, counts: ['held'] }],
  [MEMBER, { id: 'entry-activities', icon: 'wish', title: '志愿活动', url: '/activity/pages/list/index' }],
  [MEMBER, { id: 'entry-points', icon: 'points', title: '我的积分', url: ORDER_ROUTES.points }],
  [MEMBER, { id: 'entry-points-declare', icon: 'write', title: '积分申报', url: '/points/pages/declare/index' }],
];

const STAFF_ROWS: Row[] = [
  [STAFF, { id: 'entry-console', icon: 'list', title: '派单台', url: ORDER_ROUTES.console, counts: ['new', 'toDispatch'] }],
  [LEADERS, { id: 'entry-dashboard', icon: 'board', title: '数据看板', url: '/dash/pages/board/index' }],
  [GRID_STAFF, { id: 'entry-diary', icon: 'write', title: '民情日记', url: '/respond/pages/diary/index' }],
  [['grid_leader'], { id: 'entry-points-review', icon: 'review', title: '积分汇总', url: '/points/pages/review/index', counts: ['sum'] }],
  [LEADERS, { id: 'entry-member-review', icon: 'review', title: '报到审核', url: '/members/pages/review/index', counts: ['reg'] }],
  [LEADERS, { id: 'entry-member-library', icon: 'person', title: '党员信息库', url: '/members/pages/library/index' }],
  [['community_staff'], { id: 'entry-points-verify', icon: 'review', title: '积分核实', url: '/points/pages/verify/index', counts: ['verify'] }],
  [['community_staff'], { id: 'entry-points-ranking', icon: 'points', title: '积分排行', url: '/points/pages/ranking/index' }],
  [['community_staff'], { id: 'entry-wish-review', icon: 'review', title: '心愿审核', url: '/wish/pages/review/index', counts: ['wish'] }],
  // 一人联十户: the 微网格联络员's households (staff link them on the node page).
  [['liaison'], { id: 'entry-households', icon: 'person', title: '联系住户', url: '/staff/pages/households/index' }],
  [STAFF, { id: 'entry-codes', icon: 'code', title: '民情二维码', url: '/codes/pages/index/index' }],
  // 12345 热线工单: import the street's export, place the unmatched, export results back (docs/hotline.md).
  [COMMUNITY, { id: 'entry-hotline', icon: 'notice', title: '12345工单', url: '/staff/pages/hotline/index' }],
  [COMMUNITY, { id: 'entry-publish-activity', icon: 'notice', title: '发布活动', url: '/activity/pages/manage/index' }],
  [COMMUNITY, { id: 'entry-response', icon: 'notice', title: '一键响应', url: '/respond/pages/sent/index' }],
  [COMMUNITY, { id: 'entry-mode', icon: 'warning', title: '平时/急时', url: '/respond/pages/mode/index' }],
  [COMMUNITY, { id: 'entry-audit', icon: 'clock', title: '操作日志', url: '/respond/pages/audit/index' }],
];

function pick(me: MeView, rows: Row[]): Entry[] {
  const held = new Set<Role>(me.roles.map((r) => r.role));
  return rows.filter(([who]) => who === 'everyone' || who.some((r) => held.has(r))).map(([, e]) => e);
}

/** The groups this person sees, empty ones left out. */
export function entryGroups(me: MeView): EntryGroup[] {
  return [
    { id: 'entries-resident', title: '居民服务', entries: pick(me, residentRows(me)) },
    { id: 'entries-member', title: '党员服务', entries: pick(me, MEMBER_ROWS) },
    { id: 'entries-staff', title: '网格与社区工作', entries: pick(me, STAFF_ROWS) },
  ].filter((g) => g.entries.length > 0);
}
