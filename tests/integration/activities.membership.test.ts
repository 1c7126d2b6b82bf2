/**
 * A member's volunteering follows their membership: moving community (转移) ends the old community's posts
 * (the stint stays as history) and gives back places in its upcoming activities; and a late cancellation
 * stays on the record of that sign-up when the member signs up again.
 */
import type { ActivityDetail, MySignupView, PostCard, RosterView } from '../../shared/activities/schemas';
import type { DutyView } from '../../shared/points/schemas';
import type { Page } from '../../shared/users/schemas';
import type { PostHolderDoc } from '../../backend/activities/repo';
import { HOUR, goodPost, publishActivity } from '../support/activities';
import { goodRegistration } from '../support/members';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const call = <T>(action: string, data: Record<string, unknown>, who: string) => s.call<T>('activities', action, data, who);

test('a late cancellation stays on the sign-up after the member signs up again', async () => {
  const { id, startAt } = await publishActivity(s);
  okData(await call('signUp', { activityId: id }, PEOPLE.member));
  s.clock.now = startAt - 12 * HOUR;
  expect(okData(await call<MySignupView>('cancel', { activityId: id }, PEOPLE.member))).toMatchObject({ status: 'cancelled', late: true });
  s.clock.now = startAt - 11 * HOUR;
  const again = okData(await call<MySignupView>('signUp', { activityId: id }, PEOPLE.member));
  expect(again).toMatchObject({ status: 'signed', late: true });
  expect(okData(await call<ActivityDetail>('detail', { activityId: id }, PEOPLE.member)).mine).toMatchObject({ status: 'signed', late: true });
  const roster = okData(await call<RosterView>('roster', { activityId: id }, PEOPLE.staff));
  expect(roster.rows.find((r) => r.memberId === PEOPLE.member)).toMatchObject({ status: 'signed', late: true });
  expect(roster.counts).toMatchObject({ signed: 1, late: 1 });
});

test('moving community ends the old community’s posts and upcoming sign-ups; the history stays', async () => {
  const post = okData(await call<{ id: string }>('publishPost', goodPost({ slots: 1 }), PEOPLE.staff)).id;
  okData(await call<PostCard>('claimPost', { postId: post }, PEOPLE.member));
  const upcoming = await publishActivity(s, { title: '敬老院探访' });
  okData(await call('signUp', { activityId: upcoming.id }, PEOPLE.member));

  const transfer = okData(await s.call<{ id: string }>('members', 'transfer', goodRegistration(NODES.buildingOther, { name: '张伟', mobile: '13900001003' }), PEOPLE.member));
  s.clock.now += 60_000;
  okData(await s.call('members', 'approve', { registrationId: transfer.id }, PEOPLE.otherStaff));

  // The stint ended at the transfer and stays on record; the place is free for someone else.
  const stints = await s.store.collection<PostHolderDoc>('post_holders').find({ postId: post, memberId: PEOPLE.member });
  expect(stints).toEqual([expect.objectContaining({ until: s.clock.now })]);
  const managed = okData(await call<Page<PostCard>>('managePosts', {}, PEOPLE.staff)).items.find((p) => p.id === post);
  expect(managed).toMatchObject({ held: 0, holders: [] });
  // Nothing left in the old community for the member to leave (the cause of "岗位不存在或不在您的社区").
  expect(errorOf(await call('leavePost', { postId: post }, PEOPLE.member)).code).toBe('NOT_FOUND');

  const roster = okData(await call<RosterView>('roster', { activityId: upcoming.id }, PEOPLE.staff));
  expect(roster.rows.find((r) => r.memberId === PEOPLE.member)).toMatchObject({ status: 'cancelled', late: false });
  expect(roster.activity.placesLeft).toBe(roster.activity.capacity);

  // The new community's duty check does not count a post of the old one.
  const duty = okData(await s.call<DutyView>('points', 'duty', { communityId: NODES.community2 }, PEOPLE.otherStaff));
  expect(duty.items.find((r) => r.memberId === PEOPLE.member)).toMatchObject({ holdsPost: false });
});
