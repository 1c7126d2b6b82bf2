/**
 * CloudBase may stop a function between any two of its requests (a timeout, an instance reclaimed): the simulator
 * SIGKILLs a container right after a chosen database answer. A move that landed keeps what it causes on the record,
 * and the one-minute drain applies it; a drain stopped half-way is finished by the next without counting twice.
 */
import type { MessageDoc } from '../../backend/notifications/outbox';
import type { OrderDoc } from '../../backend/orders/repo';
import type { TotalDoc } from '../../backend/points/repo';
import { LEASE_MS } from '../../backend/records/claim';
import type { Pending } from '../../backend/records/effects';
import { simOpenid } from '../../local/cloudsim/gateway';
import { shanghaiYear } from '../../shared/time';
import { orderIn } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { runScript, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  if (!s.sim) throw new Error('tests/cloud runs in cloud mode only (WG_TEST_BACKEND=cloud)');
});
afterAll(() => s.close());

/** A call as the mini-program makes it, without the client's follow-up drain. */
const raw = (who: string, fn: string, action: string, data: unknown) =>
  s.sim!.invoke(fn, { kind: 'call', openid: simOpenid(s.sim!.envId, who), appid: s.sim!.appid, event: { action, data } });
const order = async (id: string) => (await s.store.collection<OrderDoc & Pending>('orders').get(id))!;
const told = (orderId: string, userId: string, kind: MessageDoc['kind']) => s.store.collection<MessageDoc>('messages').count({ orderId, userId, kind });
const total = async (memberId: string) => (await s.store.collection<TotalDoc>('points_totals').get(`${memberId}:${shanghaiYear(s.clock.now)}`))?.total ?? 0;

async function clean(): Promise<void> {
  for (const script of ['scripts/check-effects.ts', 'scripts/check-counters.ts', 'scripts/check-points.ts']) {
    const r = await runScript(s, script);
    expect([script, r.code, r.out]).toEqual([script, 0, expect.not.stringContaining('不一致')]);
  }
}

test('stopped right after its one write, 办结 still happened, and the timer applies what it caused', async () => {
  const orderId = await orderIn(s, 'in_progress');
  s.sim!.crashAfter('orders', 'complete', 1);
  const r = await raw(PEOPLE.member, 'orders', 'complete', { orderId, note: '已修好' });
  expect(r).toMatchObject({ ok: false, errCode: -504002 });
  expect(r.row.outcome).toBe('crash');
  // The move landed with its effects on the record; nothing else was written yet.
  const done = await order(orderId);
  expect(done.status).toBe('completed');
  expect(done.fx?.length).toBe(1);
  expect(await told(orderId, PEOPLE.resident, 'completed')).toBe(0);
  // The one-minute trigger (effects.sweep) applies it.
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect((await order(orderId)).fx).toBeUndefined();
  expect(await told(orderId, PEOPLE.resident, 'completed')).toBe(1);
  await clean();
});

test('a drain stopped half-way is finished by the next one, and the member is credited once', async () => {
  const orderId = await orderIn(s, 'completed');
  const before = await total(PEOPLE.member);
  const rated = await raw(PEOPLE.resident, 'orders', 'rate', { orderId, stars: 5 });
  expect(rated).toMatchObject({ ok: true, result: { ok: true, pending: [{ collection: 'orders', id: orderId }] } });
  // The client's drain is stopped after its third write (its claim on the order, then the audit and the counters are in; the credit is not).
  s.sim!.crashAfter('effects', 'drain', 3);
  const drained = await raw(PEOPLE.resident, 'effects', 'drain', { refs: [{ collection: 'orders', id: orderId }] });
  expect(drained).toMatchObject({ ok: false, errCode: -504002 });
  expect((await order(orderId)).fx?.length).toBe(1);
  // The dead drain still holds the order: the timer leaves it until the lease runs out (a live drain may be mid-way).
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
  expect((await order(orderId)).fx?.length).toBe(1);
  s.clock.now += LEASE_MS + 1;
  // Then again, twice: the second finds nothing to do; the credit and every count land exactly once.
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
  const gained = (await total(PEOPLE.member)) - before;
  expect(gained).toBeGreaterThan(0);
  const ledger = await s.store.collection<{ _id: string; delta: number }>('points_ledger').get(`order_completed:order:${orderId}`);
  expect(gained).toBe(ledger?.delta);
  await clean();
});
