/**
 * Bench section "Volunteer posts and activities (issue 4)": database round trips per `activities` action on
 * its success path, every port call counted (`backend/store/counting.ts`), after the state it needs has been
 * built through the API on a fresh copy of the seeded demo store.
 */
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import { countingStore } from '../../backend/store/counting';
import { SqliteStore } from '../../backend/store/sqlite';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { table } from './report';
import { C1, GOAL, MEMBER, MEMBER_B, STAFF, START, SYSTEM, identityOf, quietLog, seededTemplate } from './order-common';
import { trace } from './order-trips';

const HOUR = 3600_000;

interface Lab {
  clock: { now: number };
  call(action: string, data: Record<string, unknown>, who: string): Promise<unknown>;
  /** Publishes an activity two days ahead, optionally signs members up, and can move the clock to its start. */
  activity(opts?: { signed?: string[]; at?: 'start' | 'end' }): Promise<{ activityId: string }>;
  post(claimedBy?: string): Promise<{ postId: string }>;
}

interface Scenario {
  action: string;
  variant?: string;
  who: string;
  state: string;
  prepare(lab: Lab): Promise<Record<string, unknown>>;
}

function makeLab(deps: Deps, clock: { now: number }): Lab {
  const call = async (action: string, data: Record<string, unknown>, who: string) => {
    const env = await handle(FUNCTIONS.activities, { action, data }, identityOf(who), deps);
    if (!env.ok) throw new Error(`setup activities.${action} as ${who}: ${env.error.code} ${env.error.message}`);
    // As the client does: what the call left pending is applied right after it.
    if (env.pending?.length) await handle(FUNCTIONS.effects, { action: 'drain', data: { refs: env.pending } }, identityOf(who), deps);
    return env.data;
  };
  const activity: Lab['activity'] = async ({ signed = [], at } = {}) => {
    const startAt = clock.now + 48 * HOUR;
    const { id } = (await call(
      'publish',
      { areaId: C1, title: '垃圾分类宣传', description: '在小区门口讲解垃圾分类', place: '小区南门', startAt, endAt: startAt + 2 * HOUR, capacity: 20 },
      STAFF,
    )) as { id: string };
    for (const m of signed) await call('signUp', { activityId: id }, m);
    if (at === 'start') clock.now = startAt;
    if (at === 'end') clock.now = startAt + 2 * HOUR;
    return { activityId: id };
  };
  const post: Lab['post'] = async (claimedBy) => {
    const { id } = (await call('publishPost', { areaId: C1, title: '楼道长', description: '每周巡查楼道，清理堆物', slots: 3 }, STAFF)) as { id: string };
    if (claimedBy) await call('claimPost', { postId: id }, claimedBy);
    return { postId: id };
  };
  return { clock, call, activity, post };
}

const around = (setup: (lab: Lab) => Promise<unknown>, data: Record<string, unknown>) => async (lab: Lab) => {
  await setup(lab);
  return data;
};

/** Another post published first: areas are then kept by the warm instance, as they are for any but the first call. */
const warmed = (data: (lab: Lab) => Record<string, unknown>) => async (lab: Lab) => (await lab.post(), data(lab));

const SCENARIOS: Scenario[] = [
  { action: 'publishPost', who: STAFF, state: 'warm instance', prepare: warmed(() => ({ areaId: C1, title: '楼道长', description: '每周巡查楼道，清理堆物', slots: 3 })) },
  { action: 'posts', who: MEMBER, state: 'one post held', prepare: around((l) => l.post(MEMBER), {}) },
  { action: 'managePosts', who: STAFF, state: 'one post held', prepare: around((l) => l.post(MEMBER), {}) },
  { action: 'claimPost', who: MEMBER, state: 'open post', prepare: (l) => l.post() },
  { action: 'leavePost', who: MEMBER, state: 'held by the caller', prepare: (l) => l.post(MEMBER) },
  {
    action: 'publish',
    who: STAFF,
    state: 'warm instance, community rule read',
    prepare: warmed((l) => ({
      areaId: C1,
      title: '垃圾分类宣传',
      description: '在小区门口讲解垃圾分类',
      place: '小区南门',
      startAt: l.clock.now + 48 * HOUR,
      endAt: l.clock.now + 50 * HOUR,
      capacity: 20,
    })),
  },
  { action: 'list', who: MEMBER, state: 'upcoming, signed up', prepare: around((l) => l.activity({ signed: [MEMBER] }), { tab: 'upcoming' }) },
  { action: 'list', variant: 'mine', who: MEMBER, state: 'signed up', prepare: around((l) => l.activity({ signed: [MEMBER] }), { tab: 'mine' }) },
  { action: 'detail', who: MEMBER, state: 'signed up', prepare: (l) => l.activity({ signed: [MEMBER] }) },
  { action: 'signUp', who: MEMBER, state: 'open, places left', prepare: (l) => l.activity() },
  {
    action: 'signUp',
    variant: 'again',
    who: MEMBER,
    state: 'cancelled before',
    prepare: async (l) => {
      const data = await l.activity({ signed: [MEMBER] });
      await l.call('cancel', data, MEMBER);
      return data;
    },
  },
  { action: 'cancel', who: MEMBER, state: 'signed up, 2 days ahead', prepare: (l) => l.activity({ signed: [MEMBER] }) },
  { action: 'scan', variant: '签到', who: MEMBER, state: 'signed up, at the start', prepare: (l) => l.activity({ signed: [MEMBER], at: 'start' }) },
  {
    action: 'scan',
    variant: '签退',
    who: MEMBER,
    state: 'checked in, at the end (credits points)',
    prepare: async (l) => {
      const data = await l.activity({ signed: [MEMBER], at: 'start' });
      await l.call('scan', data, MEMBER);
      l.clock.now += 2 * HOUR;
      return data;
    },
  },
  { action: 'manage', who: STAFF, state: 'one upcoming', prepare: around((l) => l.activity(), { tab: 'upcoming' }) },
  { action: 'roster', who: STAFF, state: 'two signed up', prepare: (l) => l.activity({ signed: [MEMBER, MEMBER_B] }) },
  {
    action: 'checkoutAll',
    who: STAFF,
    state: 'two checked in, at the end',
    prepare: async (l) => {
      const data = await l.activity({ signed: [MEMBER, MEMBER_B], at: 'start' });
      for (const m of [MEMBER, MEMBER_B]) await l.call('scan', data, m);
      l.clock.now += 2 * HOUR;
      return data;
    },
  },
  {
    action: 'close',
    who: STAFF,
    state: 'one checked in, one no-show',
    prepare: async (l) => {
      const data = await l.activity({ signed: [MEMBER, MEMBER_B], at: 'start' });
      await l.call('scan', data, MEMBER);
      l.clock.now += 2 * HOUR;
      return data;
    },
  },
  {
    action: 'sweep',
    who: SYSTEM,
    state: 'one activity ended 2 h ago, one no-show',
    prepare: async (l) => {
      await l.activity({ signed: [MEMBER], at: 'end' });
      l.clock.now += 2 * HOUR + 1;
      return {};
    },
  },
];

