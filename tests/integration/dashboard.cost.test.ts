/**
 * Database requests of 下级对比 (dashboard.children) and 一屏知全域 (dashboard.summary) before they answer, in a warm
 * instance: at most 3 whatever the period's length — children: one group over the children's counters, one over the
 * open backlog, and the caller; summary: the period's counter docs with the node's `open` doc in one read by id, the
 * overdue page, and the caller. Locally every DocumentStore call of the function; in cloud mode what the simulator bills
 * the invocation. `WG_COST_TABLE=1` prints them.
 */
import { fileUnanswered, runScenario, SCENARIO_START } from '../support/dashboard';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { costMeter, inRound, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

const GOAL = 3;

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START, containers: 1, functionEnv: WARM_FOR_COSTS });
  await runScenario(s);
  await fileUnanswered(s);
  requestsOf = costMeter(s);
});
afterAll(() => s.close());

type Case = { label: string; who: string; data: Record<string, unknown> };

const CASES: Case[] = [
  { label: 'community, today', who: PEOPLE.staff, data: { areaId: NODES.community1, period: 'today' } },
  { label: 'street, a year of days', who: PEOPLE.street, data: { areaId: NODES.street, period: 'year' } },
  { label: 'own grid (no areaId), a month', who: PEOPLE.gridLeader, data: { period: 'month' } },
];

/** Each case twice (tests/support/cost.ts): the first round fills the instance's kept areas, the second is measured. */
async function measure(action: string, cases: Case[]): Promise<Array<{ label: string; first: number; warm: number }>> {
  const rows: Array<{ label: string; first: number; warm: number }> = [];
  for (const round of [0, 1]) {
    for (const [i, c] of cases.entries()) {
      const n = await inRound(round, () => requestsOf('dashboard', action, c.data, c.who));
      if (round === 0) rows.push({ label: c.label, first: n, warm: n });
      else rows[i]!.warm = n;
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend} dashboard.${action}: first in the instance / warm\n${rows.map((r) => `${r.label}\t${r.first}\t${r.warm}`).join('\n')}`);
  return rows;
}

it(`dashboard.children makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows = await measure('children', CASES);
  expect(rows.filter((r) => r.warm > GOAL).map((r) => `${r.label}: ${r.warm}`)).toEqual([]);
  expect(s.logged).toEqual([]);
});

const SUMMARY_CASES: Case[] = [
  { label: 'community, today', who: PEOPLE.staff, data: { areaId: NODES.community1, period: 'today' } },
  { label: 'street, a year of days', who: PEOPLE.street, data: { areaId: NODES.street, period: 'year' } },
  { label: 'own grid (no areaId), a month', who: PEOPLE.gridLeader, data: { period: 'month' } },
  { label: 'building, a custom range', who: PEOPLE.gridWorker, data: { areaId: NODES.building1, period: 'custom', from: '2026-11-01', to: '2026-11-30' } },
];

it(`dashboard.summary makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows = await measure('summary', SUMMARY_CASES);
  expect(rows.filter((r) => r.warm > GOAL).map((r) => `${r.label}: ${r.warm}`)).toEqual([]);
  expect(s.logged).toEqual([]);
});
