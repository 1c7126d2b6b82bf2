/** Bad input to the activities actions: a clear Chinese message naming the field, and nothing written. */
import { HOUR, goodActivity, goodPost, publishActivity } from '../support/activities';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const written = async () => ({
  activities: await s.store.collection('activities').count({}),
  posts: await s.store.collection('posts').count({}),
  signups: await s.store.collection('activity_signups').count({}),
  audit: await s.store.collection('audit').count({}),
});

describe('publish an activity', () => {
  const cases: Array<[string, string, string, (a: Record<string, number>) => Record<string, unknown>]> = [
    ['end before start', 'endAt', '结束时间需晚于开始时间', (a) => ({ endAt: a.startAt - HOUR })],
    ['end equal to start', 'endAt', '结束时间需晚于开始时间', (a) => ({ endAt: a.startAt })],
    ['deadline after start', 'deadline', '报名截止时间不能晚于开始时间', (a) => ({ deadline: a.startAt + 60_000 })],
    ['start in the past', 'startAt', '开始时间需晚于现在', (a) => ({ startAt: a.now - HOUR, endAt: a.now + HOUR, deadline: a.now - 2 * HOUR })],
    ['longer than 7 days', 'endAt', '活动时长不能超过 7 天', (a) => ({ endAt: a.startAt + 8 * 24 * HOUR })],
    ['capacity 0', 'capacity', '招募人数不能小于 1', () => ({ capacity: 0 })],
    ['capacity negative', 'capacity', '招募人数不能小于 1', () => ({ capacity: -5 })],
    ['capacity fractional', 'capacity', '招募人数需为整数', () => ({ capacity: 2.5 })],
    ['capacity as text', 'capacity', '招募人数需为数字', () => ({ capacity: '20' })],
    ['negative points per hour', 'perHour', '每小时积分不能小于 0', () => ({ perHour: -1 })],
    ['missing title', 'title', '活动名称需为文字', () => ({ title: undefined })],
    ['blank place', 'place', '活动地点至少需要 2 个字', () => ({ place: '   ' })],
    ['markup in the description', 'description', '活动内容不能包含网页标签', () => ({ description: '<script>alert(1)</script>好活动' })],
    ['missing start', 'startAt', '开始时间需为数字', () => ({ startAt: undefined })],
    ['unknown field', 'points', '不认识的字段：points', () => ({ points: 5 })],
  ];
  it.each(cases)('%s → names %s', async (_name, field, message, change) => {
    const base = goodActivity(s) as Record<string, number>;
    const data = { ...base, ...change({ ...base, now: s.clock.now }) };
    const before = await written();
    const err = errorOf(await s.call('activities', 'publish', data, PEOPLE.staff));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.[field]).toBe(message);
    expect(await written()).toEqual(before);
  });

  it('names every wrong date at once', async () => {
    const base = goodActivity(s) as Record<string, number>;
    const err = errorOf(await s.call('activities', 'publish', { ...base, endAt: base.startAt! - HOUR, deadline: base.startAt! + HOUR }, PEOPLE.staff));
    expect(err.fields).toEqual({ endAt: '结束时间需晚于开始时间', deadline: '报名截止时间不能晚于开始时间' });
  });
});

describe('publish a post', () => {
  it.each([
    ['slots 0', 'slots', '需要人数不能小于 1', { slots: 0 }],
    ['missing description', 'description', '岗位职责需为文字', { description: undefined }],
    ['unknown area', 'areaId', '所属社区或网格不存在或已停用', { areaId: 'C-nowhere' }],
  ] as const)('%s → names %s', async (_name, field, message, change) => {
    const before = await written();
    const err = errorOf(await s.call('activities', 'publishPost', { ...goodPost(), ...change }, PEOPLE.staff));
    expect(err).toMatchObject({ code: 'VALIDATION', fields: { [field]: message } });
    expect(await written()).toEqual(before);
  });
});

describe('sign-up and scan', () => {
  it('a duplicate sign-up is refused and writes nothing more', async () => {
    const { id } = await publishActivity(s);
    expect(await s.call('activities', 'signUp', { activityId: id }, PEOPLE.member)).toMatchObject({ ok: true });
    const before = await written();
    expect(errorOf(await s.call('activities', 'signUp', { activityId: id }, PEOPLE.member))).toEqual({ code: 'CONFLICT', message: '您已报名这个活动，不用重复报名' });
    expect(await written()).toEqual(before);
    const doc = await s.store.collection<{ _id: string; taken: number }>('activities').get(id);
    expect(doc?.taken).toBe(1);
  });

  it('an unknown or malformed activity id is NOT_FOUND or names the field; scanning before signing up says so', async () => {
    expect(errorOf(await s.call('activities', 'scan', { activityId: 'va-missing' }, PEOPLE.member))).toMatchObject({ code: 'NOT_FOUND', message: '活动不存在，或不在您的社区' });
    expect(errorOf(await s.call('activities', 'scan', { activityId: '../x' }, PEOPLE.member))).toMatchObject({ code: 'VALIDATION', fields: { activityId: '活动格式不正确' } });
    const { id, startAt } = await publishActivity(s);
    s.clock.now = startAt;
    expect(errorOf(await s.call('activities', 'scan', { activityId: id }, PEOPLE.member))).toEqual({ code: 'CONFLICT', message: '您还没有报名这个活动，请先报名' });
    expect(await s.store.collection('activity_signups').count({ activityId: id })).toBe(0);
  });
});
