/**
 * 一屏知全域: a node's dashboard for a period. Reads are a fixed handful whatever the data size: the node's counter
 * docs by id (one per day, and its `open` doc for the backlog), the overdue page, and the members and points figures
 * (see docs/dashboard.md for every definition).
 */
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import type { CounterField } from '../../shared/dashboard/model';
import { CATEGORY_KEYS, COUNTER_FIELDS, MINUTE_BUCKETS, SOURCE_FIELDS, medianOf } from '../../shared/dashboard/model';
import type { Days } from '../../shared/dashboard/period';
import type { EmergencyMark, Ratio, SourceRow, SummaryInput, SummaryView } from '../../shared/dashboard/schemas';
import type { OrderCategory, OrderStatus } from '../../shared/orders/model';
import { COLOURS, OPEN_STATUSES, ORDER_CATEGORIES, ORDER_SOURCES } from '../../shared/orders/model';
import { AREAS_KEPT, keptPathOf } from '../areas/repo';
import { registrations } from '../members/repo';
import { orders } from '../orders/repo';
import { toCard } from '../orders/views';
import { totals } from '../points/repo';
import { modeSwitches } from '../response/repo';
import { OPEN_DAY } from '../records/pending';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import type { CounterDoc } from './repo';
import { counterId, counters } from './repo';
import { keptDashboardNode, resolvePeriod } from './scope';

const OVERDUE_LIMIT = 20;
/** Points distribution of the node's members this year: lower bounds of each bucket. */
const POINT_BUCKETS = [1, 10, 30, 60, 100] as const;

export const ratio = (num: number, den: number): Ratio => ({ num, den, rate: den > 0 ? num / den : null });

/** Sums the period's counter docs into totals, splits, histograms and the daily trend. */
export function foldCounters(docs: CounterDoc[], days: string[]) {
  const sum = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Record<CounterField, number>;
  const cat: Record<string, number> = {};
  const col: Record<string, number> = {};
  const rh = Array<number>(MINUTE_BUCKETS.length + 1).fill(0);
  const sh = Array<number>(MINUTE_BUCKETS.length + 1).fill(0);
  const byDay = new Map(docs.map((d) => [d.day, d]));
  for (const d of docs) {
    for (const f of COUNTER_FIELDS) sum[f] += d.c?.[f] ?? 0;
    for (const [k, n] of Object.entries(d.cat ?? {})) cat[k] = (cat[k] ?? 0) + (n ?? 0);
    for (const [k, n] of Object.entries(d.col ?? {})) col[k] = (col[k] ?? 0) + (n ?? 0);
    for (let i = 0; i < rh.length; i++) {
      rh[i] = (rh[i] ?? 0) + (d.rh?.[`b${i}`] ?? 0);
      sh[i] = (sh[i] ?? 0) + (d.sh?.[`b${i}`] ?? 0);
    }
  }
  const trend = days.map((day) => {
    const c = byDay.get(day)?.c ?? {};
    return { day, filed: c.filed ?? 0, responded: c.responded ?? 0, completed: c.completed ?? 0 };
  });
  return { sum, cat, col, rh, sh, trend };
}

/** Every rate per order source, from the same counter docs (group `src`): no read of its own. */
export function bySource(docs: CounterDoc[]): SourceRow[] {
  return ORDER_SOURCES.map((source) => {
    const n = Object.fromEntries(SOURCE_FIELDS.map((f) => [f, docs.reduce((a, d) => a + (d.src?.[`s${source}_${f}`] ?? 0), 0)])) as Record<(typeof SOURCE_FIELDS)[number], number>;
    return {
      source,
      filed: n.filed,
      returnVisits: n.returnVisits,
      responseRate: ratio(n.respondedOnTime, n.respondDue),
      resolutionRate: ratio(n.confirmed, n.solveDue),
      onTimeRate: ratio(n.completedOnTime, n.resolveDue),
      satisfactionRate: ratio(n.ratedGood, n.rated),
      reopenRate: ratio(n.reopened, n.completions),
    };
  });
}

/** 急时 intervals of the communities on or under the node that overlap the period. */
function emergencyMarks(switches: Array<{ communityId: string; mode: string; reason: string; at: number }>, days: Days): EmergencyMark[] {
  const open = new Map<string, { from: number; reason: string }>();
  const marks: EmergencyMark[] = [];
  for (const s of [...switches].sort((a, b) => a.at - b.at)) {
    const current = open.get(s.communityId);
    if (s.mode === 'emergency' && !current) open.set(s.communityId, { from: s.at, reason: s.reason });
    if (s.mode === 'normal' && current) {
      open.delete(s.communityId);
      if (s.at > days.startMs) marks.push({ communityId: s.communityId, from: current.from, to: s.at, reason: current.reason });
    }
  }
  for (const [communityId, m] of open) marks.push({ communityId, from: m.from, to: null, reason: m.reason });
  return marks.sort((a, b) => a.from - b.from);
}

/**
 * Members registered under the node and how their points this year spread: one count and one group of the year's totals
 * by (total, credits), which gives served (credits > 0) and every bucket at once. They move only when a 双报到 is decided
 * or a drain credits points, and do not depend on the period: a warm instance keeps them per node and year for
 * WG_WARM_TTL_MS, so switching 今天/本周/本月/本年 reads them once.
 */
