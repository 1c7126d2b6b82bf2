/** 积分 vocabulary: declaration states (申报 → 汇总 → 核实), limits, and the caps on per-community rules. */
import type { DeclarationStatus, DeclarationStep } from './machine';
import { DECLARATION_MACHINE } from './machine';
import { canMove } from '../records/machine';

export type { DeclarationStatus, DeclarationStep } from './machine';

/** 党员申报 → 召集人汇总 → 社区核实: each state's name, from the machine (shared/points/machine.ts). */
export const DECLARATION_STATUSES = Object.fromEntries(Object.entries(DECLARATION_MACHINE.states).map(([s, d]) => [s, d.name])) as Record<DeclarationStatus, string>;

/** Which statuses each step starts from: every step is a conditional update on them. */
export const DECLARATION_STEPS = Object.fromEntries(Object.entries(DECLARATION_MACHINE.transitions).map(([t, d]) => [t, d.from])) as Record<
  DeclarationStep,
  readonly DeclarationStatus[]
>;

export function canStepFrom(step: DeclarationStep, status: DeclarationStatus): boolean {
  return canMove(DECLARATION_MACHINE, step, status);
}

export const POINTS_LIMITS = {
  /** One declared service is at most a day's work. */
  maxHours: 24,
  /** Points a verifier may give one declaration. */
  maxDeclaredPoints: 100,
  /** Declarations a grid leader may forward in one batch. */
  batch: 50,
  /** A correction's stated delta, either way. */
  maxCorrection: 1000,
  /** Each rule value: a non-negative integer up to this. */
  maxRule: 100,
  /** Rankings and lists: the longest page. */
  pageSize: 50,
} as const;

/** Rule fields as staff see them on the rules page. */
export const RULE_LABELS = {
  'orderByColour.green': '绿色点单',
  'orderByColour.yellow': '黄色点单',
  'orderByColour.red': '红色点单',
  onTimeBonus: '按时办结加分',
  fiveStarBonus: '五星好评加分',
  wishFulfilled: '圆梦微心愿',
  activityPerHour: '志愿活动每小时',
} as const;

/** Default points for a verified declaration: hours × the per-hour rule, whole points, at least 1 when the rule gives any. */
export function declaredPoints(hours: number, perHour: number): number {
  if (perHour <= 0) return 0;
  return Math.min(POINTS_LIMITS.maxDeclaredPoints, Math.max(1, Math.round(hours * perHour)));
}
