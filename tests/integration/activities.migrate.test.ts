/** Posts stored before their holders were kept on them get `holding` from their open stints once (backend/activities/migrate.ts), then behave as posts made since. */
import type { PostCard } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import { POST_HOLDERS_ON_POSTS, POST_STINTS_ON_MEMBERS } from '../../backend/activities/migrate';
import type { PostDoc, PostHolderDoc } from '../../backend/activities/repo';
import type { UserDoc } from '../../backend/users/repo';
import { MIGRATIONS } from '../../backend/records/migrate';
import { addMembers, goodPost } from '../support/activities';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
let extra: string[];
beforeAll(async () => {
  s = await startTestServer();
  extra = await addMembers(s, 2, 'u-mig');
});
afterAll(() => s.close());

const call = <T>(action: string, data: Record<string, unknown>, who: string) => s.call<T>('activities', action, data, who);
const stored = (id: string) => s.store.collection<PostDoc>('posts').get(id);

test('is listed among the migrations', () => {
  expect(MIGRATIONS).toContain(POST_HOLDERS_ON_POSTS);
  expect(MIGRATIONS).toContain(POST_STINTS_ON_MEMBERS);
});

test('a member stored without their stints on them: each stint is kept on the member once, and 我的积分 sees the post', async () => {
  const who = extra[0]!;
  const mine = () => s.call<{ duty: { holdsPost: boolean } }>('points', 'mine', {}, who);
  const { id } = okData(await call<{ id: string }>('publishPost', goodPost({ slots: 2 }), PEOPLE.staff));
  okData(await call('claimPost', { postId: id }, who));
  expect(okData(await mine()).duty.holdsPost).toBe(true);
  const kept = (await s.store.collection<UserDoc>('users').get(who))?.postStints ?? {};
  expect(Object.values(kept)).toContainEqual({ since: s.clock.now, until: null });
  // Back to the shape members had before: the stints only in post_holders.
  await s.store.collection('users').updateWhere({ _id: who }, { $unset: { postStints: true } });
  expect(okData(await mine()).duty.holdsPost).toBe(false);
  expect(await POST_STINTS_ON_MEMBERS.run(s.store)).toBeGreaterThanOrEqual(1);
  expect(await POST_STINTS_ON_MEMBERS.run(s.store)).toBe(0);
  expect((await s.store.collection<UserDoc>('users').get(who))?.postStints).toEqual(kept);
  expect(okData(await mine()).duty.holdsPost).toBe(true);
  expect(s.logged).toEqual([]);
});

test('a post stored without holders on it: its open stints become its holders, once; the ended one stays history', async () => {
  const { id } = okData(await call<{ id: string }>('publishPost', goodPost({ slots: 3 }), PEOPLE.staff));
  for (const m of [PEOPLE.member, extra[0]!, extra[1]!]) okData(await call('claimPost', { postId: id }, m));
  s.clock.now += 60_000;
  okData(await call('leavePost', { postId: id }, extra[1]!));
  const before = await stored(id);
  // Back to the shape posts had before: the holders only in post_holders.
  await s.store.collection('posts').updateWhere({ _id: id }, { $unset: { holding: true } });
  expect((await stored(id))?.holding).toBeUndefined();

  expect(await POST_HOLDERS_ON_POSTS.run(s.store)).toBeGreaterThanOrEqual(1);
  expect(await POST_HOLDERS_ON_POSTS.run(s.store)).toBe(0);
  const after = await stored(id);
  const live = Object.fromEntries(Object.entries(before?.holding ?? {}).filter(([, h]) => h));
  expect(after?.holding).toEqual(live);

  // And it behaves as before: the holders show, a holder cannot claim twice, leaving ends the stint.
  const managed = okData(await call<Page<PostCard>>('managePosts', {}, PEOPLE.staff)).items.find((p) => p.id === id);
  expect(managed?.holders.sort()).toEqual(['张伟', '志愿者0'].sort());
  expect(errorOf(await call('claimPost', { postId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: '您已认领这个岗位' });
  s.clock.now += 60_000;
  expect(okData(await call<PostCard>('leavePost', { postId: id }, PEOPLE.member))).toMatchObject({ held: 1, mine: false });
  const stints = await s.store.collection<PostHolderDoc>('post_holders').find({ postId: id, memberId: PEOPLE.member });
  expect(stints).toEqual([expect.objectContaining({ until: s.clock.now })]);
  expect(s.logged).toEqual([]);
});
