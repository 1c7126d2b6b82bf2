/** 下级对比: each child's 三率, counts and overdue from its counters, laggards against the node's own rates, and who may read which node. */
import type { ChildrenView, SummaryView } from '../../shared/dashboard/schemas';
import { fileUnanswered, runScenario, SCENARIO_START } from '../support/dashboard';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START });
  await runScenario(s);
  await fileUnanswered(s);
});
afterAll(() => s.close());

const children = async (data: Record<string, unknown>, who: string = PEOPLE.staff) => okData(await s.call<ChildrenView>('dashboard', 'children', data, who));
const row = (v: ChildrenView, id: string) => {
  const r = v.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row for ${id} in ${v.rows.map((x) => x.id).join(',')}`);
  return r;
};

test('a community shows its grids: each grid its own figures for the period, the laggard marked against the community', async () => {
  const v = await children({ areaId: NODES.community1, period: 'today' });
  expect(v.node).toMatchObject({ id: NODES.community1, levelName: '社区' });
  expect(v.childLevelName).toBe('网格');
  expect(v.rows.map((r) => r.level)).toEqual(v.rows.map(() => 'grid'));
  // The community as a whole: 3 of the 4 due answered (2 on time); the one solved and rated; 1 of 2 ratings good.
  expect(v.own).toEqual({
    responseRate: { num: 2, den: 4, rate: 0.5 },
    resolutionRate: { num: 1, den: 1, rate: 1 },
    satisfactionRate: { num: 1, den: 2, rate: 0.5 },
  });
  expect(row(v, NODES.grid1)).toEqual({
    id: NODES.grid1,
    name: expect.any(String),
    level: 'grid',
    filed: 5,
    responded: 3,
    completed: 2,
    open: 2,
    overdue: 0,
    responseRate: { num: 2, den: 3, rate: 2 / 3 },
    resolutionRate: { num: 1, den: 1, rate: 1 },
    satisfactionRate: { num: 1, den: 2, rate: 0.5 },
    behind: [],
  });
  expect(row(v, NODES.grid2)).toMatchObject({
    filed: 1,
    responded: 0,
    open: 1,
    responseRate: { num: 0, den: 1, rate: 0 },
    resolutionRate: { rate: null },
    behind: ['responseRate'],
  });
  // A grid with nothing in the period compares nothing: no rate, not a laggard.
  const quiet = v.rows.filter((r) => r.id !== NODES.grid1 && r.id !== NODES.grid2);
  expect(quiet.length).toBeGreaterThan(0);
  for (const r of quiet) expect(r).toMatchObject({ filed: 0, responseRate: { rate: null }, behind: [] });
});

test('the rows add up to the node, and agree with the node’s own summary', async () => {
  const v = await children({ areaId: NODES.community1, period: 'today' });
  const sum = (k: 'filed' | 'responded' | 'completed' | 'open') => v.rows.reduce((a, r) => a + r[k], 0);
  const whole = okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'today' }, PEOPLE.staff));
  expect([sum('filed'), sum('responded'), sum('completed')]).toEqual([whole.totals.filed, whole.totals.responded, whole.totals.completed]);
  expect(sum('open')).toBe(Object.values(whole.open).reduce((a, n) => a + n, 0));
  expect(v.own.responseRate).toEqual(whole.rates.responseRate);
  expect(v.own.resolutionRate).toEqual(whole.rates.resolutionRate);
});

test('overdue: once the sweep flags the unanswered order, its grid shows it', async () => {
  s.clock.now = SCENARIO_START + 8 * 60 * 60_000; // 18:00, past its 17:30 deadline
  await runTimer(s, 'orders', 'sweep');
  const v = await children({ areaId: NODES.community1, period: 'today' });
  expect(row(v, NODES.grid2)).toMatchObject({ open: 1, overdue: 1 });
  expect(row(v, NODES.grid1).overdue).toBe(0);
});

test('the street shows its 片区, and a 片区 its communities: drilling down keeps every order of the day', async () => {
  const street = await children({ areaId: NODES.street, period: 'today' }, PEOPLE.street);
  expect(street.childLevelName).toBe('片区');
  const busy = street.rows.filter((r) => r.filed > 0);
  expect(busy).toMatchObject([{ level: 'zone', filed: 6, responded: 3 }]);
  const zone = await children({ areaId: busy[0]!.id, period: 'today' }, PEOPLE.street);
  expect(zone.childLevelName).toBe('社区');
  expect(row(zone, NODES.community1)).toMatchObject({ filed: 6, responded: 3 });
  expect(row(zone, NODES.community2)).toMatchObject({ filed: 0, behind: [] });
});

test('a grid leader sees the buildings of their grid, and by default their grid', async () => {
  const v = await children({ period: 'today' }, PEOPLE.gridLeader);
  expect(v.node.id).toBe(NODES.grid1);
  expect(v.childLevelName).toBe('楼栋');
  expect(row(v, NODES.building1)).toMatchObject({ filed: 5, responded: 3 });
  const building = await children({ areaId: NODES.building1, period: 'today' }, PEOPLE.gridLeader);
  expect(building).toMatchObject({ childLevelName: null, rows: [] });
});

test.each([
  ['a community’s staff reading a sibling community', PEOPLE.staff, NODES.community2, 'FORBIDDEN'],
  ['the other community’s staff reading community 1', PEOPLE.otherStaff, NODES.community1, 'FORBIDDEN'],
  ['a grid leader reading the grids of their community', PEOPLE.gridLeader, NODES.community1, 'FORBIDDEN'],
  ['a grid leader reading a sibling grid', PEOPLE.gridLeader, NODES.grid2, 'FORBIDDEN'],
  ['a grid worker reading the street', PEOPLE.gridWorker, NODES.street, 'FORBIDDEN'],
  ['a member', PEOPLE.member, NODES.community1, 'FORBIDDEN'],
  ['a resident', PEOPLE.resident, undefined, 'FORBIDDEN'],
  ['a node that does not exist', PEOPLE.street, 'C-no-such-node', 'NOT_FOUND'],
])('%s → %s', async (_, who, areaId, code) => {
  const res = await s.call('dashboard', 'children', { period: 'today', ...(areaId ? { areaId } : {}) }, who);
  expect(res).toMatchObject({ ok: false, error: { code } });
});

test('bad input names the field', async () => {
  const res = await s.call('dashboard', 'children', { period: 'custom', from: '2026-11-21', to: '2026-11-20' }, PEOPLE.staff);
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { from: '开始日期不能晚于结束日期' } } });
});
