/** The activities part of `check:effects` (backend/activities/check.ts): clean after real claims, leaves and closes; each half-written shape is named. */
import { checkActivities } from '../../backend/activities/check';
import { HOUR, addMembers, goodPost, publishActivity } from '../support/activities';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
let extra: string[];
beforeAll(async () => {
  s = await startTestServer();
  extra = await addMembers(s, 2, 'u-chk');
});
afterAll(() => s.close());

const ok = async <T>(action: string, data: Record<string, unknown>, who: string) => okData(await s.call<T>('activities', action, data, who));

test('finds nothing after posts are claimed and left and an activity is closed, then names each half-written record', async () => {
  const post = await ok<{ id: string }>('publishPost', goodPost({ slots: 3 }), PEOPLE.staff);
  for (const m of [PEOPLE.member, extra[0]!]) await ok('claimPost', { postId: post.id }, m);
  s.clock.now += 60_000;
  await ok('leavePost', { postId: post.id }, extra[0]!);
  const { id, startAt } = await publishActivity(s);
  for (const m of [PEOPLE.member, extra[1]!]) await ok('signUp', { activityId: id }, m);
  s.clock.now = startAt + HOUR;
  await ok('close', { activityId: id }, PEOPLE.staff);
  expect(await checkActivities(s.store)).toEqual([]);

  // A close whose sign-ups were never moved on, a head count off by one, a member without their stint.
  await s.store.collection('activity_signups').updateWhere({ _id: `${id}:${extra[1]}` }, { $set: { status: 'signed' } });
  await s.store.collection('posts').updateWhere({ _id: post.id }, { $inc: { held: 1 } });
  await s.store.collection('users').updateWhere({ _id: extra[0]! }, { $unset: { postStints: true } });
  expect((await checkActivities(s.store)).sort()).toEqual(
    [`志愿活动 ${id}：已结束，仍有 1 人停在已报名或已签到`, `志愿岗位 ${post.id}：在岗 2 人，名单上却有 1 人`, `志愿岗位 ${post.id}：志愿者0 的在岗记录没有记在本人身上`].sort(),
  );
  expect(s.logged).toEqual([]);
});
