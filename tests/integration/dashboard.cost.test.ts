/**
 * Database requests of 下级对比 (dashboard.children) before it answers, in a warm instance: at most 3 whatever the
 * period's length (one group over the children's counters, one over the open backlog, and the caller). Locally every
 * DocumentStore call of the function; in cloud mode what the simulator bills the invocation. `WG_COST_TABLE=1` prints them.
 */
import { fileUnanswered, runScenario, SCENARIO_START } from '../support/dashboard';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { costMeter } from '../support/cost';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

const GOAL = 3;

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START, containers: 1 });
  await runScenario(s);
  await fileUnanswered(s);
  requestsOf = costMeter(s);
});
afterAll(() => s.close());

const CASES: Array<{ label: string; who: string; data: Record<string, unknown> }> = [
  { label: 'community, today', who: PEOPLE.staff, data: { areaId: NODES.community1, period: 'today' } },
  { label: 'street, a year of days', who: PEOPLE.street, data: { areaId: NODES.street, period: 'year' } },
  { label: 'own grid (no areaId), a month', who: PEOPLE.gridLeader, data: { period: 'month' } },
];

/** The requests of one call (tests/support/cost.ts). */
const requests = (c: (typeof CASES)[number]): Promise<number> => requestsOf('dashboard', 'children', c.data, c.who);

it(`dashboard.children makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<{ label: string; first: number; warm: number }> = [];
  // The first round fills the instance's kept area nodes; the second is measured.
  for (const round of [0, 1]) {
    for (const [i, c] of CASES.entries()) {
      const n = await requests(c);
      if (round === 0) rows.push({ label: c.label, first: n, warm: n });
      else rows[i]!.warm = n;
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}: first in the instance / warm\n${rows.map((r) => `${r.label}\t${r.first}\t${r.warm}`).join('\n')}`);
  expect(rows.filter((r) => r.warm > GOAL).map((r) => `${r.label}: ${r.warm}`)).toEqual([]);
  expect(s.logged).toEqual([]);
});
