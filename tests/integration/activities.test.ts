/** 志愿活动 and 志愿服务岗 through the real HTTP server: publish → sign up → 签到 → 签退 → hours and points; late cancels, caps, no-shows, posts. */
import type { ActivityCard, ActivityDetail, MySignupView, PostCard, RosterView, ScanResult } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import type { MyPointsView } from '../../shared/points/schemas';
import type { LedgerDoc } from '../../backend/points/ledger';
import type { PostHolderDoc } from '../../backend/activities/repo';
import { HOUR, addMembers, goodPost, publishActivity } from '../support/activities';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
let extra: string[];
beforeAll(async () => {
  s = await startTestServer();
  extra = await addMembers(s, 4);
});
afterAll(() => s.close());

const A = (action: string, data: Record<string, unknown>, who: string) => s.call('activities', action, data, who);
const ok = async <T>(action: string, data: Record<string, unknown>, who: string) => okData(await s.call<T>('activities', action, data, who));
const sweep = () => runTimer(s, 'activities', 'sweep');
const ledgerFor = (activityId: string) => s.store.collection<LedgerDoc>('points_ledger').find({ sourceType: 'activity', sourceId: { $prefix: `${activityId}:` } });

describe('the whole journey', () => {
  it('staff publish → member signs up → scans in → scans out → hours and points, credited once', async () => {
    const { id, startAt } = await publishActivity(s, { capacity: 5 });
    const listed = await ok<Page<ActivityCard>>('list', { tab: 'upcoming' }, PEOPLE.member);
    expect(listed.items.find((a) => a.id === id)).toMatchObject({ placesLeft: 5, mine: null, perHour: 1 });

    const signed = await ok<MySignupView>('signUp', { activityId: id }, PEOPLE.member);
    expect(signed).toMatchObject({ status: 'signed', statusName: '已报名' });
    const detail = await ok<ActivityDetail>('detail', { activityId: id }, PEOPLE.member);
    expect(detail).toMatchObject({ placesLeft: 4, canSignUp: false, canCancel: true, canManage: false, mine: { status: 'signed' } });
    expect((await ok<Page<ActivityCard>>('list', { tab: 'mine' }, PEOPLE.member)).items.map((a) => a.id)).toContain(id);

    s.clock.now = startAt - 10 * 60_000;
    const inScan = await ok<ScanResult>('scan', { activityId: id }, PEOPLE.member);
    expect(inScan).toMatchObject({ kind: 'checked_in', title: '签到成功', at: s.clock.now });
    s.clock.now += 60_000;
    expect(await ok<ScanResult>('scan', { activityId: id }, PEOPLE.member)).toMatchObject({ kind: 'already_in' });

    s.clock.now = startAt + 100 * 60_000; // 1 h 40 min after the start: counted from the start, rounded to 1.5 h
    const out = await ok<ScanResult>('scan', { activityId: id }, PEOPLE.member);
    expect(out).toMatchObject({ kind: 'checked_out', title: '签退成功', hours: 1.5, points: 1.5 });

    const replays = await Promise.all(Array.from({ length: 5 }, () => ok<ScanResult>('scan', { activityId: id }, PEOPLE.member)));
    expect(replays.every((r) => r.kind === 'already_out' && r.hours === 1.5)).toBe(true);
    const credits = await ledgerFor(id);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ memberId: PEOPLE.member, delta: 1.5, reason: 'activity_hours', sourceId: `${id}:${PEOPLE.member}` });
    const points = await okData(await s.call<MyPointsView>('points', 'mine', {}, PEOPLE.member));
    expect(points.entries.find((e) => e.reason === 'activity_hours')).toMatchObject({ delta: 1.5, note: expect.stringContaining('垃圾分类宣传') });

    const mine = await ok<ActivityDetail>('detail', { activityId: id }, PEOPLE.member);
    expect(mine.mine).toMatchObject({ status: 'checked_out', hours: 1.5, points: 1.5 });
    const audit = await s.store.collection('audit').find({ targetId: id });
    expect(audit.map((a) => (a as unknown as { action: string }).action)).toContain('activities.publish');
  });

  it('the rate is the community rule at publication unless the staff override it', async () => {
    await s.store.collection('points_rules').insertIfAbsent({ _id: 'C310107102008', activityPerHour: 3, updatedAt: 0, updatedBy: 'test' } as never);
    const byRule = await publishActivity(s);
    const overridden = await publishActivity(s, { perHour: 2 });
    expect((await ok<ActivityDetail>('detail', { activityId: byRule.id }, PEOPLE.member)).perHour).toBe(3);
    expect((await ok<ActivityDetail>('detail', { activityId: overridden.id }, PEOPLE.member)).perHour).toBe(2);
    await s.store.collection('points_rules').updateWhere({ _id: 'C310107102008' }, { $set: { activityPerHour: 1 } });
  });
});

