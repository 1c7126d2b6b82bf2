/**
 * 代为登记: staff file an order for someone who phoned, came in or was met on a 网格巡查 (no account needed), recording
 * the source. It goes round the normal loop, its verdict comes by 回访, the staff filer is not a party to it, staff outside
 * the building's subtree are refused, and the dashboard splits every rate by source (the recompute agreeing).
 */
import { COUNTERS_BY_SOURCE } from '../../backend/dashboard/migrate';
import { counters } from '../../backend/dashboard/repo';
import { MIGRATIONS } from '../../backend/records/migrate';
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { OrderDetail } from '../../shared/orders/schemas';
import { act, DAY, detail, fileOrder, goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runScript, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

let keys = 0;
const caller = { contactName: '赵大爷', contactMobile: '13700001234' };
const onBehalf = (source: string, who: string = PEOPLE.gridWorker, extra: Record<string, unknown> = {}) =>
  s.call<{ id: string }>('orders', 'fileOnBehalf', { ...goodOrder(caller), source, requestKey: `behalf-${++keys}`, ...extra }, who);
const today = async () => okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'today' }, PEOPLE.staff));
const row = (v: SummaryView, source: string) => v.bySource.find((r) => r.source === source)!;

test('a 网格员 files a phoned-in order; it goes round the loop, closes by 回访, and the dashboard counts it under 电话', async () => {
  s.clock.now += DAY;
  const before = await today();
  const { id } = okData(await onBehalf('phone'));
  const filed: OrderDetail = await detail(s, id, PEOPLE.gridWorker);
  expect(filed).toMatchObject({ status: 'new', source: 'phone', sourceName: '电话', contactName: '赵大爷' });
  expect(filed.timeline[0]).toMatchObject({ action: '代为登记（电话）', actorName: expect.any(String), roleName: '网格员' });
  // The filer is not a party: they may 分拣 it like any order in their grid, but never rate or cancel it as if it were theirs.
  expect(filed.can).toMatchObject({ triage: true, rate: false, cancel: false });
  await act(s, 'triage', { orderId: id, colour: 'yellow' }, PEOPLE.gridWorker);
  await act(s, 'pool', { orderId: id, level: 'grid' }, PEOPLE.staff);
  await act(s, 'claim', { orderId: id }, PEOPLE.member);
  await act(s, 'complete', { orderId: id, note: '已更换楼道灯' }, PEOPLE.member);
  expect(errorOf(await s.call('orders', 'rate', { orderId: id, stars: 5 }, PEOPLE.gridWorker))).toMatchObject({ code: 'FORBIDDEN' });
  // The caller has no account to rate in: this is exactly the 回访 case, and the filer may make the call.
  expect((await detail(s, id, PEOPLE.gridWorker)).can.returnVisit).toBe(true);
  expect(okData(await s.call('orders', 'returnVisit', { orderId: id, result: 'satisfied', note: '赵大爷说灯亮了' }, PEOPLE.gridWorker))).toEqual({ id, status: 'closed' });

  const after = await today();
  const [phone, app] = [row(after, 'phone'), row(before, 'phone')];
  expect(phone.filed - app.filed).toBe(1);
  expect(phone.returnVisits - app.returnVisits).toBe(1);
  expect(phone.satisfactionRate.num - app.satisfactionRate.num).toBe(1);
  expect(phone.satisfactionRate.den - app.satisfactionRate.den).toBe(1);
  expect(phone.responseRate.den - app.responseRate.den).toBe(1);
  // Nothing of it lands under 小程序, and the sources add up to the whole.
  expect(row(after, 'app').filed).toBe(row(before, 'app').filed);
  expect(after.bySource.map((r) => r.source)).toEqual(['app', 'phone', 'visit', 'patrol', '12345']);
  expect(after.bySource.reduce((n, r) => n + r.filed, 0)).toBe(after.totals.filed);
  expect(after.bySource.reduce((n, r) => n + r.satisfactionRate.den, 0)).toBe(after.totals.rated);
});

