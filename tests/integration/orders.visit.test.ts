/**
 * 回访: staff record a phone call with a resident who did not rate a completed order. 满意/基本满意 close it and count as
 * satisfied; 不满意 reopens it as a 2-star rating does and tells the owner and the member; who may, 回避, bad input,
 * a rated order refused, the dashboard's counters (and the recompute) and the requests it makes.
 */
import type { Moved } from '../../shared/api';
import { counterId, counters } from '../../backend/dashboard/repo';
import { ledger } from '../../backend/points/repo';
import { ledgerId } from '../../backend/points/ledger';
import type { UserDoc } from '../../backend/users/repo';
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { MessagePage } from '../../shared/notifications/schemas';
import { shanghaiDay } from '../../shared/time';
import type { Meter } from '../support/cost';
import { costMeter } from '../support/cost';
import { act, detail, fileOrder, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runScript, startTestServer } from '../support/server';

let s: TestServer;
let requestsOf: Meter;
/** A member of 梅川第一居委会 who is also a 网格员 of its 第一网格: the staff member who did the work. */
const STAFF_MEMBER = 'u-staff-member';
beforeAll(async () => {
  s = await startTestServer({ containers: 1 });
  requestsOf = costMeter(s);
  const areas = s.store.collection<{ _id: string; path: string }>('areas');
  const [c1, g1] = await Promise.all([areas.get(NODES.community1), areas.get(NODES.grid1)]);
  await s.store.collection<UserDoc>('users').insert({
    _id: STAFF_MEMBER,
    name: '陈静',
    roles: [
      { role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 },
      { role: 'grid_worker', areaId: NODES.grid1, areaPath: g1!.path, grantedBy: 'test', grantedAt: 0 },
    ],
    roleNames: ['member', 'grid_worker'],
    staffAreaIds: [NODES.grid1],
    skills: [],
    rev: 0,
    createdAt: 0,
    homePath: c1!.path,
  });
});
afterAll(() => s.close());

const visit = (orderId: string, data: Record<string, unknown>, who: string = PEOPLE.staff) => s.call<Moved>('orders', 'returnVisit', { orderId, ...data }, who);
const inbox = async (who: string) => okData(await s.call<MessagePage>('notifications', 'list', {}, who)).items;
const today = async () => okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'today' }, PEOPLE.staff));

test('回访 满意 closes the order, credits the member and counts as a satisfied rating among the return visits', async () => {
  const id = await orderIn(s, 'completed');
  expect((await detail(s, id, PEOPLE.staff)).can.returnVisit).toBe(true);
  const before = await today();
  expect(okData(await visit(id, { result: 'satisfied', note: '已电话联系王阿姨，灯已修好' }))).toEqual({ id, status: 'closed' });
  const after = await detail(s, id);
  expect(after.status).toBe('closed');
  expect(after.can.returnVisit).toBe(false);
  expect(after.timeline.at(-1)).toMatchObject({ action: '电话回访：满意', note: '已电话联系王阿姨，灯已修好', roleName: '社区工作人员' });
  expect(await ledger(s.store).get(ledgerId('order_completed', 'order', id))).toMatchObject({ memberId: PEOPLE.member });
  const closed = await today();
  expect(closed.totals.returnVisits - before.totals.returnVisits).toBe(1);
  expect(closed.totals.rated - before.totals.rated).toBe(1);
  expect(closed.totals.ratedGood - before.totals.ratedGood).toBe(1);
  expect(closed.totals.reopened - before.totals.reopened).toBe(0);
  expect(closed.totals.confirmed - before.totals.confirmed).toBe(1);

  // 基本满意 counts as satisfied too.
  const fair = await orderIn(s, 'completed');
  const v = await today();
  okData(await visit(fair, { result: 'fair' }, PEOPLE.gridLeader));
  expect((await detail(s, fair)).timeline.at(-1)).toMatchObject({ action: '电话回访：基本满意', note: null });
  const v2 = await today();
  expect(v2.totals.ratedGood - v.totals.ratedGood).toBe(1);
  expect(v2.totals.returnVisits - v.totals.returnVisits).toBe(1);
});