function memberFigures(ctx: Ctx, node: Area, year: number) {
  return warm(ctx.store, `dashboard/members/${node._id}/${year}`, async () => {
    const under = { path: { $prefix: node.path } };
    const [registered, rows] = await Promise.all([
      registrations(ctx.store).count({ status: 'approved', ...under }),
      totals(ctx.store).group({ year, ...under }, { by: ['total', 'credits'] }),
    ]);
    const served = rows.filter((r) => Number(r.key.credits) > 0).reduce((n, r) => n + r.count, 0);
    const atLeast = POINT_BUCKETS.map((min) => rows.filter((r) => Number(r.key.total) >= min).reduce((n, r) => n + r.count, 0));
    const points = POINT_BUCKETS.map((min, i) => {
      const next = POINT_BUCKETS[i + 1];
      const count = (atLeast[i] ?? 0) - (next === undefined ? 0 : (atLeast[i + 1] ?? 0));
      return { label: next === undefined ? `${min} 分以上` : `${min}–${next - 1} 分`, count };
    });
    points.unshift({ label: '0 分', count: Math.max(0, registered - (atLeast[0] ?? 0)) });
    return { members: { registered, served, servedRate: ratio(Math.min(served, registered), registered), year }, points };
  });
}

/**
 * 急时 switches on the node, under it and on its ancestors (a handful a year), as a warm instance keeps them (under the
 * kept areas, which a switch forgets on its instance: backend/response/mode.ts): like the mode itself, a switch shows
 * within WG_WARM_TTL_MS of its record being written. The period's end is applied here.
 */
function keptSwitches(ctx: Ctx, node: Area) {
  const under = { path: { $prefix: node.path } };
  const ancestorPaths = node.ancestors.map((_, i) => `/${node.ancestors.slice(0, i + 1).join('/')}/`);
  return warm(ctx.store, `${AREAS_KEPT}switches/${node._id}`, () =>
    modeSwitches(ctx.store).find({ $or: [under, { path: { $in: [...ancestorPaths, node.path] } }] }, { sort: [['at', 1]], limit: 500 }),
  );
}

/**
 * Three requests on a warm instance, whatever the period: the caller; the period's counter docs together with the
 * node's `open` doc (the open backlog by state and the overdue count, kept by the mover: backend/records/pending.ts),
 * in one read by id; and the overdue list beside it. The node and its trail, the 急时 switches and the member figures
 * come from the warm instance.
 */
export async function dashboardSummary(ctx: Ctx, input: SummaryInput): Promise<SummaryView> {
  const node = await keptDashboardNode(ctx, input.areaId);
  const days = resolvePeriod(input, ctx.now());
  const year = Number(days.to.slice(0, 4));
  const openId = counterId(node._id, OPEN_DAY);
  const [docs, overdueItems, { known }, switches, people] = await Promise.all([
    counters(ctx.store).find({ _id: { $in: [...days.days.map((d) => counterId(node._id, d)), openId] } }),
    orders(ctx.store).find(
      { status: { $in: [...OPEN_STATUSES] }, overdue: true, path: { $prefix: node.path } },
      {
        sort: [
          ['createdAt', 1],
          ['_id', 1],
        ],
        limit: OVERDUE_LIMIT,
      },
    ),
    keptPathOf(ctx.store, node._id),
    keptSwitches(ctx, node),
    memberFigures(ctx, node, year),
  ]);
  const dayDocs = docs.filter((d) => d._id !== openId);
  const open = docs.find((d) => d._id === openId)?.p ?? {};
  const { sum, cat, col, rh, sh, trend } = foldCounters(dayDocs, days.days);
  return {
    node: {
      id: node._id,
      name: node.name,
      level: node.level,
      levelName: AREA_LEVEL_NAMES[node.level],
      trail: [...node.ancestors.map((a) => known.get(a)?.name ?? ''), node.name].filter(Boolean).join(' / '),
    },
    period: { kind: input.period, from: days.from, to: days.to, days: days.days.length },
    open: Object.fromEntries(OPEN_STATUSES.map((st): [OrderStatus, number] => [st, open[`o_${st}`] ?? 0]).filter(([, n]) => n > 0)),
    totals: sum,
    rates: {
      responseRate: ratio(sum.respondedOnTime, sum.respondDue),
      resolutionRate: ratio(sum.confirmed, sum.solveDue),
      onTimeRate: ratio(sum.completedOnTime, sum.resolveDue),
      satisfactionRate: ratio(sum.ratedGood, sum.rated),
      reopenRate: ratio(sum.reopened, sum.completions),
    },
    medians: { responseMinutes: medianOf(rh), resolutionMinutes: medianOf(sh) },
    byCategory: ORDER_CATEGORIES.map((c: OrderCategory) => ({ category: c, count: cat[CATEGORY_KEYS[c]] ?? 0 })),
    byColour: COLOURS.map((c) => ({ colour: c, count: col[c] ?? 0 })),
    bySource: bySource(dayDocs),
    trend,
    ...people,
    // The kept count, as the 待办's 超时 (the list is its oldest 20); never below what the list shows.
    overdue: { total: Math.max(open.overdue ?? 0, overdueItems.length), items: overdueItems.map(toCard) },
    marks: emergencyMarks(
      switches.filter((x) => x.at < days.endMs),
      days,
    ),
    generatedAt: ctx.now(),
  };
}
