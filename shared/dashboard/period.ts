/** Periods of the dashboard as Shanghai calendar days (UTC+8, no daylight saving): today, this week (from Monday), month, year, or custom. */
import type { Period } from './model';
import { MAX_PERIOD_DAYS } from './model';
import { SHANGHAI_OFFSET_MS, dayStartMs, shanghaiDay } from '../time';

const DAY_MS = 24 * 3600 * 1000;

export interface Days {
  from: string;
  to: string;
  /** Every day from `from` to `to`, inclusive. */
  days: string[];
  /** [start, end) in epoch ms. */
  startMs: number;
  endMs: number;
}

/** Counter doc ids use the compact day: 2026-11-20 → 20261120. */
export const compactDay = (day: string): string => day.replace(/-/g, '');

export function daysBetween(from: string, to: string): Days {
  const startMs = dayStartMs(from);
  const endMs = dayStartMs(to) + DAY_MS;
  const days: string[] = [];
  for (let t = startMs; t < endMs; t += DAY_MS) days.push(shanghaiDay(t));
  return { from, to, days, startMs, endMs };
}

/** The days of a named period that ends today (week starts on Monday, as people count it here). */
export function periodDays(period: Exclude<Period, 'custom'>, now: number): Days {
  const today = shanghaiDay(now);
  const [y, m] = today.split('-');
  if (period === 'today') return daysBetween(today, today);
  if (period === 'month') return daysBetween(`${y}-${m}-01`, today);
  if (period === 'year') return daysBetween(`${y}-01-01`, today);
  const weekday = (new Date(dayStartMs(today) + SHANGHAI_OFFSET_MS).getUTCDay() + 6) % 7; // Monday = 0
  return daysBetween(shanghaiDay(dayStartMs(today) - weekday * DAY_MS), today);
}

/** Why a custom range is refused, by field, or null when it is fine. */
export function customRangeProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (Number.isNaN(dayStartMs(from))) return { field: 'from', message: '开始日期不是有效日期' };
  if (Number.isNaN(dayStartMs(to))) return { field: 'to', message: '结束日期不是有效日期' };
  if (from > to) return { field: 'from', message: '开始日期不能晚于结束日期' };
  if ((dayStartMs(to) - dayStartMs(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) return { field: 'to', message: `自定义时段最长 ${MAX_PERIOD_DAYS} 天` };
  return null;
}
