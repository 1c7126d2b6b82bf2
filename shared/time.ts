/** Asia/Shanghai time for display, the way people say dates ("今天 14:05", "3月2日"). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TIME_ZONE = 'Asia/Shanghai';

/** Format an epoch-ms instant in Shanghai time, relative to `now` for recent days. */
export function formatWhen(at: number, now: number = Date.now()): string {
  const t = dayjs(at).tz(TIME_ZONE);
  const today = dayjs(now).tz(TIME_ZONE).startOf('day');
  const hm = t.format('HH:mm');
  if (t.isSame(today, 'day')) return `今天 ${hm}`;
  if (t.isSame(today.subtract(1, 'day'), 'day')) return `昨天 ${hm}`;
  if (t.isSame(today, 'year')) return t.format('M月D日 HH:mm');
  return t.format('YYYY年M月D日');
}

/**
 * Calendar arithmetic below is plain UTC+8: Shanghai has kept one offset, without daylight saving, since 1991.
 * It runs on every counter and points write, where dayjs's zone lookup costs ~250 µs a call against ~1 µs.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Shanghai calendar day of an instant, as YYYY-MM-DD (used for daily limits and counters). */
export function shanghaiDay(at: number): string {
  return new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai calendar year of an instant: the period a points entry counts for, certificate numbers. */
export function shanghaiYear(at: number): number {
  return new Date(at + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** The first instant (epoch ms) of a Shanghai calendar year. */
export function shanghaiYearStart(year: number): number {
  return Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS;
}

/** Epoch ms of 00:00 Shanghai on a YYYY-MM-DD day; NaN when it is not a real date. */
export function dayStartMs(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return NaN;
  return ms - SHANGHAI_OFFSET_MS;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * A deadline as people read it: `10月9日（周五）18:00`, with the year when it is not the current one. Midnight
 * is said as the end of the day before (`10月8日（周四）24:00`), which is what a working-day deadline ending a day means.
 */
export function formatDeadline(at: number, now: number = Date.now()): string {
  const midnight = (at + SHANGHAI_OFFSET_MS) % (24 * 3600_000) === 0;
  const t = new Date(at + SHANGHAI_OFFSET_MS - (midnight ? 1 : 0));
  const year = t.getUTCFullYear() === new Date(now + SHANGHAI_OFFSET_MS).getUTCFullYear() ? '' : `${t.getUTCFullYear()}年`;
  const hm = midnight ? '24:00' : `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  return `${year}${t.getUTCMonth() + 1}月${t.getUTCDate()}日（周${WEEKDAYS[t.getUTCDay()]}）${hm}`;
}
