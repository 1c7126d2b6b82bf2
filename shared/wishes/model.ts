/** 微心愿 wishes: kinds, statuses (their machine is shared/wishes/machine.ts), the per-community rules' defaults, and limits. */
import { canMove } from '../records/machine';
import type { WishTransition } from './machine';
import { WISH_MACHINE } from './machine';

export const WISH_KINDS = ['material', 'companionship'] as const;
export type WishKind = (typeof WISH_KINDS)[number];
export const WISH_KIND_NAMES: Record<WishKind, string> = { material: '物质心愿', companionship: '精神心愿' };
export const WISH_KIND_HINTS: Record<WishKind, string> = { material: '如孩子的课外书、一件冬衣', companionship: '如陪伴聊天、上门理发、读报' };

export const WISH_STATUSES = [
  'pending', // 待审核
  'rejected', // 未通过
  'published', // 待认领（在心愿墙上）
  'claimed', // 已认领，圆梦中
  'delivered', // 认领人已送达，待受助人确认
  'fulfilled', // 已圆梦
] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

/** Each status's name, from the machine (shared/wishes/machine.ts). */
export const WISH_STATUS_NAMES = Object.fromEntries(WISH_STATUSES.map((st) => [st, WISH_MACHINE.states[st].name])) as Record<WishStatus, string>;

/** Statuses the public board shows; the others are between the poster and staff. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['published', 'claimed', 'delivered', 'fulfilled'];

/** The board's filter, in the words people use: 待认领 / 圆梦中 / 已圆梦. */
export const BOARD_FILTERS = {
  open: { name: '待认领', statuses: ['published'] },
  claimed: { name: '圆梦中', statuses: ['claimed', 'delivered'] },
  fulfilled: { name: '已圆梦', statuses: ['fulfilled'] },
} as const satisfies Record<string, { name: string; statuses: readonly WishStatus[] }>;
export type BoardFilter = keyof typeof BOARD_FILTERS;

/** Each step's from/to, as callers read it before the machine carried more; the server's conditional update checks `from`. */
export const WISH_TRANSITIONS: Record<WishTransition, { from: readonly WishStatus[]; to: WishStatus }> = WISH_MACHINE.transitions;
export type { WishTransition };

export function canWishTransition(action: WishTransition, from: WishStatus): boolean {
  return canMove(WISH_MACHINE, action, from);
}

/** 心愿规则 per community (data in `wish_rules`, editable by community staff); these apply where none is set. */
export interface WishRules {
  /** The most a wish may be worth, in whole yuan. */
  valueCap: number;
  /** Days a claimant has to fulfil before the claim lapses back to the board. */
  claimDays: number;
}
export const DEFAULT_WISH_RULES: WishRules = { valueCap: 200, claimDays: 14 };
/** Bounds on what staff may set. */
export const WISH_RULE_LIMITS = { valueCap: { min: 10, max: 2000 }, claimDays: { min: 1, max: 60 } } as const;

export const WISH_LIMITS = {
  title: 30,
  story: 500,
  note: 300,
  /** Wishes a resident may post per day (staff posting for others are not limited). */
  perResidentPerDay: 3,
} as const;
