/**
 * Database requests each 申报 → 汇总 → 核实 action (and 更正) makes before it answers (issue 12: at most 3), on its success path
 * in a warm instance: locally every DocumentStore call of the function (a counting store around the test's), in cloud
 * mode what the simulator bills the invocation (`/__sim/stats`). Effects drained after the answer are not the
 * person's wait. `WG_COST_TABLE=1` prints the table.
 */
import { uploadPhoto } from '../support/orders';
import { PEOPLE } from '../support/people';
import { declarationIn, goodDeclaration } from '../support/points';
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

interface Case {
  action: string;
  variant?: string;
  who: string;
  prepare(): Promise<Record<string, unknown>>;
}

let keys = 0;
const declared = (n: number) => Promise.all(Array.from({ length: n }, () => declarationIn(s, 'declared')));
const one =
  (status: string, extra: Record<string, unknown> = {}) =>
  async () => ({ declarationId: await declarationIn(s, status), ...extra });

/** The ledger id of a verified declaration's credit (the credit applied, as the client's drain does). */
const verifiedEntry = async () => `declared_service:declaration:${await declarationIn(s, 'verified')}`;

const CASES: Case[] = [
  { action: 'declare', who: PEOPLE.member, prepare: async () => goodDeclaration(s) },
  { action: 'declare', variant: 'keyed', who: PEOPLE.member, prepare: async () => goodDeclaration(s, { requestKey: `cost-declare-${++keys}` }) },
  { action: 'declare', variant: 'with a photo', who: PEOPLE.member, prepare: async () => goodDeclaration(s, { photos: [await uploadPhoto(s, PEOPLE.member)] }) },
  { action: 'myDeclarations', who: PEOPLE.member, prepare: async () => ({}) },
  { action: 'gridQueue', who: PEOPLE.gridLeader, prepare: async () => ({}) },
  { action: 'forward', variant: 'batch of 1', who: PEOPLE.gridLeader, prepare: async () => ({ declarationIds: await declared(1) }) },
  { action: 'forward', variant: 'batch of 5', who: PEOPLE.gridLeader, prepare: async () => ({ declarationIds: await declared(5), note: '本周汇总' }) },
  { action: 'sendBack', who: PEOPLE.gridLeader, prepare: one('declared', { reason: '请补充服务照片' }) },
  { action: 'verifyQueue', who: PEOPLE.staff, prepare: async () => ({}) },
  { action: 'verify', who: PEOPLE.staff, prepare: one('forwarded') },
  { action: 'verify', variant: 'points given', who: PEOPLE.staff, prepare: one('forwarded', { points: 4, note: '照片齐全' }) },
  { action: 'reject', who: PEOPLE.staff, prepare: one('forwarded', { reason: '当天没有该项活动' }) },
  // 更正: the entry read beside the caller, then one insert carrying the totals, the audit record and the message.
  { action: 'correct', variant: 'reversal', who: PEOPLE.staff, prepare: async () => ({ entryId: await verifiedEntry(), reason: '重复申报，予以冲正' }) },
  { action: 'correct', variant: 'stated change', who: PEOPLE.staff, prepare: async () => ({ entryId: await verifiedEntry(), delta: 1, reason: '补记半小时' }) },
  {
    action: 'correct',
    variant: 'the same again',
    who: PEOPLE.staff,
    prepare: async () => {
      const data = { entryId: await verifiedEntry(), reason: '重复申报，予以冲正' };
      okData(await s.call('points', 'correct', data, PEOPLE.staff));
      return data;
    },
  },
  // After the credits above: the member has a ledger, a total and a standing to show.
  { action: 'mine', who: PEOPLE.member, prepare: async () => ({}) },
];

const label = (c: Case) => `points.${c.action}${c.variant ? ` (${c.variant})` : ''}`;

/** The requests of one call (tests/support/cost.ts). */
const requests = (c: Case, data: Record<string, unknown>): Promise<number> => requestsOf('points', c.action, data, c.who);

it(`every 申报/汇总/核实 action makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<[string, number]> = [];
  // The first round warms the instance (areas, rules and the 网格长 lookup kept per instance); the second is measured.
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
