/** The dashboard's actions × every role (scoped to the staff subtree), and bad input → a Chinese message naming the field, nothing written. */
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const ROLES: PersonKey[] = ['resident', 'otherResident', 'member', 'memberOutOfScope', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
const o = 'ok' as const, F = 'FORBIDDEN' as const, N = 'NOT_FOUND' as const;

const ACTIONS: Array<[string, Record<string, unknown>]> = [
  ['summary', { period: 'today' }],
  ['exportOrders', { period: 'month' }],
  ['exportLedger', { year: 2026 }],
];
/** [node (undefined: the actor's own), outcomes in ROLES order] */
const NODE_CASES: Array<[string | undefined, Outcome[]]> = [
  [NODES.community1, [F, F, F, F, F, F, o, F, o]],
  [NODES.grid1, [F, F, F, F, o, o, o, F, o]],
  [NODES.building1, [F, F, F, F, o, o, o, F, o]],
  [NODES.community2, [F, F, F, F, F, F, F, o, o]],
  [undefined, [F, F, F, F, o, o, o, o, o]],
  ['C-no-such-node', [F, F, F, F, N, N, N, N, N]],
];

const cases = ACTIONS.flatMap(([action, data]) =>
  NODE_CASES.flatMap(([areaId, outcomes]) =>
    ROLES.map((role, i) => ({ name: `${action} at ${areaId ?? '(own node)'} as ${role} → ${outcomes[i]}`, action, data: areaId ? { ...data, areaId } : data, role, want: outcomes[i] })),
  ),
);

it.each(cases)('$name', async ({ action, data, role, want }) => {
  const res = await s.call('dashboard', action, data, PEOPLE[role]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('the anonymous are refused every action', async () => {
  for (const [action, data] of ACTIONS) expect(await s.call('dashboard', action, data)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

it('a grid worker is scoped to their own grid by default', async () => {
  const res = await s.call<{ node: { id: string } }>('dashboard', 'summary', { period: 'week' }, PEOPLE.gridWorker);
  expect(res).toMatchObject({ ok: true, data: { node: { id: NODES.grid1 } } });
});

const BAD: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['summary', { period: 'decade' }, 'period', /时段/],
  ['summary', {}, 'period', /period|时段/],
  ['summary', { period: 'custom', to: '2026-11-20' }, 'from', /开始日期/],
  ['summary', { period: 'custom', from: '2026-11-20' }, 'to', /结束日期/],
  ['summary', { period: 'custom', from: '2026-11-21', to: '2026-11-20' }, 'from', /开始日期不能晚于结束日期/],
  ['summary', { period: 'custom', from: '2026-02-30', to: '2026-03-02' }, 'from', /开始日期不是有效日期/],
  ['summary', { period: 'custom', from: '2026/11/01', to: '2026-11-20' }, 'from', /开始日期/],
  ['summary', { period: 'custom', from: '2024-01-01', to: '2026-11-20' }, 'to', /最长 366 天/],
  ['summary', { period: 'today', from: '2026-11-01' }, 'from', /只有自定义时段/],
  ['summary', { period: 'today', areaId: '../etc' }, 'areaId', /区域/],
  ['summary', { period: 'today', extra: 1 }, 'extra', /不认识的字段/],
  ['exportOrders', { period: 'custom', from: '2026-11-21', to: '2026-11-20' }, 'from', /开始日期不能晚于结束日期/],
  ['exportLedger', { year: 1999 }, 'year', /年度/],
  ['exportLedger', { year: '2026' }, 'year', /年度/],
];

it.each(BAD)('%s %j → VALIDATION naming %s, and no export or audit written', async (action, data, field, message) => {
  const audits = await s.store.collection('audit').count({});
  const res = await s.call('dashboard', action, data, PEOPLE.staff);
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (res.ok) return;
  expect(Object.keys(res.error.fields ?? {})).toContain(field);
  expect(res.error.message).toMatch(message);
  expect(await s.store.collection('audit').count({})).toBe(audits);
});
