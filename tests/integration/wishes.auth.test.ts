/**
 * Every wish action × every role: the poster (resident), another resident, a member of the community, a member of
 * another community, grid worker, grid leader, community staff of this and of another community, street admin.
 * Each case runs on a fresh wish in the status the action needs.
 */
import type { PhotoRef } from '../../shared/photos';
import type { WishStatus } from '../../shared/wishes/model';
import { uploadPhoto } from '../support/orders';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { goodWish, publicText, wishIn } from '../support/wishes';

let s: TestServer;
let photo: PhotoRef;
beforeAll(async () => {
  s = await startTestServer();
  photo = await uploadPhoto(s, PEOPLE.member);
});
afterAll(() => s.close());

const ROLES: PersonKey[] = ['resident', 'otherResident', 'member', 'memberOutOfScope', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
const o = 'ok' as const,
  F = 'FORBIDDEN' as const,
  N = 'NOT_FOUND' as const;
const DAY = 24 * 3600_000;

/** [action, status the wish must be in (null: no wish), extra data, outcomes in ROLES order] */
const MATRIX: Array<[string, WishStatus | null, () => Record<string, unknown>, Outcome[]]> = [
  ['detail', 'pending', () => ({}), [o, N, N, N, N, N, o, N, N]],
  ['detail', 'rejected', () => ({}), [o, N, N, N, N, N, o, N, N]],
  ['detail', 'published', () => ({}), [o, o, o, o, o, o, o, o, o]],
  ['approve', 'pending', () => publicText, [F, N, N, N, N, N, o, N, N]],
  ['reject', 'pending', () => ({ reason: '请补充具体需要' }), [F, N, N, N, N, N, o, N, N]],
  ['claim', 'published', () => ({}), [F, F, o, F, F, F, F, F, F]],
  ['deliver', 'claimed', () => ({ note: '书已送到', photo }), [F, F, o, F, F, F, F, F, F]],
  ['confirm', 'delivered', () => ({}), [o, F, F, F, F, F, o, F, F]],
  ['review', null, () => ({}), [F, F, F, F, F, F, o, o, F]],
  ['board', null, () => ({ communityId: NODES.community1 }), [o, o, o, o, o, o, o, o, o]],
  ['mine', null, () => ({ scope: 'posted' }), [o, o, o, o, o, o, o, o, o]],
  ['mine', null, () => ({ scope: 'claimed' }), [o, o, o, o, o, o, o, o, o]],
  ['rules', null, () => ({ communityId: NODES.community1 }), [o, o, o, o, o, o, o, o, o]],
  ['setRules', null, () => ({ communityId: NODES.community1, valueCap: 200, claimDays: 14 }), [F, F, F, F, F, F, o, F, F]],
  // Residents post for their own home only; staff for anyone in their community.
  ['post', null, () => goodWish({ buildingId: NODES.building1 }), [o, F, F, F, F, F, o, F, F]],
  ['lapse', null, () => ({}), [F, F, F, F, F, F, F, F, F]],
];

const cases = MATRIX.flatMap(([action, status, data, outcomes]) =>
  ROLES.map((role, i) => ({ name: `${action}${status ? `@${status}` : ''} as ${role} → ${outcomes[i]}`, action, status, data, role, want: outcomes[i] })),
);

it.each(cases)('$name', async ({ action, status, data, role, want }) => {
  const wishId = status ? await wishIn(s, status) : null;
  s.clock.now += DAY; // daily quotas never decide a case
  const res = await s.call('wishes', action, wishId ? { wishId, ...data() } : data(), PEOPLE[role]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('every role may post for their own home when they have one; the anonymous may do nothing', async () => {
  for (const role of ['resident', 'otherResident', 'member', 'memberOutOfScope', 'gridWorker', 'gridLeader'] as const) {
    s.clock.now += DAY;
    expect(await s.call('wishes', 'post', goodWish(), PEOPLE[role])).toMatchObject({ ok: true });
  }
  expect(await s.call('wishes', 'post', goodWish(), PEOPLE.street)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await s.call('wishes', 'post', goodWish(), PEOPLE.staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { buildingId: '请选择受助居民所在的楼栋' } } });
  for (const action of ['post', 'board', 'detail', 'claim', 'review', 'lapse']) {
    expect(await s.call('wishes', action, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
});

it('staff of another community cannot post into this one, nor staff post into a non-building node', async () => {
  expect(await s.call('wishes', 'post', goodWish({ buildingId: NODES.building1 }), PEOPLE.otherStaff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await s.call('wishes', 'post', goodWish({ buildingId: NODES.grid1 }), PEOPLE.staff)).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { buildingId: '请选择具体的楼栋' } },
  });
  expect(await s.call('wishes', 'setRules', { communityId: NODES.community2, valueCap: 300, claimDays: 7 }, PEOPLE.staff)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

it('the claimant may not confirm their own delivery, nor may a member claim a wish they posted', async () => {
  const wishId = await wishIn(s, 'delivered');
  expect(await s.call('wishes', 'confirm', { wishId }, PEOPLE.member)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  s.clock.now += DAY;
  const own = (await s.call<{ id: string }>('wishes', 'post', goodWish(), PEOPLE.member)) as { ok: true; data: { id: string } };
  await s.call('wishes', 'approve', { wishId: own.data.id, ...publicText }, PEOPLE.staff);
  expect(await s.call('wishes', 'claim', { wishId: own.data.id }, PEOPLE.member)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能认领自己发布的心愿' } });
});

it('a step out of order is CONFLICT and moves nothing', async () => {
  const wishId = await wishIn(s, 'published');
  expect(await s.call('wishes', 'approve', { wishId, ...publicText }, PEOPLE.staff)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await s.call('wishes', 'confirm', { wishId }, PEOPLE.resident)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const claimed = await wishIn(s, 'claimed');
  expect(await s.call('wishes', 'claim', { wishId: claimed }, PEOPLE.member)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