describe('rules', () => {
  it('a cancellation more than 24 h before the start is on time; within 24 h it is recorded as late; the place comes back', async () => {
    const { id, startAt } = await publishActivity(s, { capacity: 1 });
    await ok('signUp', { activityId: id }, PEOPLE.member);
    expect(errorOf(await A('signUp', { activityId: id }, extra[0]!))).toMatchObject({ code: 'CONFLICT', message: '名额已满，下次早点报名' });
    expect(await ok<MySignupView>('cancel', { activityId: id }, PEOPLE.member)).toMatchObject({ status: 'cancelled', late: false });
    await ok('signUp', { activityId: id }, extra[0]!);
    s.clock.now = startAt - 3 * HOUR;
    expect(await ok<MySignupView>('cancel', { activityId: id }, extra[0]!)).toMatchObject({ status: 'cancelled', late: true });
    await ok('signUp', { activityId: id }, PEOPLE.member);
    const roster = await ok<RosterView>('roster', { activityId: id }, PEOPLE.staff);
    expect(roster.counts).toMatchObject({ signed: 1, cancelled: 1, late: 1 });
    expect(roster.rows.find((r) => r.memberId === extra[0])).toMatchObject({ status: 'cancelled', late: true, statusName: '已取消' });
    expect(roster.activity.placesLeft).toBe(0);
    s.clock.now = startAt + 60_000;
    expect(errorOf(await A('cancel', { activityId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: '活动已开始，不能取消报名' });
  });

  it('after the deadline nobody signs up', async () => {
    const { id, startAt } = await publishActivity(s);
    s.clock.now = startAt - HOUR + 1;
    expect(errorOf(await A('signUp', { activityId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: '报名已截止' });
    expect(await s.store.collection('activity_signups').count({ activityId: id })).toBe(0);
  });

  it('hours are capped at the duration: early arrival and late departure earn nothing extra; 全部签退 uses the end time', async () => {
    const { id, startAt, endAt } = await publishActivity(s);
    await ok('signUp', { activityId: id }, PEOPLE.member);
    await ok('signUp', { activityId: id }, extra[1]!);
    s.clock.now = startAt - 55 * 60_000;
    await ok('scan', { activityId: id }, PEOPLE.member);
    await ok('scan', { activityId: id }, extra[1]!);
    s.clock.now = endAt + 110 * 60_000;
    expect(await ok<ScanResult>('scan', { activityId: id }, PEOPLE.member)).toMatchObject({ kind: 'checked_out', hours: 2, points: 2 });
    expect(await ok('checkoutAll', { activityId: id }, PEOPLE.staff)).toEqual({ checkedOut: 1 });
    const roster = await ok<RosterView>('roster', { activityId: id }, PEOPLE.staff);
    expect(roster.rows.find((r) => r.memberId === extra[1])).toMatchObject({ status: 'checked_out', checkOutAt: endAt, hours: 2, points: 2 });
    expect(await ledgerFor(id)).toHaveLength(2);
  });

  it('scans outside 1 h before the start … 2 h after the end are refused, and nothing is written', async () => {
    const { id, startAt, endAt } = await publishActivity(s);
    await ok('signUp', { activityId: id }, PEOPLE.member);
    s.clock.now = startAt - HOUR - 60_000;
    expect(errorOf(await A('scan', { activityId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('还没到签到时间') });
    s.clock.now = endAt + 2 * HOUR + 60_000;
    expect(errorOf(await A('scan', { activityId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('签到时间已过') });
    const row = await s.store.collection<{ _id: string; status: string; checkInAt: number | null }>('activity_signups').get(`${id}:${PEOPLE.member}`);
    expect(row).toMatchObject({ status: 'signed', checkInAt: null });
  });

  it('closing records no-shows, checks out stragglers, and is safe to repeat; the timer closes 2 h after the end', async () => {
    const { id, startAt } = await publishActivity(s);
    for (const m of [PEOPLE.member, extra[2]!, extra[3]!]) await ok('signUp', { activityId: id }, m);
    s.clock.now = startAt;
    await ok('scan', { activityId: id }, extra[2]!);
    s.clock.now = startAt + HOUR;
    expect(await ok('close', { activityId: id }, PEOPLE.staff)).toEqual({ checkedOut: 1, noShows: 2 });
    expect(await ok('close', { activityId: id }, PEOPLE.staff)).toEqual({ checkedOut: 0, noShows: 0 });
    const roster = await ok<RosterView>('roster', { activityId: id }, PEOPLE.staff);
    expect(roster.counts).toMatchObject({ no_show: 2, checked_out: 1 });
    expect(roster.rows.find((r) => r.memberId === extra[2])).toMatchObject({ hours: 1 });
    expect(errorOf(await A('scan', { activityId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: '活动已结束，您被记为未到场' });

    const timed = await publishActivity(s);
    await ok('signUp', { activityId: timed.id }, PEOPLE.member);
    s.clock.now = timed.endAt + HOUR;
    expect(await sweep()).toMatchObject({ ok: true }); // closes the earlier tests' activities, not this one yet
    expect(await ok<ActivityDetail>('detail', { activityId: timed.id }, PEOPLE.member)).toMatchObject({ status: 'open', mine: { status: 'signed' } });
    s.clock.now = timed.endAt + 2 * HOUR + 1;
    expect(await sweep()).toMatchObject({ ok: true, data: { closed: 1 } });
    expect(await sweep()).toMatchObject({ ok: true, data: { closed: 0 } });
    const after = await ok<ActivityDetail>('detail', { activityId: timed.id }, PEOPLE.member);
    expect(after).toMatchObject({ status: 'closed', mine: { status: 'no_show', statusName: '未到场' } });
    expect((await ok<Page<ActivityCard>>('list', { tab: 'past' }, PEOPLE.member)).items.map((a) => a.id)).toContain(timed.id);
  });

  it('staff cannot end an activity before it starts', async () => {
    const { id } = await publishActivity(s);
    expect(errorOf(await A('close', { activityId: id }, PEOPLE.staff))).toMatchObject({ code: 'CONFLICT', message: '活动还没开始，不能结束' });
  });
});

describe('认领志愿服务岗', () => {
  it('members claim up to the slots, leave, claim again; holders are kept with since/until for the duty check', async () => {
    const { id } = await ok<{ id: string }>('publishPost', goodPost({ slots: 2 }), PEOPLE.staff);
    expect((await ok<Page<PostCard>>('posts', {}, PEOPLE.member)).items.find((p) => p.id === id)).toMatchObject({ held: 0, slots: 2, mine: false });
    expect(await ok<PostCard>('claimPost', { postId: id }, PEOPLE.member)).toMatchObject({ held: 1, mine: true });
    expect(errorOf(await A('claimPost', { postId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT', message: '您已认领这个岗位' });
    await ok('claimPost', { postId: id }, extra[0]!);
    expect(errorOf(await A('claimPost', { postId: id }, extra[1]!))).toMatchObject({ code: 'CONFLICT', message: '岗位人数已满' });
    const staffView = await ok<Page<PostCard>>('managePosts', {}, PEOPLE.staff);
    expect(staffView.items.find((p) => p.id === id)?.holders.sort()).toEqual(['张伟', '志愿者0'].sort());

    s.clock.now += HOUR;
    expect(await ok<PostCard>('leavePost', { postId: id }, PEOPLE.member)).toMatchObject({ held: 1, mine: false });
    expect(errorOf(await A('leavePost', { postId: id }, PEOPLE.member))).toMatchObject({ code: 'CONFLICT' });
    await ok('claimPost', { postId: id }, PEOPLE.member);
    const stints = await s.store.collection<PostHolderDoc>('post_holders').find({ postId: id, memberId: PEOPLE.member }, { sort: [['since', 1]] });
    expect(stints).toHaveLength(2);
    expect(stints[0]).toMatchObject({ communityId: 'C310107102008', until: expect.any(Number), path: expect.stringContaining('/C310107102008/') });
    expect(stints[1]).toMatchObject({ until: null });
  });

  it('20 members racing for 3 slots: exactly 3 hold it; one member tapping 10 times holds it once', async () => {
    const racers = await addMembers(s, 20, 'u-post');
    const { id } = await ok<{ id: string }>('publishPost', goodPost({ slots: 3 }), PEOPLE.staff);
    const results = await Promise.all(racers.map((m) => A('claimPost', { postId: id }, m)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await s.store.collection('post_holders').count({ postId: id, until: null })).toBe(3);

    const solo = await ok<{ id: string }>('publishPost', goodPost({ slots: 5 }), PEOPLE.staff);
    const taps = await Promise.all(Array.from({ length: 10 }, () => A('claimPost', { postId: solo.id }, PEOPLE.member)));
    expect(taps.filter((r) => r.ok)).toHaveLength(1);
    expect((await s.store.collection<{ _id: string; held: number }>('posts').get(solo.id))?.held).toBe(1);
  });
});
