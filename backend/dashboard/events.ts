/**
 * What one order event adds to the counters, as pure functions: the live hook (filing and every move)
 * and the recompute from a finished order's timeline both go through `Tally`, so they cannot disagree
 * about a definition (see docs/dashboard.md). The recompute reads timeline codes and data, never words, so
 * rewording a label changes no count.
 */
import type { Colour, OrderCategory } from '../../shared/orders/model';
import { orderSource } from '../../shared/orders/model';
import { SOURCE_FIELDS } from '../../shared/dashboard/model';
import { bucketOf, CATEGORY_KEYS } from '../../shared/dashboard/model';
import { shanghaiDay } from '../../shared/time';
import type { OrderCode, OrderTransition } from '../../shared/orders/machine';
import type { OrderDoc } from '../orders/repo';

/** day → field path → increment. */
export type Tally = Map<string, Map<string, number>>;

export function add(t: Tally, at: number, path: string, n = 1): void {
  const day = shanghaiDay(at);
  const fields = t.get(day) ?? new Map<string, number>();
  fields.set(path, (fields.get(path) ?? 0) + n);
  t.set(day, fields);
}

const minutes = (from: number, to: number) => Math.max(0, Math.floor((to - from) / 60_000));

/** The deadline facts an order has once it is triaged (at filing in 急时). */
interface Deadlines {
  createdAt: number;
  colour: Colour;
  respondBy: number | null;
  resolveBy: number | null;
}

function filed(t: Tally, createdAt: number, category: OrderCategory): void {
  add(t, createdAt, 'c.filed');
  add(t, createdAt, `cat.${CATEGORY_KEYS[category]}`);
}

function triaged(t: Tally, d: Deadlines): void {
  add(t, d.createdAt, `col.${d.colour}`);
  if (d.respondBy !== null) add(t, d.respondBy, 'c.respondDue');
  if (d.resolveBy !== null) {
    add(t, d.resolveBy, 'c.resolveDue');
    add(t, d.resolveBy, 'c.solveDue');
  }
}

function firstResponse(t: Tally, o: Pick<OrderDoc, 'createdAt' | 'respondBy'>, at: number): void {
  add(t, at, 'c.responded');
  add(t, at, 'c.responseMinutes', minutes(o.createdAt, at));
  add(t, at, `rh.b${bucketOf(minutes(o.createdAt, at))}`);
  if (o.respondBy === null) return;
  // The order's 响应率 outcome is known now: it leaves its deadline day and counts on the day it was answered,
  // so the period's 响应率 covers every order answered in it (the same ones as 「N 单已接单」).
  add(t, o.respondBy, 'c.respondDue', -1);
  add(t, at, 'c.respondDue');
  if (at <= o.respondBy) add(t, at, 'c.respondedOnTime');
}

/** The resident confirmed it: its 解决率 outcome counts on this day, not on the deadline day (a solved order is solved today). */
function confirmation(t: Tally, o: Pick<OrderDoc, 'resolveBy'>, at: number): void {
  if (o.resolveBy === null) return;
  add(t, o.resolveBy, 'c.solveDue', -1);
  add(t, at, 'c.solveDue');
  add(t, at, 'c.confirmed');
}

function completion(t: Tally, o: Pick<OrderDoc, 'createdAt' | 'resolveBy'>, at: number, first: boolean): void {
  add(t, at, 'c.completions');
  if (!first) return;
  add(t, at, 'c.completed');
  add(t, at, 'c.resolutionMinutes', minutes(o.createdAt, at));
  add(t, at, `sh.b${bucketOf(minutes(o.createdAt, at))}`);
  if (o.resolveBy !== null && at <= o.resolveBy) add(t, o.resolveBy, 'c.completedOnTime');
}

function rating(t: Tally, at: number, stars: number, reopened: boolean): void {
  add(t, at, 'c.rated');
  if (stars >= 4) add(t, at, 'c.ratedGood');
  if (reopened) add(t, at, 'c.reopened');
}

