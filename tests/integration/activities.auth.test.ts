/**
 * Every activities action × every role: resident, another resident, a member of this community, a member
 * of another (刘洋), grid worker, grid leader, community staff of this and of another community (周敏),
 * street admin. Each case runs on a fresh activity or post in 梅川第一居委会.
 */
import { goodActivity, goodPost, publishActivity } from '../support/activities';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

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

/** What the case needs before the call, done as the role itself where it is their own step (sign up, claim). */
type Setup = (who: string) => Promise<Record<string, unknown>>;
const none: Setup = async () => ({});
const activity: Setup = async () => ({ activityId: (await publishActivity(s)).id });
const signedUp: Setup = async (who) => {
  const { id } = await publishActivity(s);
  await s.call('activities', 'signUp', { activityId: id }, who);
  return { activityId: id };
};
const started =
  (signFirst: boolean): Setup =>
  async (who) => {
    const { id, startAt } = await publishActivity(s);
    if (signFirst) await s.call('activities', 'signUp', { activityId: id }, who);
    s.clock.now = startAt;
    return { activityId: id };
  };
const post: Setup = async () => ({ postId: okData(await s.call<{ id: string }>('activities', 'publishPost', goodPost(), PEOPLE.staff)).id });
const claimed: Setup = async (who) => {
  const data = await post(who);
  await s.call('activities', 'claimPost', data, who);
  return data;
};

const MATRIX: Array<[string, Setup | 'publish' | 'publishPost', Outcome[]]> = [
  ['publish', 'publish', [F, F, F, F, F, F, o, F, o]],
  ['publishPost', 'publishPost', [F, F, F, F, F, F, o, F, o]],
  ['list', async () => ({ tab: 'upcoming' }), [F, F, o, o, F, F, F, F, F]],
  ['posts', none, [F, F, o, o, F, F, F, F, F]],
  ['manage', async () => ({ tab: 'upcoming' }), [F, F, F, F, F, F, o, o, o]],
  ['managePosts', none, [F, F, F, F, F, F, o, o, o]],
  ['detail', activity, [N, N, o, N, N, N, o, N, o]],
  ['signUp', activity, [N, N, o, N, N, N, F, N, F]],
  ['cancel', signedUp, [N, N, o, N, N, N, F, N, F]],
  ['scan', started(true), [N, N, o, N, N, N, F, N, F]],
  ['roster', activity, [N, N, F, N, N, N, o, N, o]],
  ['checkoutAll', started(false), [N, N, F, N, N, N, o, N, o]],
  ['close', started(false), [N, N, F, N, N, N, o, N, o]],
  ['claimPost', post, [N, N, o, N, N, N, F, N, F]],
  ['leavePost', claimed, [N, N, o, N, N, N, F, N, F]],
  ['sweep', none, [F, F, F, F, F, F, F, F, F]],
];

const cases = MATRIX.flatMap(([action, setup, outcomes]) => ROLES.map((role, i) => ({ name: `${action} as ${role} → ${outcomes[i]}`, action, setup, role, want: outcomes[i] })));

it.each(cases)('$name', async ({ action, setup, role, want }) => {
  const who = PEOPLE[role];
  const data = setup === 'publish' ? goodActivity(s) : setup === 'publishPost' ? goodPost() : await setup(who);
  const res = await s.call('activities', action, data, who);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('a street admin and community staff may publish on a grid of their community, not on a building or another community', async () => {
  expect(await s.call('activities', 'publish', goodActivity(s, { areaId: NODES.grid1 }), PEOPLE.staff)).toMatchObject({ ok: true });
  expect(await s.call('activities', 'publish', goodActivity(s, { areaId: NODES.community2 }), PEOPLE.staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await s.call('activities', 'publish', goodActivity(s, { areaId: NODES.building1 }), PEOPLE.street)).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { areaId: '请选择所属社区或网格' } },
  });
});

it('the staff of another community see nothing of this one in their lists, and nobody anonymous gets in', async () => {
  await publishActivity(s);
  const theirs = okData(await s.call<{ items: Array<{ areaName: string }> }>('activities', 'manage', { tab: 'upcoming' }, PEOPLE.otherStaff));
  expect(theirs.items).toEqual([]);
  const member2 = okData(await s.call<{ items: unknown[] }>('activities', 'list', { tab: 'upcoming' }, PEOPLE.memberOutOfScope));
  expect(member2.items).toEqual([]);
  expect(await s.call('activities', 'list', { tab: 'upcoming' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
