/**
 * 民情日记 → 点单 carries its source (issue 14, point 3): a grid worker's visit is a 走访 in their grid, so the order is a
 * 网格巡查 one, counted under it on the board's 按来源; as any order filed on someone's behalf, the worker is not its filer.
 * Orders turned from visits before sources existed get it from DIARY_ORDERS_AS_PATROL, which moves their counts too.
 */
import { compareCounters, recomputeCounters } from '../../backend/dashboard/recompute';
import { COUNTERS_BY_SOURCE, rebuildCounters } from '../../backend/dashboard/migrate';
import { DIARY_ORDERS_AS_PATROL } from '../../backend/diary/migrate';
import { MIGRATIONS } from '../../backend/records/migrate';
import type { SummaryView } from '../../shared/dashboard/schemas';
import { detail, goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const visit = { buildingId: NODES.building1, residentName: '王秀英', residentId: PEOPLE.resident, heard: '楼道里堆了很多纸箱，老人担心着火，希望尽快清理', tags: ['安全隐患'] };
const filedBySource = async () => {
  const v = okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'month' }, PEOPLE.staff));
  return Object.fromEntries(v.bySource.filter((r) => r.filed > 0).map((r) => [r.source, r.filed]));
};
const mismatches = async () => (await compareCounters(s.store, (await recomputeCounters(s.store)).expected)).mismatches;

let orderId = '';
let appOrder = '';

test('a visit turned into an order is a 网格巡查 order, counted under it by source; the worker may not cancel it as its filer', async () => {
  appOrder = okData(await s.call<{ id: string }>('orders', 'file', goodOrder(), PEOPLE.resident)).id;
  const visitId = okData(await s.call<{ id: string }>('diary', 'record', visit, PEOPLE.gridWorker)).id;
  orderId = okData(await s.call<{ orderId: string }>('diary', 'toOrder', { visitId, category: '安全隐患' }, PEOPLE.gridWorker)).orderId;
  const d = await detail(s, orderId, PEOPLE.gridWorker);
  expect(d).toMatchObject({ source: 'patrol', sourceName: '网格巡查' });
  expect(d.timeline[0]).toMatchObject({ action: '代居民点单（民情日记）', actorName: '陈静' });
  expect(d.can).toMatchObject({ cancel: false, triage: true });
  expect(await filedBySource()).toEqual({ app: 1, patrol: 1 });
  expect(await mismatches()).toEqual([]);
});

test('the migration gives orders turned from visits before sources existed 网格巡查 and moves their counts, once', async () => {
  expect(MIGRATIONS.indexOf(DIARY_ORDERS_AS_PATROL)).toBeGreaterThan(MIGRATIONS.indexOf(COUNTERS_BY_SOURCE));
  // As stored before: no source, so counted as 小程序.
  await s.store.collection('orders').updateWhere({ _id: orderId }, { $unset: { source: true } });
  await rebuildCounters(s.store);
  expect(await filedBySource()).toEqual({ app: 2 });

  expect(await DIARY_ORDERS_AS_PATROL.run(s.store)).toBeGreaterThan(1);
  expect(await s.store.collection<{ _id: string; source?: string }>('orders').get(orderId)).toMatchObject({ source: 'patrol' });
  // A resident's own order keeps reading as 小程序 (no source written).
  expect((await s.store.collection<{ _id: string; source?: string }>('orders').get(appOrder))?.source).toBeUndefined();
  expect(await filedBySource()).toEqual({ app: 1, patrol: 1 });
  expect(await mismatches()).toEqual([]);
  expect(await DIARY_ORDERS_AS_PATROL.run(s.store)).toBe(0);
});
