/**
 * Every points action × every role: residents, the declaring member (张伟) and a member of another community,
 * grid worker, grid leader, community staff of this and of another community, street admin. Declaration steps
 * run on a fresh declaration by 张伟 in the status the step needs.
 */
import { NODES, PEOPLE } from '../support/people';
import type { PersonKey } from '../support/people';
import { declarationIn, goodDeclaration } from '../support/points';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const ROLES: PersonKey[] = ['resident', 'otherResident', 'member', 'memberOutOfScope', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
type Outcome = 'ok' | 'FORBIDDEN';
const o = 'ok' as const,
  F = 'FORBIDDEN' as const;
const c1 = { communityId: NODES.community1 };
const RULES = { ...c1, orderByColour: { green: 2, yellow: 3, red: 5 }, onTimeBonus: 1, fiveStarBonus: 1, wishFulfilled: 3, activityPerHour: 1 };

/** [action, declaration status it needs (null: none; 'entry': a verified declaration's ledger entry), data, outcomes in ROLES order] */
const MATRIX: Array<[string, string | null, Record<string, unknown> | (() => Record<string, unknown>), Outcome[]]> = [
  ['mine', null, {}, [o, o, o, o, o, o, o, o, o]],
  ['declare', null, () => goodDeclaration(s), [F, F, o, o, F, F, F, F, F]],
  ['myDeclarations', null, {}, [o, o, o, o, o, o, o, o, o]],
  ['gridQueue', null, {}, [F, F, F, F, F, o, F, F, F]],
  ['forward', 'declared', {}, [F, F, F, F, F, o, F, F, F]],
  ['sendBack', 'declared', { reason: '请补充照片' }, [F, F, F, F, F, o, F, F, F]],
  ['verifyQueue', null, c1, [F, F, F, F, F, F, o, F, o]],
  ['verify', 'forwarded', {}, [F, F, F, F, F, F, o, F, o]],
  ['reject', 'forwarded', { reason: '没有这项活动' }, [F, F, F, F, F, F, o, F, o]],
  ['correct', 'entry', { reason: '重复记分' }, [F, F, F, F, F, F, o, F, o]],
  ['rules', null, c1, [F, F, o, F, o, o, o, F, o]],
  ['setRules', null, RULES, [F, F, F, F, F, F, o, F, o]],
  ['memberRanking', null, { scope: 'community', areaId: NODES.community1 }, [F, F, o, F, o, o, o, F, o]],
  ['memberRanking', null, { scope: 'grid', areaId: NODES.grid1 }, [F, F, o, F, o, o, o, F, o]],
  ['orgRanking', null, c1, [F, F, o, F, o, o, o, F, o]],
  ['gridRanking', null, c1, [F, F, o, F, o, o, o, F, o]],
  ['duty', null, c1, [F, F, F, F, F, F, o, F, o]],
  ['exportYear', null, c1, [F, F, F, F, F, F, o, F, o]],
];

const cases = MATRIX.flatMap(([action, status, data, outcomes]) =>
  ROLES.map((role, i) => ({ name: `${action}${status ? `@${status}` : ''} as ${role} → ${outcomes[i]}`, action, status, data, role, want: outcomes[i] })),
);

async function target(status: string | null): Promise<Record<string, unknown>> {
  if (!status) return {};
  if (status === 'entry') return { entryId: `declared_service:declaration:${await declarationIn(s, 'verified')}` };
  return { declarationId: await declarationIn(s, status) };
}

it.each(cases)('$name', async ({ action, status, data, role, want }) => {
  const extra = await target(status);
  // forward takes a batch, the other steps one declaration.
  const input = { ...(typeof data === 'function' ? data() : data), ...(action === 'forward' ? { declarationIds: [extra.declarationId] } : extra) };
  const res = await s.call('points', action, input, PEOPLE[role]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('every points action is closed to the anonymous', async () => {
  for (const [action] of MATRIX) expect(await s.call('points', action, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
