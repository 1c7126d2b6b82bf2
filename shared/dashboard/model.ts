/** 一屏知全域: the per-node daily counters' fields, the periods, the 三率 definitions and the median-from-histogram rule. */
import type { Colour, OrderCategory } from '../orders/model';

/** Counter field names must be plain ASCII paths (they become `$inc` field paths): one key per category. */
export const CATEGORY_KEYS: Record<OrderCategory, string> = {
  维修: 'repair',
  环境卫生: 'environment',
  助老助残: 'elderly',
  政策咨询: 'policy',
  法律援助: 'legal',
  医疗健康: 'health',
  矛盾纠纷: 'dispute',
  安全隐患: 'safety',
  其他: 'other',
};

/**
 * Upper bounds (minutes) of the time histograms' buckets; the last bucket is open. The median is
 * interpolated inside its bucket, so it is exact to within that bucket's width (15 min under an
 * hour, then 1 h, 2 h, 4 h, 16 h, 1 d, 2 d, 3 d).
 */
export const MINUTE_BUCKETS = [15, 30, 60, 120, 240, 480, 1440, 2880, 5760, 10080] as const;

/** Plain counts in one node's day. "event day" fields count on the day it happened; "deadline day" fields on the day the deadline falls. */
export const COUNTER_FIELDS = [
  'filed', // event day (filing): 提交
  'rejected', // event day: 不予受理
  'cancelled', // event day: 撤单
  'responded', // event day: first 接单/接受派单 of an order
  'responseMinutes', // event day: sum of filing → first response, minutes
  'completed', // event day: first 办结 of an order
  'resolutionMinutes', // event day: sum of filing → first 办结, minutes
  'completions', // event day: every 办结, including after 重办
  'rated', // event day: every rating (评单)
  'ratedGood', // event day: ratings of 4 or 5 stars, and 回访 满意/基本满意
  'reopened', // event day: ratings of 2 stars or fewer, and 回访 不满意 (重办)
  'returnVisits', // event day: 回访 (phone verdicts by staff), every one also counted in `rated`
  'respondDue', // deadline day (respondBy) until the first response, then that response's day; cancelled before a response: not due
  'respondedOnTime', // event day: first response at or before respondBy
  'resolveDue', // deadline day (resolveBy): triaged orders not cancelled before completion
  'completedOnTime', // deadline day: first 办结 at or before resolveBy
  'solveDue', // deadline day (resolveBy) until the resident confirms it, then the confirmation's day; cancelled before 办结: not due
  'confirmed', // event day: the resident confirmed it (rated ≥ 3 and closed)
] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];

/** The counts every rate needs, kept again per order source (counter group `src`, `<source>_<field>`), so each rate splits by source. */
export const SOURCE_FIELDS = [
  'filed',
  'respondDue',
  'respondedOnTime',
  'solveDue',
  'confirmed',
  'resolveDue',
  'completedOnTime',
  'rated',
  'ratedGood',
  'returnVisits',
  'reopened',
  'completions',
] as const satisfies readonly CounterField[];
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** One node's counters for one Shanghai day; `byCategory`/`byColour` count filings by filing day. */
export interface DayCounters {
  counts: Partial<Record<CounterField, number>>;
  byCategory: Partial<Record<string, number>>;
  byColour: Partial<Record<Colour, number>>;
  /** Histogram bucket index → count, for filing → first response and filing → first 办结. */
  responseHist: Partial<Record<string, number>>;
  resolutionHist: Partial<Record<string, number>>;
}

export function bucketOf(minutes: number): number {
  const i = MINUTE_BUCKETS.findIndex((b) => minutes < b);
  return i < 0 ? MINUTE_BUCKETS.length : i;
}

/** The median of a histogram, interpolated inside its bucket; null when empty. Open last bucket reports its lower bound. */
export function medianOf(hist: number[]): number | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const half = n / 2;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    const c = hist[i] ?? 0;
    if (c > 0 && seen + c >= half) {
      const lo = i === 0 ? 0 : (MINUTE_BUCKETS[i - 1] ?? 0);
      const hi = MINUTE_BUCKETS[i];
      if (hi === undefined) return lo;
      return Math.round(lo + ((half - seen) / c) * (hi - lo));
    }
    seen += c;
  }
  return null;
}

