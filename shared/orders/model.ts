/** 点单 orders: categories, 3色 colours and their deadlines, statuses, who owns an order by colour, and its 单号. */
import { PHOTO_LIMITS } from '../photos';
import { shanghaiDay } from '../time';

export const ORDER_CATEGORIES = ['维修', '环境卫生', '助老助残', '政策咨询', '法律援助', '医疗健康', '矛盾纠纷', '安全隐患', '其他'] as const;
export type OrderCategory = (typeof ORDER_CATEGORIES)[number];

/** 3色事项清单: 红 goes up to the street, 黄 to the grid leader, 绿 to the grid worker. */
export const COLOURS = ['red', 'yellow', 'green'] as const;
export type Colour = (typeof COLOURS)[number];
export const COLOUR_NAMES: Record<Colour, string> = { red: '红', yellow: '黄', green: '绿' };

/** How a colour's hours are counted: 自然日 (every hour), or 工作日 (the clock stops on weekends and 法定节假日, honouring 调休). */
export const DAY_COUNTS = ['natural', 'working'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];
export const DAY_COUNT_NAMES: Record<DayCount, string> = { natural: '自然日', working: '工作日' };

export interface ColourRule {
  /** Hours from triage until a member must have taken it (响应). */
  respondHours: number;
  /** Hours from triage until it must be completed (解决). */
  resolveHours: number;
  /** Both deadlines count in this kind of day (docs/orders.md 时限). */
  days: DayCount;
}

/** Defaults per community (达州 3色清单): 红 1 h / 24 h, 黄 4 h / 3 d, 绿 24 h / 7 d, in natural days. */
export const DEFAULT_COLOUR_RULES: Record<Colour, ColourRule> = {
  red: { respondHours: 1, resolveHours: 24, days: 'natural' },
  yellow: { respondHours: 4, resolveHours: 72, days: 'natural' },
  green: { respondHours: 24, resolveHours: 168, days: 'natural' },
};

/** Who owns an order of each colour: the level of the tree whose staff answer for it. */
export const COLOUR_OWNER_LEVEL: Record<Colour, 'street' | 'grid'> = { red: 'street', yellow: 'grid', green: 'grid' };

export const ORDER_STATUSES = [
  'new', // 待分拣
  'triaged', // 待派单
  'pooled', // 抢单中
  'assigned', // 已派单，待党员确认
  'in_progress', // 处理中
  'completed', // 已办结，待评价
  'reopened', // 重办
  'closed', // 已完结
  'rejected', // 已驳回
  'cancelled', // 已取消
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STATUS_NAMES: Record<OrderStatus, string> = {
  new: '待分拣',
  triaged: '待派单',
  pooled: '抢单中',
  assigned: '已派单',
  in_progress: '处理中',
  completed: '待评价',
  reopened: '重办',
  closed: '已完结',
  rejected: '已驳回',
  cancelled: '已取消',
};

/** FixMyStreet's lesson: ask the state's type, never compare strings all over the code. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'triaged', 'pooled', 'assigned', 'in_progress', 'completed', 'reopened'];
export const DONE_STATUSES: readonly OrderStatus[] = ['closed', 'rejected', 'cancelled'];
/** Statuses in which a member holds the order (counts toward their open load). */
export const HELD_STATUSES: readonly OrderStatus[] = ['assigned', 'in_progress'];

/** The staff console's tabs and the statuses each shows (已超时 is a flag, not a status). */
export const CONSOLE_TABS = {
  new: { name: '待分拣', statuses: ['new'] },
  toDispatch: { name: '待派单', statuses: ['triaged', 'reopened'] },
  pool: { name: '抢单中', statuses: ['pooled'] },
  active: { name: '进行中', statuses: ['assigned', 'in_progress', 'completed'] },
  overdue: { name: '已超时', statuses: OPEN_STATUSES },
  done: { name: '已完结', statuses: DONE_STATUSES },
} as const satisfies Record<string, { name: string; statuses: readonly OrderStatus[] }>;
export type ConsoleTab = keyof typeof CONSOLE_TABS;

/**
 * 回访: staff call a resident who has not rated a completed order (phone and 12345 residents) and record what they said.
 * 满意 and 基本满意 close it and count as satisfied in 满意率; 不满意 reopens it as a 2-star rating does.
 */
export const RETURN_VISIT_RESULTS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type ReturnVisitResult = (typeof RETURN_VISIT_RESULTS)[number];
export const RETURN_VISIT_NAMES: Record<ReturnVisitResult, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

/**
 * Where an order came in: 小程序 (the resident filed it), or staff filed it on someone's behalf after a 电话, a 来访 or a 网格巡查,
 * or it came from a 12345热线 ticket. Orders stored before sources existed have none: absent means 'app' (no migration).
 */
export const ORDER_SOURCES = ['app', 'phone', 'visit', 'patrol', '12345'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];
export const ORDER_SOURCE_NAMES: Record<OrderSource, string> = { app: '小程序', phone: '电话', visit: '来访', patrol: '网格巡查', '12345': '12345热线' };
/** The sources staff choose from when they file on someone's behalf (12345 tickets come in by import). */
export const ON_BEHALF_SOURCES = ['phone', 'visit', 'patrol'] as const satisfies readonly OrderSource[];
export type OnBehalfSource = (typeof ON_BEHALF_SOURCES)[number];
/** An order's source, reading an absent field as 'app'. */
export const orderSource = (order: { source?: OrderSource | null }): OrderSource => order.source ?? 'app';

/** Limits that communities may tune later; these are the defaults the issue names. */
export const ORDER_LIMITS = {
  perResidentPerDay: 5,
  memberOpenOrders: 5,
  photos: PHOTO_LIMITS.perRecord,
  photoBytes: PHOTO_LIMITS.bytes,
  similarDays: 14,
  autoCloseDays: 7,
  /** A rating at or below this reopens the order (重办). */
  reopenAtOrBelow: 2,
} as const;

export { PHOTO_TYPES } from '../photos';

/** Order ids as backend/runtime/ids makes them: `o`, creation time (base 36), sequence, 8 hex of randomness. */
const ORDER_ID = /^o([0-9a-z]{9})[0-9a-z]{3}([0-9a-f]{6})[0-9a-f]{2}$/;
const KEYED_ORDER_ID = /^o-([0-9a-f]{6})[0-9a-f]{18}$/;

/**
 * 单号 people read out and find in exports: the filing day and six characters of the id's randomness,
 * `20261120-3F9C2A`. Derived from the id, so it needs no counter; an id of another shape is shown as it is.
 */
export function orderNumber(id: string, createdAt?: number): string {
  const m = ORDER_ID.exec(id);
  if (m) return `${shanghaiDay(parseInt(m[1] ?? '0', 36)).replace(/-/g, '')}-${(m[2] ?? '').toUpperCase()}`;
  // Filed with a request key (backend/runtime/ids keyedId): the id holds no time, the filing day comes from createdAt.
  const keyed = KEYED_ORDER_ID.exec(id);
  if (keyed) return `${createdAt === undefined ? 'K' : shanghaiDay(createdAt).replace(/-/g, '')}-${(keyed[1] ?? '').toUpperCase()}`;
  return id;
}