interface Row {
  label: string;
  who: string;
  state: string;
  actor: number;
  action: number;
  sequential: number;
  trace: string;
}

async function measure(s: Scenario, template: Buffer): Promise<Row> {
  const label = `activities.${s.action}${s.variant ? ` (${s.variant})` : ''}`;
  const sqlite = new SqliteStore(new Database(template));
  try {
    const counting = countingStore(sqlite);
    const clock = { now: START };
    const deps: Deps = { store: counting.store, now: () => clock.now, log: quietLog, ports: localPorts(path.join(os.tmpdir(), 'wg-bench-no-uploads')) };
    const data = await s.prepare(makeLab(deps, clock));
    const def = FUNCTIONS.activities.actions[s.action];
    if (!def) throw new Error(`scenario for unknown action ${label}`);
    let mark = -1;
    const split = {
      name: 'activities',
      actions: { [s.action]: { ...def, run: (ctx: Parameters<typeof def.run>[0], input: unknown) => ((mark = counting.counts().total), def.run(ctx, input)) } },
    };
    counting.reset();
    const env = await handle(split, { action: s.action, data }, identityOf(s.who), deps);
    if (!env.ok) throw new Error(`${label} as ${s.who} failed: ${env.error.code} ${env.error.message}`);
    const mine = counting.calls().slice(mark);
    return { label, who: s.who, state: s.state, actor: mark, action: mine.length, sequential: mine.filter((c) => !c.overlapped).length, trace: trace(mine) };
  } finally {
    await sqlite.close();
  }
}

async function run(_ctx: BenchContext): Promise<SectionResult> {
  const template = await seededTemplate();
  const actions = Object.keys(FUNCTIONS.activities.actions);
  const uncovered = actions.filter((a) => !SCENARIOS.some((s) => s.action === a));
  const rows: Row[] = [];
  for (const a of actions) for (const s of SCENARIOS.filter((x) => x.action === a)) rows.push(await measure(s, template));
  const figures: Figures = {};
  const total = (r: Row) => r.actor + r.action;
  for (const r of rows) figures[`trips ${r.label}`] = `${r.actor} + ${r.action} = ${total(r)}${total(r) > GOAL && r.who !== SYSTEM ? ' ✗' : ''}`;
  if (uncovered.length) figures['trips: activities actions WITHOUT a scenario'] = uncovered.join(', ');
  const over = rows.filter((r) => r.who !== SYSTEM && total(r) > GOAL);
  const markdown = [
    '### Database round trips per action',
    '',
    'Each call runs once on its success path through `handle()` on a fresh copy of the seeded demo store, after its state was',
    'built through the API (each setup call followed by the drain of what it left pending, as the client asks); every port',
    'call is one round trip (one network request on CloudBase). "Load actor" is the runtime\'s read before the action, with the',
    'record the action names read beside it (`prefetch`); calls issued together (`Promise.all`) are in parentheses joined by ∥.',
    'What a call causes (audit records, the sign-up a place creates, points, the roster moves of 全部签退 and 结束活动) rides',
    'on its one conditional write and is applied afterwards by `effects.drain`, not counted here. Sign-up is read my sign-up',
    "→ the activity's conditional write (`taken` below capacity, my place token not yet in `seated`) carrying the sign-up:",
    `constant, whatever the capacity or the crowd. The goal is ≤ ${GOAL} per user action in a warm instance (areas and`,
    "activities kept, backend/runtime/warm.ts); the timer is not a person's wait.",
    '',
    table(
      ['call', 'as', 'state', 'load actor', 'the action', 'total', 'sequential', `≤ ${GOAL}`, 'where the trips go'],
      [
        ...rows.map((r) => [`\`${r.label}\``, r.who, r.state, r.actor, r.action, total(r), r.sequential, r.who === SYSTEM ? '—' : total(r) > GOAL ? '✗' : '✓', r.trace]),
        ...uncovered.map((a) => [`\`activities.${a}\``, '', '**no scenario: add one in scripts/bench/activities.ts**', '', '', '', '', '', '']),
      ],
    ),
    '',
    `User actions over ${GOAL}: ${over.length ? over.map((r) => `\`${r.label}\``).join(', ') : 'none'}.`,
  ].join('\n');
  return { markdown, figures };
}

export const activitiesSection: Section = {
  id: 'activities',
  title: 'Volunteer posts and activities (issue 4)',
  run,
};
