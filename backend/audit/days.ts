/** Picked calendar days (Shanghai) → an epoch-ms range filter, shared by the audit log and the 民情日记 lists. */
import { invalid } from '../../shared/errors';
import { dayStartMs } from '../../shared/time';
import type { Operators } from '../store/port';

/** 00:00 Shanghai of a picked day; a day the calendar lacks (2026-02-30) is refused rather than rolled over. */
function startOf(field: 'from' | 'to', label: string, day: string): number {
  const ms = dayStartMs(day);
  if (Number.isNaN(ms)) throw invalid(field, `${label}不是有效日期`);
  return ms;
}

/** `from` inclusive, `to` through its last millisecond; undefined when neither is given. */
export function dayRange(from?: string, to?: string): Operators | undefined {
  if (!from && !to) return undefined;
  const start = from ? startOf('from', '开始日期', from) : undefined;
  const end = to ? startOf('to', '结束日期', to) + 24 * 3600_000 : undefined;
  if (start !== undefined && end !== undefined && start >= end) throw invalid('to', '结束日期不能早于开始日期');
  return { ...(start !== undefined && { $gte: start }), ...(end !== undefined && { $lt: end }) };
}
