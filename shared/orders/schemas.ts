/** Inputs and views of the `orders` function: 点单, 分拣, 派单, 接单, 评单 and the lists around them. */
import * as z from 'zod/mini';
import { bool, id, input, int, mobile, oneOf, requestKey, text } from '../validation';
import type { TimelineView } from '../records/machine';
import type { Page } from '../users/schemas';
import type { Skill } from '../users/roles';
import { MEMBER_SKILLS } from '../users/roles';
import type { Colour, ColourRule, ConsoleTab, OrderCategory, OrderSource, OrderStatus } from './model';
import type { OrderUnit } from '../units/model';
import { DUTY_PARTIES } from '../duties/model';
import { COLOURS, CONSOLE_TABS, DAY_COUNTS, ON_BEHALF_SOURCES, ORDER_CATEGORIES, RETURN_VISIT_RESULTS } from './model';

// Photos are every record's (shared/photos.ts); re-exported for the order modules that name them here.
export { photoRef, photos } from '../photos';
export type { PhotoRef } from '../photos';
import { photos } from '../photos';

const orderId = id('点单');
const reason = (label: string) => text(label, { min: 2, max: 200 });
const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));

export const fileOrderInput = input({
  buildingId: id('楼栋'),
  category: oneOf('类别', ORDER_CATEGORIES),
  description: text('问题描述', { min: 5, max: 500 }),
  photos: z.optional(photos('照片')),
  contactName: text('联系人', { min: 1, max: 20 }),
  contactMobile: mobile('联系电话'),
  anonymousToMembers: z.optional(bool('对党员匿名')),
  /** 允许分享到网格群: off unless the filer turns it on; kept on the order. */
  shareable: z.optional(bool('允许分享到网格群')),
  /** Accepted now; the order write path makes a repeat the same write (issue 12 item 5). */
  requestKey,
});
/** 代为登记: staff file for someone who phoned, came in or was met on a 网格巡查; that person need not have an account. */
export const fileOnBehalfInput = input({
  source: z.enum(ON_BEHALF_SOURCES, { error: (iss) => (iss.input === undefined ? '请选择来源（电话、来访或网格巡查）' : '来源只能是电话、来访或网格巡查') }),
  buildingId: id('楼栋'),
  category: oneOf('类别', ORDER_CATEGORIES),
  description: text('问题描述', { min: 5, max: 500 }),
  photos: z.optional(photos('照片')),
  contactName: text('联系人', { min: 1, max: 20 }),
  contactMobile: mobile('联系电话'),
  requestKey,
});
export const similarOrdersInput = input({ buildingId: id('楼栋'), category: oneOf('类别', ORDER_CATEGORIES) });
export const orderIdInput = input({ orderId });
export const myOrdersInput = input({ scope: z.optional(oneOf('范围', ['open', 'done'] as const)), page, pageSize });
export const cancelOrderInput = input({ orderId, reason: z.optional(reason('撤单原因')) });
export const rateOrderInput = input({
  orderId,
  stars: int('评分', 1, 5),
  comment: z.optional(text('评价', { min: 1, max: 300 })),
});