/** 回访 is a rating by phone: 满意 and 基本满意 count as satisfied, 不满意 as a 重办; `returnVisits` says how many of the ratings they are. */
function visit(t: Tally, at: number, result: unknown): void {
  add(t, at, 'c.rated');
  add(t, at, 'c.returnVisits');
  if (result === 'unsatisfied') add(t, at, 'c.reopened');
  else add(t, at, 'c.ratedGood');
}

const VISIT_CODES: readonly OrderCode[] = ['returnVisit', 'returnVisitReopen'];

/**
 * 多方接单 per unit, under `un.<unitId>_<metric>` (UNIT_METRICS): d 派给它（含转办）, x 退回, a 接受, k 办结, kd/ko 有办结时限的办结 / 其中按时,
 * n 评价（含回访）, g 好评. Each counts for the unit holding the order at that step, on the step's day.
 */
function forUnit(t: Tally, unitId: string | null | undefined, at: number, ...metrics: string[]): void {
  if (unitId) for (const m of metrics) add(t, at, `un.${unitId}_${m}`);
}

/** A step's unit counts, from the unit that held the order before it (`unitId`) and, for 派单/转办, the one it went to. */
function unitStep(
  t: Tally,
  code: OrderCode,
  unitId: string | null | undefined,
  to: string | null | undefined,
  o: Pick<OrderDoc, 'resolveBy'>,
  at: number,
  good: boolean | null,
): void {
  if (code === 'dispatchUnit' || code === 'transfer') forUnit(t, to, at, 'd');
  if (code === 'decline') forUnit(t, unitId, at, 'x');
  if (code === 'accept') forUnit(t, unitId, at, 'a');
  if (code === 'complete') forUnit(t, unitId, at, 'k', ...(o.resolveBy === null ? [] : at <= o.resolveBy ? ['kd', 'ko'] : ['kd']));
  if (good !== null) forUnit(t, unitId, at, 'n', ...(good ? ['g'] : []));
}

/** Whether a rating or 回访 step counts as 好评 (null: the step is not one). */
function goodOf(code: OrderCode, stars: unknown, result: unknown): boolean | null {
  if ((code === 'rate' || code === 'reopen') && typeof stars === 'number') return stars >= 4;
  if (VISIT_CODES.includes(code)) return result !== 'unsatisfied';
  return null;
}

/** Steps after which no unit holds the order any more. */
const UNIT_ENDS: readonly OrderCode[] = ['decline', 'dispatch', 'pool', 'reassign'];

/**
 * Every rate split by source (小程序/电话/来访/网格巡查/12345): each `c.<field>` of SOURCE_FIELDS an order adds is added again under
 * `src.s<source>_<field>`, on the same day. Derived from the finished tally, so the live hook and the recompute split alike.
 */
function bySource(t: Tally, o: Pick<OrderDoc, 'source'>): Tally {
  const source = orderSource(o);
  for (const fields of t.values()) {
    for (const f of SOURCE_FIELDS) {
      const n = fields.get(`c.${f}`);
      // `s` first: a field name may not start with a digit (assertField), and one source is 12345.
      if (n) fields.set(`src.s${source}_${f}`, (fields.get(`src.s${source}_${f}`) ?? 0) + n);
    }
  }
  return t;
}

/** A new order (in 急时 it arrives already coloured, with deadlines). */
export function filingTally(o: OrderDoc): Tally {
  const t: Tally = new Map();
  filed(t, o.createdAt, o.category);
  if (o.colour) triaged(t, { createdAt: o.createdAt, colour: o.colour, respondBy: o.respondBy, resolveBy: o.resolveBy });
  return bySource(t, o);
}

