/**
 * Database requests each wishes action makes before it answers (issue 12: at most 3), on its success path in a warm
 * instance: locally every DocumentStore call of the function (a counting store around the test's), in cloud mode what
 * the simulator bills the invocation (`/__sim/stats`). Effects drained after the answer are not the person's wait.
 * `WG_COST_TABLE=1` prints the table.
 */
import { organisations } from '../../backend/members/repo';
import { DAY, uploadPhoto } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { SYSTEM, costMeter, inRound, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { runTimer, startTestServer } from '../support/server';
import { goodWish, publicText, wishIn } from '../support/wishes';

const GOAL = 3;

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  requestsOf = costMeter(s);
  // 李建国 (another resident) is the contact person of an organisation that reported to 梅川第一居委会.
  const contact = { name: '李建国', mobile: '13900001002' };
  await organisations(s.store).insert({
    _id: 'org-cost',
    name: '长征镇某单位党支部',
    communityId: NODES.community1,
    path: '/x/',
    contactName: contact.name,
    contactMobile: contact.mobile,
    agreement: '共建',
    createdAt: s.clock.now,
    createdBy: PEOPLE.staff,
  });
});
afterAll(() => s.close());

interface Case {
  action: string;
  variant?: string;
  who: string;
  prepare(): Promise<Record<string, unknown>>;
}

const on =
  (status: Parameters<typeof wishIn>[1], extra: Record<string, unknown> = {}) =>
  async () => ({ wishId: await wishIn(s, status), ...extra });
const around = (data: Record<string, unknown>) => async () => {
  await wishIn(s, 'published');
  return data;
};

const CASES: Case[] = [
  // A change of rules forgets the instance's copy: first, so the reads after it find the rules kept again.
  { action: 'setRules', who: PEOPLE.staff, prepare: async () => ({ communityId: NODES.community1, valueCap: 200, claimDays: 14 }) },
  { action: 'rules', who: PEOPLE.resident, prepare: async () => ({}) },
  { action: 'post', who: PEOPLE.resident, prepare: async () => ((s.clock.now += DAY), goodWish()) },
  { action: 'post', variant: 'keyed', who: PEOPLE.resident, prepare: async () => ((s.clock.now += DAY), goodWish({ requestKey: `cost-${s.clock.now}` })) },
  { action: 'post', variant: 'staff for a resident', who: PEOPLE.staff, prepare: async () => goodWish({ buildingId: NODES.building1, door: undefined }) },
  { action: 'board', who: PEOPLE.otherResident, prepare: around({}) },
  { action: 'board', variant: 'member', who: PEOPLE.member, prepare: around({ filter: 'open' }) },
  { action: 'detail', who: PEOPLE.gridWorker, prepare: on('published') },
  { action: 'detail', variant: 'member', who: PEOPLE.member, prepare: on('published') },
  { action: 'detail', variant: 'poster', who: PEOPLE.resident, prepare: on('claimed') },
  { action: 'detail', variant: "organisation's contact", who: PEOPLE.otherResident, prepare: on('published') },
  { action: 'mine', who: PEOPLE.resident, prepare: around({ scope: 'posted' }) },
  { action: 'mine', variant: 'claimed', who: PEOPLE.member, prepare: around({ scope: 'claimed' }) },
  { action: 'review', who: PEOPLE.staff, prepare: around({}) },
  { action: 'approve', who: PEOPLE.staff, prepare: on('pending', publicText) },
  { action: 'reject', who: PEOPLE.staff, prepare: on('pending', { reason: '不属于微心愿范围' }) },
  { action: 'claim', who: PEOPLE.member, prepare: on('published') },
  { action: 'claim', variant: 'for the linked organisation', who: PEOPLE.member, prepare: on('published', { asOrg: true }) },
  { action: 'claim', variant: "as an organisation's contact", who: PEOPLE.otherResident, prepare: on('published', { asOrg: true }) },
  {
    action: 'deliver',
    who: PEOPLE.member,
    prepare: async () => ({ wishId: await wishIn(s, 'claimed'), note: '已把五本课外书送到家里', photo: await uploadPhoto(s, PEOPLE.member) }),
  },
  { action: 'confirm', who: PEOPLE.resident, prepare: on('delivered') },
  // The timer, reported beside the actions (nobody waits for it): one claim lapses, then its effects are applied.
  {
    action: 'lapse',
    who: SYSTEM,
    prepare: async () => {
      s.clock.now += 15 * DAY;
      await runTimer(s, 'wishes', 'lapse');
      await wishIn(s, 'claimed');
      s.clock.now += 15 * DAY;
      return {};
    },
  },
];

const label = (c: Case) => `wishes.${c.action}${c.variant ? ` (${c.variant})` : ''}`;

/** The requests of one call (tests/support/cost.ts), as the system for the timer's. */
const requests = (c: Case, data: Record<string, unknown>): Promise<number> => requestsOf('wishes', c.action, data, c.who);

it(`every wishes action makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<{ label: string; first: number; warm: number; person: boolean }> = [];
  // The first round starts in a fresh instance (areas, rules and organisation links not yet kept); the second is measured.
  for (const round of [0, 1]) {
    for (const [i, c] of CASES.entries()) {
      const n = await inRound(round, async () => requests(c, await c.prepare()));
      if (round === 0) rows.push({ label: label(c), first: n, warm: n, person: c.who !== SYSTEM });
      else rows[i]!.warm = n;
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}: first in the instance / warm\n${rows.map((r) => `${r.label}\t${r.first}\t${r.warm}`).join('\n')}`);
  expect(rows.filter((r) => r.person && r.warm > GOAL).map((r) => `${r.label}: ${r.warm}`)).toEqual([]);
  expect(s.logged).toEqual([]);
});
