/** Inputs and views of the `points` function: ledger, corrections, rules, declarations (申报/汇总/核实), rankings, duty check. */
import * as z from 'zod/mini';
import { id, input, int, oneOf, requestKey, text } from '../validation';
import { photos } from '../orders/schemas';
import type { TimelineView } from '../records/machine';
import type { Page } from '../users/schemas';
import type { DeclarationStatus } from './model';
import { DECLARATION_STATUSES, POINTS_LIMITS } from './model';

export const POINT_REASONS = {
  order_completed: '完成点单',
  wish_fulfilled: '圆梦微心愿',
  activity_hours: '志愿活动',
  declared_service: '申报服务',
  correction: '积分更正',
} as const;
export type PointReason = keyof typeof POINT_REASONS;

const year = z.optional(int('年份', 2020, 2100));
const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, POINTS_LIMITS.pageSize));
const reason = (label: string) => text(label, { min: 2, max: 200 });
const declarationId = id('申报');
const rule = (label: string) => int(label, 0, POINTS_LIMITS.maxRule);
/** Ledger ids are derived from their source (`reason:type:id`), so they carry colons. */
const entryId = z.string({ error: '积分记录需为编号' }).check(z.regex(/^[A-Za-z0-9_:~.-]{1,200}$/, '积分记录格式不正确'));

export const myPointsInput = input({ year });

export const correctInput = input({
  entryId,
  /** Omitted: reverse the entry exactly. Given: the stated change (may be negative). */
  delta: z.optional(int('更正分值', -POINTS_LIMITS.maxCorrection, POINTS_LIMITS.maxCorrection).check(z.refine((n) => n !== 0, '更正分值不能为 0'))),
  reason: reason('更正原因'),
});

export const rulesInput = input({ communityId: z.optional(id('社区')) });
export const setRulesInput = input({
  communityId: id('社区'),
  orderByColour: z.strictObject({ green: rule('绿色点单积分'), yellow: rule('黄色点单积分'), red: rule('红色点单积分') }, { error: '点单积分需按颜色填写' }),
  onTimeBonus: rule('按时办结加分'),
  fiveStarBonus: rule('五星好评加分'),
  wishFulfilled: rule('圆梦微心愿积分'),
  activityPerHour: rule('志愿活动每小时积分'),
});