/** A move along the machine: `before` is the order as read, `set` the fields the move sets, `at` its timeline time. */
export function moveTally(before: OrderDoc, action: OrderTransition, set: Record<string, unknown>, at: number): Tally {
  const t: Tally = new Map();
  const colour = set.colour as Colour | undefined;
  if (before.colour === null && colour) {
    triaged(t, { createdAt: before.createdAt, colour, respondBy: (set.respondBy as number | undefined) ?? null, resolveBy: (set.resolveBy as number | undefined) ?? null });
  }
  const category = set.category as OrderCategory | undefined;
  if (category && category !== before.category) {
    add(t, before.createdAt, `cat.${CATEGORY_KEYS[before.category]}`, -1);
    add(t, before.createdAt, `cat.${CATEGORY_KEYS[category]}`);
  }
  // closedAt is what the recompute sees for these two, so count on it.
  const closedAt = typeof set.closedAt === 'number' ? set.closedAt : at;
  if (action === 'reject') add(t, closedAt, 'c.rejected');
  if (action === 'cancel') {
    add(t, closedAt, 'c.cancelled');
    // Cancelled before anyone had to answer: no longer due.
    if (before.respondBy !== null && before.respondedAt === null) add(t, before.respondBy, 'c.respondDue', -1);
    if (before.resolveBy !== null && before.completedAt === null) {
      add(t, before.resolveBy, 'c.resolveDue', -1);
      add(t, before.resolveBy, 'c.solveDue', -1);
    }
  }
  if ((action === 'claim' || action === 'accept') && before.respondedAt === null) firstResponse(t, before, at);
  if (action === 'complete') completion(t, before, at, before.completedAt === null);
  const stars = (set.rating as { stars?: number } | undefined)?.stars;
  if ((action === 'rate' || action === 'reopen') && typeof stars === 'number') rating(t, at, stars, action === 'reopen');
  if (VISIT_CODES.includes(action)) visit(t, at, (set.returnVisit as { result?: string } | undefined)?.result);
  if (action === 'rate' || action === 'returnVisit') confirmation(t, before, typeof set.closedAt === 'number' ? set.closedAt : at);
  const good = goodOf(action, stars, (set.returnVisit as { result?: string } | undefined)?.result);
  unitStep(t, action, before.unit?.id, (set.unit as { id?: string } | null | undefined)?.id, before, at, good);
  return bySource(t, before);
}

/** The timeline codes of the events only the timeline remembers: a member's first response (接单 or 接受派单). */
export const RESPONSE_CODES: readonly OrderCode[] = ['claim', 'accept'];

/** Everything an order has contributed so far, rebuilt from its fields and timeline (the check command's side). */
export function orderTally(o: OrderDoc): Tally {
  const t: Tally = new Map();
  filed(t, o.createdAt, o.category);
  if (o.colour) {
    const cancelled = o.status === 'cancelled';
    triaged(t, {
      createdAt: o.createdAt,
      colour: o.colour,
      respondBy: cancelled && o.respondedAt === null ? null : o.respondBy,
      resolveBy: cancelled && o.completedAt === null ? null : o.resolveBy,
    });
  }
  if (o.status === 'rejected' && o.closedAt !== null) add(t, o.closedAt, 'c.rejected');
  if (o.status === 'cancelled' && o.closedAt !== null) add(t, o.closedAt, 'c.cancelled');
  let responded = false;
  let completed = false;
  // The unit holding the order as its timeline goes (派单/转办 name it in their data).
  let unitId: string | null = null;
  for (const e of o.timeline) {
    const code = e.code as OrderCode;
    const to = code === 'dispatchUnit' || code === 'transfer' ? String(e.data?.unitId ?? '') || null : null;
    unitStep(t, code, unitId, to, o, e.at, goodOf(code, e.data?.stars, e.data?.result));
    if (to) unitId = to;
    else if (UNIT_ENDS.includes(code)) unitId = null;
    if (!responded && RESPONSE_CODES.includes(code)) {
      responded = true;
      firstResponse(t, o, e.at);
    } else if (code === 'complete') {
      completion(t, o, e.at, !completed);
      completed = true;
    } else if ((code === 'rate' || code === 'reopen') && typeof e.data?.stars === 'number') {
      rating(t, e.at, e.data.stars, code === 'reopen');
    } else if (VISIT_CODES.includes(code)) {
      visit(t, e.at, e.data?.result);
    }
  }
  if (o.closeReason === 'rated' && o.closedAt !== null) confirmation(t, o, o.closedAt);
  return bySource(t, o);
}
