/**
 * Database requests of 下级对比 (dashboard.children) before it answers, in a warm instance: at most 3 whatever the
 * period's length (one group over the children's counters, one over the open backlog, and the caller). Locally every
 * DocumentStore call of the function; in cloud mode what the simulator bills the invocation. `WG_COST_TABLE=1` prints them.
 */
import path from 'node:path';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import type { CountingStore } from '../../backend/store/counting';
import { countingStore } from '../../backend/store/counting';
import { fileUnanswered, runScenario, SCENARIO_START } from '../support/dashboard';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

const GOAL = 3;

let s: TestServer;
let counting: CountingStore;
let deps: Deps;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START, containers: 1 });
  await runScenario(s);
  await fileUnanswered(s);
  counting = countingStore(s.functionStore);
  deps = { store: counting.store, now: () => s.clock.now, log: { error: (m) => s.logged.push(m), info: () => undefined }, ports: localPorts(path.join(s.dataDir, 'uploads')) };
});
afterAll(() => s.close());

const CASES: Array<{ label: string; who: string; data: Record<string, unknown> }> = [
  { label: 'community, today', who: PEOPLE.staff, data: { areaId: NODES.community1, period: 'today' } },
  { label: 'street, a year of days', who: PEOPLE.street, data: { areaId: NODES.street, period: 'year' } },
  { label: 'own grid (no areaId), a month', who: PEOPLE.gridLeader, data: { period: 'month' } },
];

async function requests(c: (typeof CASES)[number]): Promise<number> {
  if (s.sim) {
    const answer = await s.call('dashboard', 'children', c.data, c.who);
    if (!answer.ok) throw new Error(`${c.label}: ${answer.error.code} ${answer.error.message}`);
    const row = s.sim
      .stats()
      .filter((r) => r.fn === 'dashboard' && r.action === 'children')
      .pop();
    if (!row) throw new Error(`no stats row for ${c.label}`);
    return row.reads + row.writes;
  }
  counting.reset();
  const answer = await handle(FUNCTIONS.dashboard!, { action: 'children', data: c.data }, { kind: 'local', userId: c.who }, deps);
  if (!answer.ok) throw new Error(`${c.label}: ${answer.error.code} ${answer.error.message}`);
  return counting.counts().total;
}

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