test('回访 不满意 reopens the order exactly as a 2-star rating does, and tells the owner and the member who did it', async () => {
  const rated = await orderIn(s, 'reopened');
  const id = await orderIn(s, 'completed');
  const before = await today();
  expect(okData(await visit(id, { result: 'unsatisfied', note: '居民说灯还是不亮' }))).toEqual({ id, status: 'reopened' });
  const [byVisit, byRating] = await Promise.all([detail(s, id), detail(s, rated)]);
  expect(byVisit.status).toBe(byRating.status);
  expect(byVisit.can).toEqual(byRating.can);
  expect(byVisit.holderName).toBe(byRating.holderName);
  expect(byVisit.timeline.at(-1)).toMatchObject({ action: '电话回访：不满意，重办', note: '居民说灯还是不亮' });
  // The owner (yellow: the 网格长) hears of it as of a low rating; the member hears why.
  expect((await inbox(PEOPLE.gridLeader)).find((m) => m.orderId === id)).toMatchObject({ kind: 'reopened', body: expect.stringContaining('电话回访不满意，需要重办') });
  expect((await inbox(PEOPLE.member)).find((m) => m.orderId === id)).toMatchObject({ kind: 'reopened', body: expect.stringContaining('居民说灯还是不亮') });
  expect(await ledger(s.store).get(ledgerId('order_completed', 'order', id))).toBeNull();
  const v = await today();
  expect(v.totals.returnVisits - before.totals.returnVisits).toBe(1);
  expect(v.totals.reopened - before.totals.reopened).toBe(1);
  expect(v.totals.rated - before.totals.rated).toBe(1);
  expect(v.totals.ratedGood - before.totals.ratedGood).toBe(0);
  // It goes round the loop again: 派单, 办结, and then it may be visited (or rated) again.
  okData(await s.call('orders', 'pool', { orderId: id, level: 'grid' }, PEOPLE.staff));
  await act(s, 'claim', { orderId: id }, PEOPLE.member);
  await act(s, 'complete', { orderId: id, note: '换了整个灯座' }, PEOPLE.member);
  expect((await detail(s, id)).can.returnVisit).toBe(true);
});

test('only staff over the order who did not do the work record a 回访; the page shows the button to them alone', async () => {
  const id = await orderIn(s, 'completed');
  expect(errorOf(await visit(id, { result: 'satisfied' }, PEOPLE.resident))).toMatchObject({ code: 'FORBIDDEN' });
  expect(errorOf(await visit(id, { result: 'satisfied' }, PEOPLE.member))).toMatchObject({ code: 'FORBIDDEN' });
  expect(errorOf(await visit(id, { result: 'satisfied' }, PEOPLE.otherStaff))).toMatchObject({ code: 'NOT_FOUND' });
  expect(errorOf(await visit(id, { result: 'satisfied' }, PEOPLE.memberOutOfScope))).toMatchObject({ code: 'NOT_FOUND' });
  for (const who of [PEOPLE.resident, PEOPLE.member]) expect((await detail(s, id, who)).can.returnVisit).toBe(false);
  expect((await detail(s, id, PEOPLE.gridWorker)).can.returnVisit).toBe(true);

  // 回避: 陈静 (网格员 and member) took the order from the pool and finished it; she may not judge her own work.
  const own = await fileOrder(s);
  await act(s, 'triage', { orderId: own, colour: 'green' }, PEOPLE.staff);
  await act(s, 'pool', { orderId: own, level: 'grid' }, PEOPLE.staff);
  await act(s, 'claim', { orderId: own }, STAFF_MEMBER);
  await act(s, 'complete', { orderId: own, note: '已更换灯泡' }, STAFF_MEMBER);
  expect((await detail(s, own, STAFF_MEMBER)).can.returnVisit).toBe(false);
  expect(errorOf(await visit(own, { result: 'satisfied' }, STAFF_MEMBER))).toEqual({ code: 'FORBIDDEN', message: '这是您办理的点单，请由其他工作人员回访' });
  expect(okData(await visit(own, { result: 'satisfied' }, PEOPLE.gridWorker)).status).toBe('closed');
});

