/** How the dashboard writes its numbers: rates as percentages, durations the way people say them, trend buckets. */
import type { RateKey } from '@shared/dashboard/model';
import { bandOf } from '@shared/dashboard/model';
import type { Ratio, TrendPoint } from '@shared/dashboard/schemas';

export function percent(r: Ratio): string {
  return r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`;
}

export function fraction(r: Ratio): string {
  return r.den === 0 ? '本期无' : `${r.num}/${r.den}`;
}

/** "按时 2 / 应响应 3": the two counts a rate divides, named, so a reader can check it against the tiles beside it. */
export function counted(r: Ratio, numName: string, denName: string): string {
  return r.den === 0 ? `本期无${denName}` : `${numName} ${r.num} / ${denName} ${r.den}`;
}

/** The colour class of a figure by its meaning: a rate good / warn / bad by RATE_BANDS, a plain count neutral. */
export function toneOf(key: RateKey | null, r?: Ratio): string {
  if (!key || !r) return 'tone-count';
  return `tone-${bandOf(key, r.rate)}`;
}

export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 1440) return `${(minutes / 60).toFixed(1)} 小时`;
  return `${(minutes / 1440).toFixed(1)} 天`;
}

/** A year of days would be an unreadable line: weeks beyond a month, months beyond two. */
export function bucketTrend(points: TrendPoint[]): Array<TrendPoint & { label: string }> {
  const size = points.length > 62 ? 'month' : points.length > 31 ? 'week' : 'day';
  const out: Array<TrendPoint & { label: string }> = [];
  points.forEach((p, i) => {
    const key = size === 'month' ? p.day.slice(0, 7) : size === 'week' ? String(Math.floor(i / 7)) : p.day;
    const last = out[out.length - 1];
    if (last && last.day === key) {
      last.filed += p.filed;
      last.responded += p.responded;
      last.completed += p.completed;
      return;
    }
    const label = size === 'month' ? `${Number(p.day.slice(5, 7))}月` : `${Number(p.day.slice(5, 7))}/${Number(p.day.slice(8, 10))}`;
    out.push({ day: key, label, filed: p.filed, responded: p.responded, completed: p.completed });
  });
  return out;
}
