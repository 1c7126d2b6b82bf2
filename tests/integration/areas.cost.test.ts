/**
 * Database requests each tree edit makes before it answers (tests/support/cost.ts), warm instance: the caller, the
 * node (with its siblings or its replacement in the same read), the siblings' names for a rename, the open orders and
 * the subtree's size for a retirement, and the write, which carries the audit entry as its effect. `WG_COST_TABLE=1` prints the table.
 */
import type { AreaView } from '../../shared/areas/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { costMeter } from '../support/cost';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  s = await startTestServer({ containers: 1 });
  requestsOf = costMeter(s);
});
afterAll(() => s.close());

let n = 0;
const newBuilding = async () => okData(await s.call<{ node: AreaView }>('areas', 'add', { parentId: NODES.grid2, name: `测${++n}号楼` }, PEOPLE.staff)).node.id;

/** What each edit costs, an upper bound: the audit rides on the edit's own write; a rename reads the names, a retirement the open orders and the subtree's size. */
const CASES: Array<{ label: string; ceiling: number; run(): Promise<number> }> = [
  { label: 'areas.add', ceiling: 3, run: async () => requestsOf('areas', 'add', { parentId: NODES.grid2, name: `加${++n}号楼`, phone: '13900000000' }, PEOPLE.staff) },
  { label: 'areas.update (phone)', ceiling: 3, run: async () => requestsOf('areas', 'update', { id: await newBuilding(), phone: '021-62345678' }, PEOPLE.staff) },
  { label: 'areas.update (rename)', ceiling: 4, run: async () => requestsOf('areas', 'update', { id: await newBuilding(), name: `改${++n}号楼` }, PEOPLE.staff) },
  // A picker's first screen: the caller, then the own node with its ancestors beside its children.
  { label: 'areas.children (mine)', ceiling: 3, run: async () => requestsOf('areas', 'children', { mine: true }, PEOPLE.gridLeader) },
  { label: 'areas.retire', ceiling: 5, run: async () => requestsOf('areas', 'retire', { id: await newBuilding(), reason: '拆除', replacedBy: NODES.building1 }, PEOPLE.staff) },
];

it('each tree edit makes the requests it is known to make, no more (warm instance)', async () => {
  const rows: Array<[string, number, number]> = [];
  for (const round of [0, 1]) {
    for (const c of CASES) {
      const got = await c.run();
      if (round === 1) rows.push([c.label, got, c.ceiling]);
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}\n${rows.map(([l, got]) => `${l}\t${got}`).join('\n')}`);
  expect(rows.filter(([, got, ceiling]) => got > ceiling)).toEqual([]);
  expect(s.logged).toEqual([]);
});