test('bad input names the field; an order already rated or visited, or not yet done, is refused with the reason', async () => {
  const id = await orderIn(s, 'completed');
  expect(errorOf(await visit(id, {}))).toMatchObject({ code: 'VALIDATION', fields: { result: '请选择回访结果' } });
  expect(errorOf(await visit(id, { result: '很好' }))).toMatchObject({ code: 'VALIDATION', fields: { result: '回访结果不在可选范围内' } });
  expect(errorOf(await visit(id, { result: 'satisfied', note: '好'.repeat(301) }))).toMatchObject({ code: 'VALIDATION', fields: { note: '回访记录不能超过 300 个字' } });
  expect(errorOf(await visit(id, { result: 'unsatisfied' }))).toMatchObject({ code: 'VALIDATION', fields: { note: '回访结果为不满意时，请填写回访记录（居民哪里不满意）' } });
  expect((await detail(s, id)).status).toBe('completed');

  const rated = await orderIn(s, 'closed');
  expect((await detail(s, rated)).can.returnVisit).toBe(false);
  expect(errorOf(await visit(rated, { result: 'satisfied' }))).toEqual({ code: 'CONFLICT', message: '居民已在小程序评价，不能再回访' });
  const lowRated = await orderIn(s, 'reopened');
  expect(errorOf(await visit(lowRated, { result: 'satisfied' }))).toEqual({ code: 'CONFLICT', message: '居民已评价不满意，点单已退回重办，不能回访' });
  okData(await visit(id, { result: 'satisfied' }));
  expect(errorOf(await visit(id, { result: 'unsatisfied', note: '又坏了' }))).toEqual({ code: 'CONFLICT', message: '该点单已回访，不能重复回访' });
  // …and the resident can no longer rate what the 回访 closed.
  expect(errorOf(await s.call('orders', 'rate', { orderId: id, stars: 1 }, PEOPLE.resident))).toMatchObject({ code: 'CONFLICT' });
  const working = await orderIn(s, 'in_progress');
  expect(errorOf(await visit(working, { result: 'satisfied' }))).toEqual({ code: 'CONFLICT', message: '点单尚未办结，不能回访' });
});

test('a 回访 makes at most 3 database requests before it answers, either result (warm instance)', async () => {
  const counts: number[] = [];
  for (const data of [{ result: 'satisfied' }, { result: 'satisfied', note: '居民满意' }, { result: 'unsatisfied', note: '居民说灯还是不亮' }]) {
    const orderId = await orderIn(s, 'completed');
    counts.push(await requestsOf('orders', 'returnVisit', { orderId, ...data }, PEOPLE.staff));
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}: orders.returnVisit requests (first in the instance, 满意, 不满意) ${counts.join(' / ')}`);
  // The first warms the instance (areas, rules); the others are what staff wait for.
  expect(counts.slice(1).filter((n) => n > 3)).toEqual([]);
});

test('the day counters agree with the recompute from the timelines (npm run check:counters)', async () => {
  const day = await counters(s.store).get(counterId(NODES.community1, shanghaiDay(s.clock.now)));
  expect(day?.c?.returnVisits).toBeGreaterThan(0);
  const check = await runScript(s, 'scripts/check-counters.ts');
  expect(check.out).toContain('计数器与点单时间线一致');
  expect(check.code).toBe(0);
  expect(s.logged).toEqual([]);
}, 60000);
