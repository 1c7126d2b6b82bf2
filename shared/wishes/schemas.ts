/** Inputs and views of the `wishes` function: 许愿, 审核, 心愿墙, 认领, 圆梦, 确认, and the community's rules. */
import * as z from 'zod/mini';
import { bool, id, input, int, mobile, oneOf, requestKey, text } from '../validation';
import type { TimelineView } from '../records/machine';
import { photoRef } from '../orders/schemas';
import type { Page } from '../users/schemas';
import type { BoardFilter, WishKind, WishStatus } from './model';
import { BOARD_FILTERS, WISH_KINDS, WISH_LIMITS, WISH_RULE_LIMITS, WISH_STATUSES } from './model';

const wishId = id('心愿');
const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));
const title = text('心愿标题', { min: 2, max: WISH_LIMITS.title });
const story = text('心愿故事', { min: 10, max: WISH_LIMITS.story });

export const postWishInput = input({
  title,
  story,
  kind: oneOf('心愿类型', WISH_KINDS),
  /** Whole yuan; the community's cap is checked on the server (it is data, per community). */
  value: int('估算价值', 0, 100000),
  photo: z.optional(photoRef),
  beneficiaryName: text('受助人姓名', { min: 1, max: 20 }),
  contactMobile: mobile('联系电话'),
  door: z.optional(text('门牌号', { min: 1, max: 20 })),
  /** Staff posting for an elderly resident choose the building; residents post for their own home. */
  buildingId: z.optional(id('楼栋')),
  requestKey,
});
export const wishIdInput = input({ wishId });
export const boardInput = input({
  communityId: z.optional(id('社区')),
  filter: z.optional(oneOf('状态', Object.keys(BOARD_FILTERS) as [BoardFilter, ...BoardFilter[]])),
  kind: z.optional(oneOf('心愿类型', WISH_KINDS)),
  page,
  pageSize,
});
export const mineInput = input({ scope: oneOf('范围', ['posted', 'claimed'] as const), page, pageSize });
export const reviewListInput = input({ status: z.optional(oneOf('状态', WISH_STATUSES)), page, pageSize });
/** 审核通过: the public title and story as the reviewer left them, free of identifying details. */
export const approveInput = input({ wishId, title, story });
export const rejectWishInput = input({ wishId, reason: text('不通过原因', { min: 2, max: 200 }) });
export const claimWishInput = input({ wishId, asOrg: z.optional(bool('以报到单位名义认领')) });
export const deliverInput = input({ wishId, note: text('圆梦说明', { min: 2, max: WISH_LIMITS.note }), photo: photoRef });
export const rulesInput = input({ communityId: z.optional(id('社区')) });
export const setRulesInput = input({
  communityId: id('社区'),
  valueCap: int('心愿估值上限', WISH_RULE_LIMITS.valueCap.min, WISH_RULE_LIMITS.valueCap.max),
  claimDays: int('认领期限', WISH_RULE_LIMITS.claimDays.min, WISH_RULE_LIMITS.claimDays.max),
});
export const lapseInput = input({});

/** A wish as anyone may see it: no beneficiary, no phone, no door number, no poster. */
export interface WishCard {
  id: string;
  title: string;
  summary: string;
  kind: WishKind;
  kindName: string;
  value: number;
  status: WishStatus;
  statusName: string;
  /** "梅川第一居委会 · 第一网格": never the building or the door. */
  place: string;
  photoUrl: string | null;
  createdAt: number;
  publishedAt: number | null;
  claimantName: string | null;
  orgName: string | null;
  /** Whether the viewer may claim it now (a member of its community). */
  canClaim: boolean;
}

/** What only the poster, staff in scope and the claimant see. */
export interface WishPrivate {
  beneficiaryName: string;
  contactMobile: string;
  door: string | null;
  posterName: string;
  onBehalf: boolean;
  originalTitle: string;
  originalStory: string;
  /** 拨打 is offered only where the number reaches someone other than the viewer. */
  canCall: boolean;
}

export interface WishAbilities {
  review: boolean;
  claim: boolean;
  claimAsOrg: boolean;
  deliver: boolean;
  confirm: boolean;
}

export interface WishDetail extends WishCard {
  story: string;
  claimDeadline: number | null;
  /** Filled for the poster, staff and the claimant only. */
  private: WishPrivate | null;
  /** `photoUrl` is null when the photo failed WeChat's image check. */
  delivery: { note: string; photoUrl: string | null; at: number } | null;
  rejectReason: string | null;
  fulfilledAt: number | null;
  /** Involved people only (it names them); empty for the public. */
  timeline: TimelineView[];
  can: WishAbilities;
}

export interface WishRulesView {
  communityId: string;
  communityName: string;
  valueCap: number;
  claimDays: number;
  canEdit: boolean;
}

export interface BoardView extends Page<WishCard> {
  community: { id: string; name: string };
  year: number;
  /** Wishes this community fulfilled this (Shanghai) year: shown to anyone. */
  fulfilledThisYear: number;
}

export interface WishMoved {
  id: string;
  status: WishStatus;
}

export type PostWishInput = z.infer<typeof postWishInput>;
export type WishIdInput = z.infer<typeof wishIdInput>;
export type BoardInput = z.infer<typeof boardInput>;
export type MineInput = z.infer<typeof mineInput>;
export type ReviewListInput = z.infer<typeof reviewListInput>;
export type ApproveInput = z.infer<typeof approveInput>;
export type RejectWishInput = z.infer<typeof rejectWishInput>;
export type ClaimWishInput = z.infer<typeof claimWishInput>;
export type DeliverInput = z.infer<typeof deliverInput>;
export type RulesInput = z.infer<typeof rulesInput>;
export type SetRulesInput = z.infer<typeof setRulesInput>;
export type WishPage = Page<WishCard>;
