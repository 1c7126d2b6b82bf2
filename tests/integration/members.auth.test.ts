/**
 * Every 双报到 action × every role: resident, another resident, a member (张伟, 梅川第一), a member of another
 * community (刘洋), grid worker and grid leader (第一网格), community staff of this and another community,
 * street admin. Decisions run on a fresh application in 梅川第一 第一网格 each time. Rows run in order:
 * the member rows at the end change who holds what.
 */
import { goodRegistration, pendingRegistration } from '../support/members';
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
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION';
const o = 'ok' as const,
  F = 'FORBIDDEN' as const,
  N = 'NOT_FOUND' as const,
  C = 'CONFLICT' as const,
  V = 'VALIDATION' as const;

const organisation = (role: PersonKey) => ({
  communityId: NODES.community1,
  name: `测试单位党支部${role}`,
  contactName: '联系人',
  contactMobile: '13900005001',
  agreement: '双方约定每季度开展一次共建活动，党员到社区志愿服务。',
});

/** [action, needs a fresh pending application?, data (per role), outcomes in ROLES order] */
const MATRIX: Array<[string, boolean, (role: PersonKey) => Record<string, unknown>, Outcome[]]> = [
  ['mine', false, () => ({}), [o, o, o, o, o, o, o, o, o]],
  ['pending', false, () => ({}), [F, F, F, F, F, o, o, o, o]],
  ['approve', true, () => ({}), [N, N, N, N, N, F, o, N, o]],
  ['reject', true, () => ({ reason: '信息不完整，请补充' }), [N, N, N, N, N, F, o, N, o]],
  ['verifyCert', false, () => ({ certNo: 'CZ-2026-000001' }), [F, F, F, F, o, o, o, F, o]],
  ['library', false, () => ({}), [F, F, F, F, F, o, o, o, o]],
  ['exportLibrary', false, () => ({}), [F, F, F, F, F, o, o, o, o]],
  ['listOrganisations', false, () => ({ communityId: NODES.community1 }), [o, o, o, o, o, o, o, o, o]],
  ['listOrganisations', false, () => ({}), [V, V, V, V, V, o, o, o, o]],
  ['createOrganisation', false, organisation, [F, F, F, F, F, F, o, F, o]],
  ['linkOrg', false, () => ({ orgId: null }), [C, C, o, o, C, C, C, C, C]],
  ['transfer', false, () => goodRegistration(NODES.buildingOther), [C, C, o, V, C, C, C, C, C]],
  ['register', false, () => goodRegistration(NODES.building1), [o, o, C, C, o, o, o, o, o]],
];

const cases = MATRIX.flatMap(([action, fresh, data, outcomes]) =>
  ROLES.map((role, i) => ({ name: `${action} ${JSON.stringify(data(role)).slice(0, 40)} as ${role} → ${outcomes[i]}`, action, fresh, data: data(role), role, want: outcomes[i] })),
);

it.each(cases)('$name', async ({ action, fresh, data, role, want }) => {
  const registrationId = fresh ? await pendingRegistration(s, NODES.building1) : null;
  const res = await s.call('members', action, registrationId ? { registrationId, ...data } : data, PEOPLE[role]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('every action refuses the anonymous caller', async () => {
  for (const [action] of MATRIX) {
    expect(await s.call('members', action, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
});
