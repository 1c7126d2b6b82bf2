/** Stored order timelines in words convert to codes once (backend/orders/migrate.ts), then read and count exactly as before. */
import { orderTally } from '../../backend/dashboard/events';
import { compareCounters, recomputeCounters } from '../../backend/dashboard/recompute';
import type { OrderDoc, WordsEntry } from '../../backend/orders/repo';
import { newOrderDoc, orders } from '../../backend/orders/repo';
import { ORDER_TIMELINE_CODES } from '../../backend/orders/migrate';
import { MIGRATIONS } from '../../backend/records/migrate';
import { orderLabel, orderNote } from '../../shared/orders/machine';
import { runScenario, SCENARIO_START } from '../support/dashboard';
import { detail } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
let ids: string[];
// Run on its own: other domains' migrations have their own records to convert (the seeded wishes).
const migrate = () => ORDER_TIMELINE_CODES.run(s.store);
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START });
  ids = Object.values(await runScenario(s));
});
afterAll(() => s.close());

/** An entry as the code before codes stored it: the words the view shows, the stars inside the note. */
const asWords = (o: OrderDoc): WordsEntry[] =>
  o.timeline.map((e) => ({ at: e.at, actorId: e.actorId, actorName: e.actorName, role: e.role, action: orderLabel(e), ...(orderNote(e) ? { note: orderNote(e) ?? '' } : {}) }));

test("the dashboard scenario's orders, stored back in words: converted once, then the same entries, views and counts", async () => {
  const coded = await orders(s.store).find({ _id: { $in: ids } });
  const views = await Promise.all(ids.map((id) => detail(s, id)));
  expect((await compareCounters(s.store, (await recomputeCounters(s.store)).expected)).mismatches).toEqual([]);

  for (const o of coded) await orders(s.store).updateWhere({ _id: o._id }, { $set: { timeline: asWords(o) } });
  expect(MIGRATIONS).toContain(ORDER_TIMELINE_CODES);
  expect(await migrate()).toBe(ids.length);
  expect(await migrate()).toBe(0);

  const converted = await orders(s.store).find({ _id: { $in: ids } });
  expect(new Map(converted.map((o) => [o._id, o.timeline]))).toEqual(new Map(coded.map((o) => [o._id, o.timeline])));
  expect(await Promise.all(ids.map((id) => detail(s, id)))).toEqual(views);
  // The stored counters were counted live, move by move: the recompute from the converted timelines agrees.
  expect((await compareCounters(s.store, (await recomputeCounters(s.store)).expected)).mismatches).toEqual([]);
});

const MIN = 60_000;
const at = (minutes: number) => SCENARIO_START + minutes * MIN;
const by = (actorId: string, actorName: string, role: string) => ({ actorId, actorName, role });
const resident = by(PEOPLE.resident, '王秀英', '居民');
const staff = by(PEOPLE.staff, '孙丽', '社区工作人员');
const member = by(PEOPLE.member, '张伟', '在职党员');
const system = by('system', '系统', '系统');

/** Written out as the code before codes stored it, every line of it. */
const OLD_TIMELINE: WordsEntry[] = [
  { at: at(0), ...resident, action: '提交点单' },
  { at: at(10), ...staff, action: '分拣为红色，类别改为安全隐患' },
  { at: at(12), ...staff, action: '派到社区抢单池（需水电维修）' },
  { at: at(40), ...member, action: '接单' },
  { at: at(50), ...member, action: '退回抢单池', note: '需要电工证' },
  { at: at(70), ...system, action: '超时未响应，升级到上一级' },
  { at: at(80), ...member, action: '接单' },
  { at: at(90), ...member, action: '延期说明', note: '配件周一到' },
  { at: at(100), ...staff, action: '添加备注', note: '已电话安抚居民' },
  { at: at(200), ...member, action: '办结', note: '已更换线路' },
  { at: at(260), ...resident, action: '确认并评价', note: '4 星：师傅很专业' },
];

test('an order stored by the old code, inserted raw: converted once, shown in the same words, counted as the words said', async () => {
  const building = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.building1);
  const old = {
    ...newOrderDoc({
      _id: 'o-stored-in-words',
      category: '安全隐患',
      description: '楼道里电线裸露，担心有安全隐患',
      photos: [],
      contactName: '王阿姨',
      contactMobile: '13912345678',
      anonymousToMembers: false,
      buildingId: NODES.building1,
      path: building!.path,
      place: '第一网格 · 1号楼',
      trail: '',
      createdBy: PEOPLE.resident,
      createdByName: '王秀英',
      createdAt: at(0),
      owner: null,
      timeline: [],
    }),
    status: 'closed' as const,
    colour: 'red' as const,
    respondBy: at(70),
    resolveBy: at(10 + 24 * 60),
    respondedAt: at(40),
    completedAt: at(200),
    closedAt: at(260),
    closeReason: 'rated' as const,
    rating: { stars: 4, comment: '师傅很专业' },
  };
  await orders(s.store).insert({ ...old, timeline: OLD_TIMELINE } as unknown as OrderDoc);

  expect(await migrate()).toBe(1);
  expect(await migrate()).toBe(0);
  const stored = await orders(s.store).get(old._id);
  expect(stored!.timeline.map((e) => e.code)).toEqual(['file', 'triage', 'pool', 'claim', 'release', 'escalate', 'claim', 'progress', 'note', 'complete', 'rate']);
  expect(stored!.timeline[10]).toMatchObject({ code: 'rate', data: { stars: 4 }, note: '师傅很专业' });

  const view = (await detail(s, old._id)).timeline;
  expect(view.map((e) => e.action)).toEqual(OLD_TIMELINE.map((e) => e.action));
  expect(view.map((e) => e.note)).toEqual(OLD_TIMELINE.map((e) => e.note ?? null));

  // What the recompute counted from the words: the first 接单 only, one 办结, one 4★ rating.
  const totals = new Map<string, number>();
  for (const fields of orderTally(stored!).values()) for (const [f, n] of fields) totals.set(f, (totals.get(f) ?? 0) + n);
  expect(Object.fromEntries([...totals].filter(([f]) => f.startsWith('c.')))).toEqual({
    'c.filed': 1,
    'c.respondDue': 1,
    'c.resolveDue': 1,
    'c.solveDue': 1,
    'c.responded': 1,
    'c.responseMinutes': 40,
    'c.respondedOnTime': 1,
    'c.completions': 1,
    'c.completed': 1,
    'c.resolutionMinutes': 200,
    'c.completedOnTime': 1,
    'c.rated': 1,
    'c.ratedGood': 1,
    'c.confirmed': 1,
  });
});
