/**
 * Database requests each activities action makes before it answers (issue 12: at most 3), on its success path in a warm
 * instance: locally every DocumentStore call of the function (a counting store around the test's), in cloud mode what
 * the simulator bills the invocation (`/__sim/stats`). Effects drained after the answer are not the person's wait.
 * `WG_COST_TABLE=1` prints the table.
 */
import { HOUR, addMembers, goodActivity, goodPost } from '../support/activities';
import { PEOPLE } from '../support/people';
import { FUNCTIONS } from '../../backend/functions';
import { meterAndRuntime, inRound, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

const GOAL = 3;

let s: TestServer;
let runtime: ReturnType<typeof meterAndRuntime>;
let extra: string[];
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  runtime = meterAndRuntime(s);
  extra = await addMembers(s, 2, 'u-cost');
});
afterAll(() => s.close());

/** Setup goes through the same runtime as the measured call (the same warm instance in both modes). */
const setup = <T>(action: string, data: Record<string, unknown>, who: string): Promise<T> => runtime.run<T>('activities', action, data, who);

/** An activity two days ahead (signed up by `signed`), the clock then moved to its start or its end when asked. */
async function activity(signed: string[] = [], at?: 'start' | 'end'): Promise<{ activityId: string }> {
  const data = goodActivity(s, { perHour: 1 });
  const { id } = await setup<{ id: string }>('publish', data, PEOPLE.staff);
  for (const m of signed) await setup('signUp', { activityId: id }, m);
  if (at === 'start') s.clock.now = data.startAt as number;
  if (at === 'end') s.clock.now = (data.endAt as number) + 1;
  return { activityId: id };
}

async function post(claimedBy?: string): Promise<{ postId: string }> {
  const { id } = await setup<{ id: string }>('publishPost', goodPost({ slots: 3 }), PEOPLE.staff);
  if (claimedBy) await setup('claimPost', { postId: id }, claimedBy);
  return { postId: id };
}

interface Case {
  action: string;
  variant?: string;
  who: string;
  prepare(): Promise<Record<string, unknown>>;
}

const around = (make: () => Promise<unknown>, data: Record<string, unknown>) => async () => (await make(), data);
let serial = 0;

const CASES: Case[] = [
  { action: 'publishPost', who: PEOPLE.staff, prepare: async () => goodPost() },
  { action: 'publishPost', variant: 'keyed', who: PEOPLE.staff, prepare: async () => goodPost({ requestKey: `cost-post-${++serial}` }) },
  { action: 'posts', who: PEOPLE.member, prepare: around(() => post(PEOPLE.member), {}) },
  { action: 'managePosts', who: PEOPLE.staff, prepare: around(() => post(PEOPLE.member), {}) },
  { action: 'claimPost', who: PEOPLE.member, prepare: () => post() },
  { action: 'leavePost', who: PEOPLE.member, prepare: () => post(PEOPLE.member) },
  { action: 'publish', who: PEOPLE.staff, prepare: async () => goodActivity(s) },
  { action: 'publish', variant: 'keyed, own rate', who: PEOPLE.staff, prepare: async () => goodActivity(s, { perHour: 2, requestKey: `cost-activity-${++serial}` }) },
  { action: 'list', who: PEOPLE.member, prepare: around(() => activity([PEOPLE.member]), { tab: 'upcoming' }) },
  { action: 'list', variant: 'mine', who: PEOPLE.member, prepare: around(() => activity([PEOPLE.member]), { tab: 'mine' }) },
  { action: 'list', variant: 'past', who: PEOPLE.member, prepare: async () => ({ tab: 'past' }) },
  { action: 'detail', who: PEOPLE.member, prepare: () => activity([PEOPLE.member]) },
  { action: 'signUp', who: PEOPLE.member, prepare: () => activity() },
  {
    action: 'signUp',
    variant: 'again after cancelling',
    who: PEOPLE.member,
    prepare: async () => {
      const data = await activity([PEOPLE.member]);
      await setup('cancel', data, PEOPLE.member);
      return data;
    },
  },
  { action: 'cancel', who: PEOPLE.member, prepare: () => activity([PEOPLE.member]) },
  { action: 'scan', variant: '签到', who: PEOPLE.member, prepare: () => activity([PEOPLE.member], 'start') },
  {
    action: 'scan',
    variant: '签退, points',
    who: PEOPLE.member,
    prepare: async () => {
      const data = await activity([PEOPLE.member], 'start');
      await setup('scan', data, PEOPLE.member);
      s.clock.now += 2 * HOUR;
      return data;
    },
  },
  { action: 'manage', who: PEOPLE.staff, prepare: around(() => activity(), { tab: 'upcoming' }) },
  { action: 'roster', who: PEOPLE.staff, prepare: () => activity([PEOPLE.member, extra[0]!]) },
  {
    action: 'checkoutAll',
    who: PEOPLE.staff,
    prepare: async () => {
      const data = await activity([PEOPLE.member, extra[0]!], 'start');
      for (const m of [PEOPLE.member, extra[0]!]) await setup('scan', data, m);
      s.clock.now += 2 * HOUR;
      return data;
    },
  },
  {
    action: 'close',
    who: PEOPLE.staff,
    prepare: async () => {
      const data = await activity([PEOPLE.member, extra[0]!], 'start');
      await setup('scan', data, PEOPLE.member);
      s.clock.now += HOUR;
      return data;
    },
  },
];

const label = (c: Case) => `activities.${c.action}${c.variant ? ` (${c.variant})` : ''}`;

/** The requests of one call (tests/support/cost.ts). */
const requests = (c: Case, data: Record<string, unknown>): Promise<number> => runtime.requests('activities', c.action, data, c.who);

it(`every activities user action makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<[string, number]> = [];
  const start = s.clock.now;
  // The first round warms the instance (areas and activities kept per instance); the second is measured.
  for (const round of [0, 1]) {
    for (const c of CASES) {
      s.clock.now = start + round * 7 * 24 * HOUR;
      const n = await inRound(round, async () => requests(c, await c.prepare()));
      if (round === 1) rows.push([label(c), n]);
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}\n${rows.map(([l, n]) => `${l}\t${n}`).join('\n')}`);
  const userActions = Object.entries(FUNCTIONS.activities!.actions)
    .filter(([, def]) => def.auth === 'user')
    .map(([name]) => name);
  expect(userActions.filter((a) => !CASES.some((c) => c.action === a))).toEqual([]);
  expect(rows.filter(([, n]) => n > GOAL)).toEqual([]);
  expect(s.logged).toEqual([]);
}, 120_000);