export const PERIODS = ['today', 'week', 'month', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_NAMES: Record<Period, string> = { today: '今天', week: '本周', month: '本月', year: '本年', custom: '自定义' };
/** A custom period covers at most a year of days: the dashboard reads one counter doc per day. */
export const MAX_PERIOD_DAYS = 366;

/** Rate names and their definitions (the formula in words), shown by each tile's ⓘ and the page's help note, the same as docs/dashboard.md. */
export const RATE_HELP = [
  {
    key: 'responseRate',
    name: '响应率',
    text: '按时接单数 ÷ 应响应数。应响应：本期首次接单（抢单或接受派单）的点单，加上响应期限落在本期、至今还没人接的点单（期限分拣时按颜色定：红 1 小时、黄 4 小时、绿 24 小时）。按时：首次接单不晚于期限。接单前撤单的不计。',
  },
  {
    key: 'resolutionRate',
    name: '解决率',
    text: '已解决数 ÷ 应解决数。已解决：本期居民确认（评价 3 星及以上）的点单。应解决：本期确认的，加上办结期限落在本期、至今未经确认的点单。办结前撤单的不计。',
  },
  { key: 'satisfactionRate', name: '满意率', text: '4 星、5 星评价与回访满意、基本满意之和 ÷ 本期收到的评价数（含电话回访；重办后再次评价也算一次评价）。' },
  { key: 'onTimeRate', name: '按时办结率', text: '按时办结数 ÷ 办结期限落在本期的点单数。按时：首次办结不晚于期限。' },
  { key: 'reopenRate', name: '重办率', text: '本期评价为 2 星及以下（转为重办）的次数 ÷ 本期办结次数。' },
  { key: 'medians', name: '响应 / 办结时长', text: '从提交到首次接单、从提交到首次办结的中位数，按本期发生的接单、办结统计；按分段直方图估算，误差在所在分段宽度内。' },
  { key: 'served', name: '党员服务率', text: '在本节点报到（已通过）的党员中，本期所在年度已获得积分的比例。' },
] as const;
export type RateKey = (typeof RATE_HELP)[number]['key'];

/**
 * How a rate reads at a glance (colour by meaning): good at or above `good`, bad below `warn`, warn in between.
 * For 重办率 lower is better, so its thresholds are upper bounds.
 */
export const RATE_BANDS: Partial<Record<RateKey, { good: number; warn: number; lowerIsBetter?: boolean }>> = {
  responseRate: { good: 0.9, warn: 0.7 },
  resolutionRate: { good: 0.9, warn: 0.7 },
  satisfactionRate: { good: 0.9, warn: 0.7 },
  onTimeRate: { good: 0.9, warn: 0.7 },
  served: { good: 0.6, warn: 0.3 },
  reopenRate: { good: 0.05, warn: 0.15, lowerIsBetter: true },
};

export type Band = 'good' | 'warn' | 'bad' | 'none';

export function bandOf(key: RateKey, rate: number | null): Band {
  const b = RATE_BANDS[key];
  if (!b || rate === null) return 'none';
  if (b.lowerIsBetter) return rate <= b.good ? 'good' : rate <= b.warn ? 'warn' : 'bad';
  return rate >= b.good ? 'good' : rate >= b.warn ? 'warn' : 'bad';
}

/** The three rates the 下级对比 table compares, in its column order. */
export const CHILD_RATES = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

/**
 * 落后 (laggard): a child whose rate is below the node's own rate for the same period, on any of the 三率 — the
 * node's own rate is the whole of its children, so "below it" means pulling it down. A rate with nothing due on
 * either side compares nothing. Said in the page and in docs/dashboard.md.
 */
export const LAGGARD_RULE = '标「落后」的：三率中有一项低于本级整体（表头下一行）';

export function isBehind(child: { rate: number | null }, own: { rate: number | null }): boolean {
  return child.rate !== null && own.rate !== null && child.rate < own.rate;
}
