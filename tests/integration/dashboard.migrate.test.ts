/**
 * Counter days stored before 响应率 / 解决率 counted on the day of their outcome are rebuilt once from the orders
 * (backend/dashboard/migrate.ts), and agree with the recompute check:counters uses; effects still pending land right after.
 */
import { idsOnPath } from '../../shared/areas/model';
import { shanghaiDay } from '../../shared/time';
import { COUNTERS_ON_OUTCOME_DAYS } from '../../backend/dashboard/migrate';
import { compareCounters, recomputeCounters } from '../../backend/dashboard/recompute';
import { counterId, counters } from '../../backend/dashboard/repo';
import type { OrderDoc } from '../../backend/orders/repo';
import { orders } from '../../backend/orders/repo';
import { counterWrites } from '../../backend/records/counts';
import type { Pending } from '../../backend/records/effects';
import { MIGRATIONS } from '../../backend/records/migrate';
import { ORDER_TIMELINE_CODES } from '../../backend/orders/migrate';
import { runScenario, SCENARIO_START } from '../support/dashboard';
import { goodOrder } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START });
  await runScenario(s);
}, 120000);
afterAll(() => s.close());

const mismatches = async () => (await compareCounters(s.store, (await recomputeCounters(s.store)).expected)).mismatches;
const migrate = () => COUNTERS_ON_OUTCOME_DAYS.run(s.store);

/** Moves one order's counts back to where the code before e0841f1 put them: answers and confirmations on the deadline day. */
async function toOldDays(o: OrderDoc): Promise<void> {
  const move = async (field: string, from: number, to: number) => {
    if (shanghaiDay(from) === shanghaiDay(to)) return;
    for (const node of idsOnPath(o.path)) {
      await counters(s.store).updateWhere({ _id: counterId(node, shanghaiDay(from)) }, { $inc: { [field]: -1 } });
      await counters(s.store).updateWhere({ _id: counterId(node, shanghaiDay(to)) }, { $inc: { [field]: 1 } });
    }
  };
  if (o.respondedAt !== null && o.respondBy !== null) {
    await move('c.respondDue', o.respondedAt, o.respondBy);
    if (o.respondedAt <= o.respondBy) await move('c.respondedOnTime', o.respondedAt, o.respondBy);
  }
  if (o.closeReason === 'rated' && o.closedAt !== null && o.resolveBy !== null) await move('c.confirmed', o.closedAt, o.resolveBy);
}

/** As every counter doc stored before the change: no solveDue, answers and confirmations on the deadline days. */
async function oldShape(): Promise<void> {
  await counters(s.store).updateWhere({ 'c.solveDue': { $exists: true } }, { $unset: { 'c.solveDue': true } });
  for (const o of await orders(s.store).find({})) await toOldDays(o);
}

test('is listed with the other migrations, after the order timelines become codes (it reads them)', () => {
  expect(MIGRATIONS.indexOf(COUNTERS_ON_OUTCOME_DAYS)).toBeGreaterThan(MIGRATIONS.indexOf(ORDER_TIMELINE_CODES));
});

test('counter days in the old shape are rebuilt to the recompute, once', async () => {
  expect(await mismatches()).toEqual([]);
  await oldShape();
  const before = await mismatches();
  expect(new Set(before.map((m) => m.field))).toEqual(new Set(['c.solveDue', 'c.respondDue', 'c.respondedOnTime', 'c.confirmed']));
  expect(await migrate()).toBeGreaterThan(0);
  expect(await mismatches()).toEqual([]);
  // Done: a second run finds nothing to set.
  expect(await migrate()).toBe(0);
}, 60000);

test('with effects still pending, one half-applied: the rebuild leaves them theirs, and the drain lands on the recompute', async () => {
  // The next day: the resident filed their five of the scenario day.
  s.clock.now = SCENARIO_START + 24 * 60 * 60_000;
  const id = okData(await s.call<{ id: string }>('orders', 'file', goodOrder({ description: '三楼楼道的灯坏了，晚上看不见' }), PEOPLE.resident)).id;
  // Moved without the drain the client asks for: their counts wait on the order.
  const raw = async (action: string, data: Record<string, unknown>, who: string) => {
    const { json } = await s.post('/api/fn/orders', JSON.stringify({ action, data }), { authorization: `Bearer ${s.tokenFor(who)}` });
    expect(json).toMatchObject({ ok: true });
  };
  await raw('triage', { orderId: id, colour: 'yellow' }, PEOPLE.staff);
  await raw('dispatch', { orderId: id, memberId: PEOPLE.member }, PEOPLE.staff);
  s.clock.now += 30 * 60_000;
  await raw('accept', { orderId: id }, PEOPLE.member);
  const order = (await orders(s.store).get(id)) as OrderDoc & Pending;
  expect(order.fx?.length).toBeGreaterThanOrEqual(2);
  // A drain that crashed after counting the triage on one doc: its key sits in that doc's `applied`.
  const [triage] = order.fx!;
  const [[halfId, half]] = [...counterWrites([triage!])];
  expect(await counters(s.store).updateWhere({ _id: halfId, applied: { $hasNone: half!.keys } }, { $inc: half!.inc, $pushAll: { applied: half!.keys } })).toBe(1);
  await oldShape();
  // The 待办 docs (day open) ride in the same collection and are not the rebuild's to touch.
  const openDocs = async () => (await counters(s.store).find({})).filter((d) => d.day === 'open').map((d) => [d._id, d.p]);
  const openBefore = await openDocs();
  expect(openBefore.length).toBeGreaterThan(0);

  expect(await migrate()).toBeGreaterThan(0);
  expect(await openDocs()).toEqual(openBefore);
  expect((await counters(s.store).get(halfId))?.applied).toEqual(half!.keys);
  expect(okData(await runTimer(s, 'effects', 'sweep'))).toBeTruthy();
  expect(((await orders(s.store).get(id)) as OrderDoc & Pending).fxAt ?? null).toBeNull();
  expect(await mismatches()).toEqual([]);
  expect(await migrate()).toBe(0);
}, 60000);
