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

/** The Shanghai calendar day of an instant, as YYYY-MM-DD (used for daily limits and counters). */
export function shanghaiDay(at: number): string {
  return dayjs(at).tz(TIME_ZONE).format('YYYY-MM-DD');
}
