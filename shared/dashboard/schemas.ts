/** Inputs and views of the `dashboard` function: the summary of a node and period, and the xlsx exports. */
import * as z from 'zod/mini';
import type { Colour, OrderCategory, OrderSource, OrderStatus } from '../orders/model';
import type { OrderCard } from '../orders/schemas';
import type { AreaLevel } from '../areas/model';
import { id, input, int, oneOf } from '../validation';
import { day } from '../audit/schemas';
import type { CounterField, Period } from './model';
import { PERIODS } from './model';

const periodShape = {
  areaId: z.optional(id('区域')),
  period: oneOf('时段', PERIODS),
  from: z.optional(day('开始日期')),
  to: z.optional(day('结束日期')),
};

export const summaryInput = input(periodShape);
export const childrenInput = input(periodShape);
export const exportOrdersInput = input(periodShape);
export const exportLedgerInput = input({ areaId: z.optional(id('区域')), year: int('年度', 2020, 2100) });

export type SummaryInput = z.infer<typeof summaryInput>;
export type ChildrenInput = z.infer<typeof childrenInput>;
export type ExportOrdersInput = z.infer<typeof exportOrdersInput>;
export type ExportLedgerInput = z.infer<typeof exportLedgerInput>;

export interface Ratio {
  num: number;
  den: number;
  /** num ÷ den, 0–1; null when nothing was due (shown as —). */
  rate: number | null;
}

export interface TrendPoint {
  day: string;
  filed: number;
  responded: number;
  completed: number;
}

export interface EmergencyMark {
  communityId: string;
  from: number;
  /** Null while still in 急时. */
  to: number | null;
  reason: string;
}

export interface SummaryView {
  node: { id: string; name: string; level: AreaLevel; levelName: string; trail: string };
  period: { kind: Period; from: string; to: string; days: number };
  /** Orders open now under the node, by status (a snapshot, not limited to the period). */
  open: Partial<Record<OrderStatus, number>>;
  totals: Record<CounterField, number>;
  rates: { responseRate: Ratio; resolutionRate: Ratio; onTimeRate: Ratio; satisfactionRate: Ratio; reopenRate: Ratio };
  medians: { responseMinutes: number | null; resolutionMinutes: number | null };
  byCategory: Array<{ category: OrderCategory; count: number }>;
  byColour: Array<{ colour: Colour; count: number }>;
  /** Every rate per source (小程序/电话/来访/网格巡查/12345), one row per source in ORDER_SOURCES order. */
  bySource: SourceRow[];
  trend: TrendPoint[];
  members: { registered: number; served: number; servedRate: Ratio; year: number };
  points: Array<{ label: string; count: number }>;
  overdue: { total: number; items: OrderCard[] };
  marks: EmergencyMark[];
  generatedAt: number;
}

/** One source's filings, 回访 and rates for the period (counter group `src`). */
export interface SourceRow {
  source: OrderSource;
  filed: number;
  returnVisits: number;
  responseRate: Ratio;
  resolutionRate: Ratio;
  onTimeRate: Ratio;
  satisfactionRate: Ratio;
  reopenRate: Ratio;
}

/** One row of the 下级对比 table: a child node's figures for the period (from its counters) and its open orders now. */
export interface ChildRow {
  id: string;
  name: string;
  level: AreaLevel;
  /** Filed, answered (first 接单) and completed (first 办结) in the period. */
  filed: number;
  responded: number;
  completed: number;
  /** Open now, and of those flagged overdue by the sweep (snapshots, not limited to the period). */
  open: number;
  overdue: number;
  responseRate: Ratio;
  resolutionRate: Ratio;
  satisfactionRate: Ratio;
  /** The 三率 this child is behind on (LAGGARD_RULE); empty when it is not a laggard. */
  behind: Array<'responseRate' | 'resolutionRate' | 'satisfactionRate'>;
}

export interface ChildrenView {
  node: { id: string; name: string; level: AreaLevel; levelName: string };
  /** What the children are called (社区, 网格, 楼栋 …); null at a building, which has none. */
  childLevelName: string | null;
  period: { kind: Period; from: string; to: string; days: number };
  /** The node's own 三率 over the same period: what a child is compared with. */
  own: { responseRate: Ratio; resolutionRate: Ratio; satisfactionRate: Ratio };
  rows: ChildRow[];
}

/** The exports are the same kind of file as the 双报到台账. */
export type { ExportedFileView as ExportView } from '../api';