test('来访 and 网格巡查 are recorded as such; a resident’s own order counts as 小程序; every rate splits by source', async () => {
  const own = await fileOrder(s);
  const visit = okData(await onBehalf('visit', PEOPLE.staff)).id;
  const patrol = okData(await onBehalf('patrol', PEOPLE.gridLeader)).id;
  expect((await detail(s, visit)).timeline[0]).toMatchObject({ action: '代为登记（来访）', roleName: '社区工作人员' });
  expect((await detail(s, patrol)).timeline[0]).toMatchObject({ action: '代为登记（网格巡查）', roleName: '网格长' });
  expect(await detail(s, own)).toMatchObject({ source: 'app', sourceName: '小程序' });
  // 来访 answered on time and rated 不满意 by 回访; the resident's own one rated 5 stars.
  for (const id of [visit, own]) {
    await act(s, 'triage', { orderId: id, colour: 'yellow' }, PEOPLE.gridWorker);
    await act(s, 'pool', { orderId: id, level: 'grid' }, PEOPLE.staff);
    await act(s, 'claim', { orderId: id }, PEOPLE.member);
    await act(s, 'complete', { orderId: id, note: '已处理' }, PEOPLE.member);
  }
  const before = await today();
  okData(await s.call('orders', 'returnVisit', { orderId: visit, result: 'unsatisfied', note: '还是漏水' }, PEOPLE.staff));
  await act(s, 'rate', { orderId: own, stars: 5 }, PEOPLE.resident);
  const after = await today();
  const d = (source: string, key: 'satisfactionRate' | 'reopenRate') => ({
    num: row(after, source)[key].num - row(before, source)[key].num,
    den: row(after, source)[key].den - row(before, source)[key].den,
  });
  expect(d('visit', 'satisfactionRate')).toEqual({ num: 0, den: 1 });
  expect(d('app', 'satisfactionRate')).toEqual({ num: 1, den: 1 });
  expect(row(after, 'visit').reopenRate.num).toBe(1);
  expect(row(after, 'patrol').filed).toBe(1);
  expect(row(after, 'visit').responseRate).toMatchObject({ num: 1, den: 1 });
});

test('only staff over the building may file for someone; bad input names the field; a resend with the same key files once', async () => {
  s.clock.now += DAY;
  // 梅川第二居委会's staff, a resident and a member are all refused; nothing is written.
  for (const who of [PEOPLE.otherStaff, PEOPLE.resident, PEOPLE.member]) {
    expect(errorOf(await onBehalf('phone', who))).toEqual({ code: 'FORBIDDEN', message: '只有该楼栋所在网格及上级的工作人员可以代为登记（电话）' });
  }
  expect(errorOf(await onBehalf('12345'))).toMatchObject({ code: 'VALIDATION', fields: { source: '来源只能是电话、来访或网格巡查' } });
  expect(errorOf(await onBehalf('phone', PEOPLE.gridWorker, { contactMobile: '123' }))).toMatchObject({ code: 'VALIDATION', fields: { contactMobile: expect.any(String) } });
  expect(errorOf(await onBehalf('phone', PEOPLE.gridWorker, { source: undefined }))).toMatchObject({
    code: 'VALIDATION',
    fields: { source: '请选择来源（电话、来访或网格巡查）' },
  });
  // The street's 街道 admin files anywhere under it.
  expect(okData(await onBehalf('phone', PEOPLE.street)).id).toBeTruthy();

  const data = { ...goodOrder(caller), source: 'phone', requestKey: 'behalf-resend' };
  const a = okData(await s.call<{ id: string }>('orders', 'fileOnBehalf', data, PEOPLE.gridWorker)).id;
  const b = okData(await s.call<{ id: string }>('orders', 'fileOnBehalf', data, PEOPLE.gridWorker)).id;
  expect(b).toBe(a);
  expect((await detail(s, a)).timeline).toHaveLength(1);
});

test('the per-source counters agree with the recompute from the timelines (npm run check:counters)', async () => {
  const check = await runScript(s, 'scripts/check-counters.ts');
  expect(check.out).toContain('计数器与点单时间线一致');
  expect(check.code).toBe(0);
  expect(s.logged).toEqual([]);
}, 60000);

test('counter days stored before sources existed get their src group from the migration, orders without a source as 小程序', async () => {
  const before = await today();
  // As every counter doc stored before the change: no src group at all.
  expect(await counters(s.store).updateWhere({ src: { $exists: true } }, { $unset: { src: true } })).toBeGreaterThan(0);
  expect((await today()).bySource.every((r) => r.filed === 0)).toBe(true);
  expect(MIGRATIONS).toContain(COUNTERS_BY_SOURCE);
  expect(await COUNTERS_BY_SOURCE.run(s.store)).toBeGreaterThan(0);
  expect((await today()).bySource).toEqual(before.bySource);
  const check = await runScript(s, 'scripts/check-counters.ts');
  expect(check.code).toBe(0);
}, 60000);
