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
const o = 'ok' as const,
  F = 'FORBIDDEN' as const,
  N = 'NOT_FOUND' as const;

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
    ROLES.map((role, i) => ({
      name: `${action} at ${areaId ?? '(own node)'} as ${role} → ${outcomes[i]}`,
      action,
      data: areaId ? { ...data, areaId } : data,
      role,
      want: outcomes[i],
    })),
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

const BAD: Array<[string, Record<string, unknown>, string, string]> = [
  ['summary', { period: 'decade' }, 'period', '时段不在可选范围内'],
  ['summary', {}, 'period', '时段不在可选范围内'],
  ['summary', { period: 'custom', to: '2026-11-20' }, 'from', '自定义时段请选择开始日期'],
  ['summary', { period: 'custom', from: '2026-11-20' }, 'to', '自定义时段请选择结束日期'],
  ['summary', { period: 'custom', from: '2026-11-21', to: '2026-11-20' }, 'from', '开始日期不能晚于结束日期'],
  ['summary', { period: 'custom', from: '2026-02-30', to: '2026-03-02' }, 'from', '开始日期不是有效日期'],
  ['summary', { period: 'custom', from: '2026/11/01', to: '2026-11-20' }, 'from', '开始日期应为 年-月-日，如 2026-11-20'],
  ['summary', { period: 'custom', from: '2024-01-01', to: '2026-11-20' }, 'to', '自定义时段最长 366 天'],
  ['summary', { period: 'today', from: '2026-11-01' }, 'from', '只有自定义时段才能指定起止日期'],
  ['summary', { period: 'today', areaId: '../etc' }, 'areaId', '区域格式不正确'],
  ['summary', { period: 'today', extra: 1 }, 'extra', '不认识的字段：extra'],
  ['exportOrders', { period: 'custom', from: '2026-11-21', to: '2026-11-20' }, 'from', '开始日期不能晚于结束日期'],
  ['exportLedger', { year: 1999 }, 'year', '年度不能小于 2020'],
  ['exportLedger', { year: '2026' }, 'year', '年度需为数字'],
];

it.each(BAD)('%s %j → VALIDATION naming %s, and no export or audit written', async (action, data, field, message) => {
  const audits = await s.store.collection('audit').count({});
  const res = await s.call('dashboard', action, data, PEOPLE.staff);
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (res.ok) return;
  expect(res.error.fields?.[field]).toBe(message);
  expect(await s.store.collection('audit').count({})).toBe(audits);
});
