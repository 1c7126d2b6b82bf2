/** Picked calendar days (Shanghai) → an epoch-ms range filter, shared by the audit log and the 民情日记 lists. */
import dayjs from 'dayjs';
import { AppError } from '../../shared/errors';
import { TIME_ZONE } from '../../shared/time';
import type { Operators } from '../store/port';

const startOf = (day: string): number => dayjs.tz(day, TIME_ZONE).valueOf();

/** `from` inclusive, `to` through its last millisecond; undefined when neither is given. */
export function dayRange(from?: string, to?: string): Operators | undefined {
  if (!from && !to) return undefined;
  const range: Operators = {};
  if (from) range.$gte = startOf(from);
  if (to) range.$lt = startOf(to) + 24 * 3600_000;
  if (from && to && startOf(from) > startOf(to)) throw new AppError('VALIDATION', '结束日期不能早于开始日期', { to: '结束日期不能早于开始日期' });
  return range;
}