export const consoleInput = input({
  tab: oneOf('分类', Object.keys(CONSOLE_TABS) as [ConsoleTab, ...ConsoleTab[]]),
  areaId: z.optional(id('区域')),
  colour: z.optional(oneOf('颜色', COLOURS)),
  category: z.optional(oneOf('类别', ORDER_CATEGORIES)),
  page,
  pageSize,
});
/** The 责任主体 is optional; choosing one other than the 职责清单's suggestion needs a reason (backend/orders/staff.ts). */
export const triageInput = input({
  orderId,
  colour: oneOf('颜色', COLOURS),
  category: z.optional(oneOf('类别', ORDER_CATEGORIES)),
  party: z.optional(oneOf('责任主体', DUTY_PARTIES)),
  department: z.optional(text('职能部门', { max: 20 })),
  partyReason: z.optional(reason('改定理由')),
});
export const rejectInput = input({ orderId, reason: reason('驳回原因') });
export const dispatchInput = input({ orderId, memberId: id('党员') });
export const poolInput = input({ orderId, level: oneOf('抢单范围', ['grid', 'community'] as const), skill: z.optional(oneOf('所需技能', MEMBER_SKILLS)) });
export const reassignInput = input({ orderId, memberId: id('党员'), reason: reason('改派原因') });
export const noteInput = input({ orderId, note: text('备注', { min: 1, max: 300 }), requestKey });
/** 回访: the result the resident gave on the call, and a note (required for 不满意: backend/orders/visit.ts says so by field). */
export const returnVisitInput = input({
  orderId,
  result: z.enum(RETURN_VISIT_RESULTS, { error: (iss) => (iss.input === undefined ? '请选择回访结果' : '回访结果不在可选范围内') }),
  note: z.optional(text('回访记录', { min: 1, max: 300 })),
});
export const closeReopenedInput = input({ orderId, explanation: text('办结说明', { min: 5, max: 300 }) });

export const hallInput = input({ skill: z.optional(oneOf('技能', MEMBER_SKILLS)), page, pageSize });
export const heldInput = input({ scope: z.optional(oneOf('范围', ['open', 'done'] as const)), page, pageSize });
export const declineInput = input({ orderId, reason: reason('婉拒原因') });
export const releaseInput = input({ orderId, reason: reason('退回原因') });
export const progressInput = input({
  orderId,
  note: text('进展', { min: 2, max: 300 }),
  /** 延期说明: the member expects to finish later than promised; the resident sees it. */
  delayed: z.optional(bool('是否延期')),
  requestKey,
});
export const completeInput = input({ orderId, note: text('办结说明', { min: 2, max: 300 }), photos: z.optional(photos('办结照片')) });
export const sweepInput = input({});

export interface OrderCard {
  id: string;
  /** 单号 (shared/orders/model orderNumber): what residents quote and exports list. */
  no: string;
  category: OrderCategory;
  summary: string;
  status: OrderStatus;
  statusName: string;
  colour: Colour | null;
  colourName: string | null;
  /** Where it came in (小程序 unless staff filed it on someone's behalf or it came from 12345). */
  source: OrderSource;
  sourceName: string;
  /** "第一网格 · 1号楼" */
  place: string;
  createdAt: number;
  overdue: boolean;
  followerCount: number;
  requiredSkill: Skill | null;
  holderName: string | null;
}

/** What the viewer may do next: computed on the server from the same predicates that guard the actions. */
export interface OrderAbilities {
  follow: boolean;
  cancel: boolean;
  rate: boolean;
  triage: boolean;
  reject: boolean;
  dispatch: boolean;
  pool: boolean;
  note: boolean;
  closeReopened: boolean;
  /** 回访: completed, not rated, in the viewer's subtree, not their own case nor work they did. */
  returnVisit: boolean;
  reassign: boolean;
  claim: boolean;
  accept: boolean;
  decline: boolean;
  progress: boolean;
  release: boolean;
  complete: boolean;
  /** 拨打 the contact: shown only where the number reaches someone other than the viewer. */
  call: boolean;
  /** 分享 to the 网格微信群: the filer allowed it and the viewer sees the order whole. */
  share: boolean;
}

export interface OrderDetail extends OrderCard {
  description: string;
  photoUrls: string[];
  completionPhotoUrls: string[];
  trail: string;
  contactName: string;
  /** Full only for the filer, the member holding it and staff; masked for everyone else. */
  contactMobile: string | null;
  respondBy: number | null;
  resolveBy: number | null;
  /** A 12345 ticket's number and 办理时限, which is its 办结期限 before and after 分拣 (the colour does not change it). */
  hotline?: { ticket: string; deadline: number };
  rating: { stars: number; comment: string | null } | null;
  rejectReason: string | null;
  timeline: TimelineView[];
  can: OrderAbilities;
  /** The unit (物业, 职能部门, 共建单位) it is with; present only on such orders. */
  unit?: OrderUnit | null;
}

