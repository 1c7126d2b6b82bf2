/**
 * Database requests each 双报到 action makes before it answers (issue 12: at most 3), on its success path in a warm
 * instance: locally every DocumentStore call of the function (a counting store around the test's), in cloud mode what
 * the simulator bills the invocation (`/__sim/stats`). Effects drained after the answer (the member role, the points
 * placement, messages) are not the person's wait. `WG_COST_TABLE=1` prints the table.
 */
import type { UserDoc } from '../../backend/users/repo';
import { goodRegistration } from '../support/members';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { costMeter, inRound, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

const GOAL = 3;

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  requestsOf = costMeter(s);
});
afterAll(() => s.close());

interface Call {
  who: string;
  data: Record<string, unknown>;
}

interface Case {
  action: string;
  variant?: string;
  prepare(): Promise<Call>;
}

let people = 0;
/** A fresh person with no roles. */
async function newcomer(): Promise<string> {
  const id = `u-cost-${++people}`;
  await s.store.collection<UserDoc>('users').insert({ _id: id, name: `申请人${people}`, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: s.clock.now });
  return id;
}
const form = (buildingId: string, extra: Record<string, unknown> = {}) => goodRegistration(buildingId, { name: `申请人${people}`, ...extra });
async function applied(who: string, buildingId = NODES.building1): Promise<string> {
  return okData(await s.call<{ id: string }>('members', 'register', form(buildingId), who)).id;
}
/** A member approved in 梅川第一 who has applied to move to 梅川第二: the transfer's id. */
async function transferring(): Promise<{ who: string; id: string }> {
  const who = await newcomer();
  okData(await s.call('members', 'approve', { registrationId: await applied(who) }, PEOPLE.staff));
  return { who, id: okData(await s.call<{ id: string }>('members', 'transfer', form(NODES.buildingOther), who)).id };
}

const CASES: Case[] = [
  { action: 'register', prepare: async () => ({ who: await newcomer(), data: form(NODES.building1) }) },
  { action: 'register', variant: 'with an organisation', prepare: async () => ({ who: await newcomer(), data: form(NODES.building1, { orgId: 'O-demo-meichuan' }) }) },
  {
    action: 'transfer',
    prepare: async () => {
      const who = await newcomer();
      okData(await s.call('members', 'approve', { registrationId: await applied(who) }, PEOPLE.staff));
      return { who, data: form(NODES.buildingOther) };
    },
  },
  { action: 'mine', prepare: async () => ({ who: PEOPLE.member, data: {} }) },
  { action: 'pending', prepare: async () => ({ who: PEOPLE.staff, data: {} }) },
  { action: 'approve', prepare: async () => ({ who: PEOPLE.staff, data: { registrationId: await applied(await newcomer()) } }) },
  { action: 'approve', variant: 'a transfer', prepare: async () => ({ who: PEOPLE.otherStaff, data: { registrationId: (await transferring()).id } }) },
  { action: 'reject', prepare: async () => ({ who: PEOPLE.staff, data: { registrationId: await applied(await newcomer()), reason: '所在党组织名称不完整' } }) },
];

const label = (c: Case) => `members.${c.action}${c.variant ? ` (${c.variant})` : ''}`;

/** The requests of one call (tests/support/cost.ts). */
const requests = (c: Case, { who, data }: Call): Promise<number> => requestsOf('members', c.action, data, who);

it(`every 双报到 action makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<[string, number]> = [];
  // The first round warms the instance (areas, organisations, a block of 报到证 numbers); the second is measured.
  for (const round of [0, 1]) {
    for (const c of CASES) {
      const n = await inRound(round, async () => requests(c, await c.prepare()));
      if (round === 1) rows.push([label(c), n]);
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}\n${rows.map(([l, n]) => `${l}\t${n}`).join('\n')}`);
  expect(rows.filter(([, n]) => n > GOAL)).toEqual([]);
  expect(s.logged).toEqual([]);
});
