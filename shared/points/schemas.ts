/** Inputs and views of the points ledger (积分): the order loop credits it; issue-4 pages read it. */
import * as z from 'zod/mini';
import { input, int } from '../validation';

export const POINT_REASONS = {
  order_completed: '完成点单',
  wish_fulfilled: '圆梦微心愿',
  activity_hours: '志愿活动',
  declared_service: '申报服务',
  correction: '积分更正',
} as const;
export type PointReason = keyof typeof POINT_REASONS;

export const myPointsInput = input({ year: z.optional(int('年份', 2020, 2100)) });

export interface LedgerEntryView {
  id: string;
  delta: number;
  reason: PointReason;
  reasonName: string;
  note: string;
  sourceId: string;
  at: number;
}

export interface MyPointsView {
  year: number;
  total: number;
  entries: LedgerEntryView[];
}

export type MyPointsInput = z.infer<typeof myPointsInput>;
