/** Races through the real HTTP server: 200 members for 20 places, cancellations racing new sign-ups, one member tapping 10 times. */
import type { ActivityDoc } from '../../backend/activities/repo';
import { addMembers, publishActivity } from '../support/activities';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
let members: string[];
beforeAll(async () => {
  s = await startTestServer();
  members = await addMembers(s, 200);
});
afterAll(() => s.close());

const signUp = (activityId: string, who: string) => s.call('activities', 'signUp', { activityId }, who);
const seats = async (activityId: string) => ({
  taken: (await s.store.collection<ActivityDoc>('activities').get(activityId))!.taken,
  seated: await s.store.collection('activity_signups').count({ activityId, status: 'signed' }),
});

it('200 simultaneous sign-ups for 20 places: exactly 20 get in, 180 are told it is full', async () => {
  const { id } = await publishActivity(s, { capacity: 20 });
  const results = await Promise.all(members.map((m) => signUp(id, m)));
  expect(results.filter((r) => r.ok)).toHaveLength(20);
  const full = results.filter((r) => !r.ok && r.error.code === 'CONFLICT' && r.error.message === '名额已满，下次早点报名');
  expect(full).toHaveLength(180);
  expect(await seats(id)).toEqual({ taken: 20, seated: 20 });
}, 60000);

it('10 cancellations racing 60 new sign-ups never oversell: places taken always equal places held', async () => {
  const { id } = await publishActivity(s, { capacity: 20 });
  const first = members.slice(0, 20);
  for (const m of first) await signUp(id, m);
  const results = await Promise.all([
    ...first.slice(0, 10).map((m) => s.call('activities', 'cancel', { activityId: id }, m)),
    ...members.slice(100, 160).map((m) => signUp(id, m)),
  ]);
  expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
  const { taken, seated } = await seats(id);
  expect(taken).toBe(seated);
  expect(taken).toBeLessThanOrEqual(20);
  expect(results.slice(10).filter((r) => r.ok).length).toBe(taken - 10);
}, 60000);

it('one member tapping 报名 10 times at once holds one place', async () => {
  const { id } = await publishActivity(s, { capacity: 20 });
  const taps = await Promise.all(Array.from({ length: 10 }, () => signUp(id, PEOPLE.member)));
  expect(taps.filter((r) => r.ok)).toHaveLength(1);
  expect(taps.filter((r) => !r.ok && r.error.message === '您已报名这个活动，不用重复报名')).toHaveLength(9);
  expect(await seats(id)).toEqual({ taken: 1, seated: 1 });
}, 60000);