/**
 * A shared order as someone who may not see it whole sees it (orders.shared): what the problem is and where, how far
 * it has got — no phone, the filer's name masked, long digit runs (phones, door numbers) masked in the text, no photos
 * (they may show people, door plates or the inside of a home), no timeline (it names staff and members, with notes).
 */
export interface PublicOrderView {
  id: string;
  no: string;
  category: OrderCategory;
  description: string;
  status: OrderStatus;
  statusName: string;
  colourName: string | null;
  /** Community · grid · building. */
  trail: string;
  /** "王**", or 匿名居民 when the resident chose to be anonymous to members. */
  filerName: string;
  createdAt: number;
  followerCount: number;
}

/** Opening a shared order: the whole order for who may see it, else the public view (if the filer allowed sharing). */
export type SharedOrderView = { full: OrderDetail; public?: never } | { public: PublicOrderView; full?: never };

export interface CandidateView {
  id: string;
  name: string;
  skills: Skill[];
  openLoad: number;
  homeTrail: string;
}

export type ConsoleCounts = Record<ConsoleTab, number>;

/** 时限规则 of a community (without one, the reader's own): read by its staff, one colour changed at a time by community or street staff. */
export const orderRulesInput = input({ communityId: z.optional(id('社区')) });
/** Hours up to 30 days to respond, 90 days to complete; 办结 not before 响应 is checked by the server (backend/orders/rulesAdmin.ts). */
export const setColourRuleInput = input({
  communityId: id('社区'),
  colour: oneOf('颜色', COLOURS),
  respondHours: int('响应时限（小时）', 1, 720),
  resolveHours: int('办结时限（小时）', 1, 2160),
  days: oneOf('计算方式', DAY_COUNTS),
});

export interface OrderRulesView {
  communityId: string;
  communityName: string;
  colours: Record<Colour, ColourRule>;
  /** True while the community has never saved its own rules: the defaults of shared/orders/model.ts apply. */
  isDefault: boolean;
  canEdit: boolean;
  /** Years working-day deadlines may reach whose 放假安排 the calendar lacks (they count Monday to Friday): usually none. */
  calendarGap: number[];
}

export type OrderRulesInput = z.infer<typeof orderRulesInput>;
export type SetColourRuleInput = z.infer<typeof setColourRuleInput>;
export type FileOrderInput = z.infer<typeof fileOrderInput>;
export type FileOnBehalfInput = z.infer<typeof fileOnBehalfInput>;
export type SimilarOrdersInput = z.infer<typeof similarOrdersInput>;
export type OrderIdInput = z.infer<typeof orderIdInput>;
export type MyOrdersInput = z.infer<typeof myOrdersInput>;
export type CancelOrderInput = z.infer<typeof cancelOrderInput>;
export type RateOrderInput = z.infer<typeof rateOrderInput>;
export type ConsoleInput = z.infer<typeof consoleInput>;
export type TriageInput = z.infer<typeof triageInput>;
export type RejectInput = z.infer<typeof rejectInput>;
export type DispatchInput = z.infer<typeof dispatchInput>;
export type PoolInput = z.infer<typeof poolInput>;
export type ReassignInput = z.infer<typeof reassignInput>;
export type NoteInput = z.infer<typeof noteInput>;
export type CloseReopenedInput = z.infer<typeof closeReopenedInput>;
export type ReturnVisitInput = z.infer<typeof returnVisitInput>;
export type HallInput = z.infer<typeof hallInput>;
export type HeldInput = z.infer<typeof heldInput>;
export type DeclineInput = z.infer<typeof declineInput>;
export type ReleaseInput = z.infer<typeof releaseInput>;
export type ProgressInput = z.infer<typeof progressInput>;
export type CompleteInput = z.infer<typeof completeInput>;
export type OrderPage = Page<OrderCard>;