/** A calendar date as people write it; "not in the future, this year or last" is checked against the server clock. */
const serviceDate = z.string({ error: '服务日期需为日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '服务日期格式应为 2026-03-05'));
const hours = z.number({ error: '服务时长需为数字' }).check(
  z.gt(0, '服务时长需大于 0 小时'),
  z.lte(POINTS_LIMITS.maxHours, `服务时长不能超过 ${POINTS_LIMITS.maxHours} 小时`),
  z.refine((h) => Number.isInteger(h * 2), '服务时长按半小时填写，如 1.5'),
);

export const declareInput = input({
  date: serviceDate,
  hours,
  description: text('服务内容', { min: 5, max: 500 }),
  photos: z.optional(photos('照片')),
  requestKey,
});
const statusFilter = z.optional(oneOf('状态', Object.keys(DECLARATION_STATUSES) as [DeclarationStatus, ...DeclarationStatus[]]));
export const myDeclarationsInput = input({ status: statusFilter, page, pageSize });
/** 召集人汇总: the grid's declarations waiting for the grid leader. */
export const gridQueueInput = input({ gridId: z.optional(id('网格')), page, pageSize });
export const forwardInput = input({
  declarationIds: z
    .array(declarationId, { error: '申报需为列表' })
    .check(z.minLength(1, '请选择要汇总上报的申报'), z.maxLength(POINTS_LIMITS.batch, `一次最多汇总 ${POINTS_LIMITS.batch} 条申报`)),
  note: z.optional(text('汇总说明', { min: 1, max: 200 })),
});
export const sendBackInput = input({ declarationId, reason: reason('退回原因') });
/** 社区核实: the community's forwarded declarations (or the ones already decided). */
export const verifyQueueInput = input({ communityId: z.optional(id('社区')), status: statusFilter, page, pageSize });
export const verifyInput = input({
  declarationId,
  /** Omitted: hours × the community's per-hour rule. */
  points: z.optional(int('核实积分', 0, POINTS_LIMITS.maxDeclaredPoints)),
  note: z.optional(text('核实说明', { min: 1, max: 200 })),
});
export const rejectDeclarationInput = input({ declarationId, reason: reason('不通过原因') });

export const memberRankingInput = input({ scope: oneOf('排行范围', ['community', 'grid'] as const), areaId: z.optional(id('区域')), year, page, pageSize });
export const areaRankingInput = input({ communityId: z.optional(id('社区')), year, page, pageSize });
export const dutyInput = input({ communityId: z.optional(id('社区')), year, behindOnly: z.optional(z.boolean({ error: '只看未达标需为是或否' })), page, pageSize });
export const exportInput = input({ communityId: z.optional(id('社区')), year });

export interface LedgerEntryView {
  id: string;
  delta: number;
  reason: PointReason;
  reasonName: string;
  note: string;
  sourceType: string;
  sourceId: string;
  at: number;
}

export interface DutyProgress {
  /** Served the community at least once this year (any credit). */
  served: boolean;
  /** Holds at least one volunteer post this year (认领志愿服务岗). */
  holdsPost: boolean;
}

export interface MyPointsView {
  year: number;
  total: number;
  /** Competition rank among members of my community this year; null when not placed or no total yet. */
  rank: number | null;
  /** How many members of the community have a total this year. */
  rankedOf: number;
  communityName: string | null;
  duty: DutyProgress;
  entries: LedgerEntryView[];
}

/** The correction's ledger id and change: the member's ledger page has it at once, the kept totals once its effects are applied. */
export interface CorrectionView {
  id: string;
  delta: number;
}

export interface RulesView {
  communityId: string;
  communityName: string;
  rules: {
    orderByColour: { green: number; yellow: number; red: number };
    onTimeBonus: number;
    fiveStarBonus: number;
    wishFulfilled: number;
    activityPerHour: number;
  };
  isDefault: boolean;
  updatedAt: number | null;
  updatedByName: string | null;
  canEdit: boolean;
}

export interface DeclarationView {
  id: string;
  memberId: string;
  memberName: string;
  gridName: string;
  date: string;
  hours: number;
  description: string;
  photoUrls: string[];
  status: DeclarationStatus;
  statusName: string;
  /** Points credited, once verified. */
  points: number | null;
  /** What verifying would credit by default (hours × the per-hour rule). */
  suggestedPoints: number;
  reason: string | null;
  createdAt: number;
  steps: TimelineView[];
  /** The viewer may 核实 or 不通过 it now (shared/points/permissions canVerifyDeclaration): never their own. */
  canVerify: boolean;
}

export interface BatchResult {
  forwarded: string[];
  /** Moved by someone else meanwhile: left as they were. */
  skipped: string[];
}

export interface DeclarationMove {
  id: string;
  status: DeclarationStatus;
}

export interface MemberRankRow {
  rank: number;
  memberId: string;
  name: string;
  gridName: string;
  orgName: string;
  total: number;
}

export interface AreaRankRow {
  rank: number;
  id: string;
  name: string;
  total: number;
  members: number;
  /** Total ÷ members, one decimal. */
  perMember: number;
}

export interface DutyRow {
  memberId: string;
  name: string;
  gridName: string;
  orgName: string;
  total: number;
  served: boolean;
  holdsPost: boolean;
}

export interface DutyView extends Page<DutyRow> {
  year: number;
  communityName: string;
  members: number;
  served: number;
  holdingPost: number;
  complete: number;
}

export type { ExportedFileView as ExportView } from '../api';

export type MyPointsInput = z.infer<typeof myPointsInput>;
export type CorrectInput = z.infer<typeof correctInput>;
export type RulesInput = z.infer<typeof rulesInput>;
export type SetRulesInput = z.infer<typeof setRulesInput>;
export type DeclareInput = z.infer<typeof declareInput>;
export type MyDeclarationsInput = z.infer<typeof myDeclarationsInput>;
export type GridQueueInput = z.infer<typeof gridQueueInput>;
export type ForwardInput = z.infer<typeof forwardInput>;
export type SendBackInput = z.infer<typeof sendBackInput>;
export type VerifyQueueInput = z.infer<typeof verifyQueueInput>;
export type VerifyInput = z.infer<typeof verifyInput>;
export type RejectDeclarationInput = z.infer<typeof rejectDeclarationInput>;
export type MemberRankingInput = z.infer<typeof memberRankingInput>;
export type AreaRankingInput = z.infer<typeof areaRankingInput>;
export type DutyInput = z.infer<typeof dutyInput>;
export type ExportInput = z.infer<typeof exportInput>;
