/**
 * Database requests each tree edit makes before it answers (tests/support/cost.ts), warm instance: the caller, the
 * parent with its siblings for an add, the siblings' names for a rename, the open orders for a retirement, and the write,
 * which carries the audit entry as its effect (a retirement's subtree size is counted by the drain). The node edited
 * comes from the instance that added or listed it (backend/areas/repo.ts keptNode). `WG_COST_TABLE=1` prints the table.
 */
import type { AreaView } from '../../shared/areas/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
let requestsOf: Meter;
let run: ReturnType<typeof meterAndRuntime>['run'];
beforeAll(async () => {
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  ({ requests: requestsOf, run } = meterAndRuntime(s));
});
afterAll(() => s.close());

let n = 0;
/** A building added through the measured runtime, as the tree page does before editing it (that instance keeps the node). */
const newBuilding = async () => (await run<{ node: AreaView }>('areas', 'add', { parentId: NODES.grid2, name: `测${++n}号楼` }, PEOPLE.staff)).node.id;

/** What each edit costs, an upper bound: the audit rides on the edit's own write; a rename reads the names, a retirement the open orders. */
const CASES: Array<{ label: string; ceiling: number; run(): Promise<number> }> = [
  { label: 'areas.add', ceiling: 3, run: async () => requestsOf('areas', 'add', { parentId: NODES.grid2, name: `加${++n}号楼`, phone: '13900000000' }, PEOPLE.staff) },
  { label: 'areas.update (phone)', ceiling: 3, run: async () => requestsOf('areas', 'update', { id: await newBuilding(), phone: '021-62345678' }, PEOPLE.staff) },
  { label: 'areas.update (rename)', ceiling: 3, run: async () => requestsOf('areas', 'update', { id: await newBuilding(), name: `改${++n}号楼` }, PEOPLE.staff) },
  {
    // The tree page lists a level, then the person renames one of its nodes.
    label: 'areas.update (rename, listed)',
    ceiling: 3,
    run: async () => {
      const listed = await run<{ children: AreaView[] }>('areas', 'children', { parentId: NODES.grid2 }, PEOPLE.staff);
      const node =
        listed.children.find((c) => c.name.startsWith('列'))?.id ??
        (await run<{ node: AreaView }>('areas', 'add', { parentId: NODES.grid2, name: '列1号楼' }, PEOPLE.staff)).node.id;
      await run('areas', 'children', { parentId: NODES.grid2 }, PEOPLE.staff);
      return requestsOf('areas', 'update', { id: node, name: `列${++n}号楼` }, PEOPLE.staff);
    },
  },
  { label: 'areas.add (微网格)', ceiling: 3, run: async () => requestsOf('areas', 'add', { parentId: NODES.grid2, name: `${++n}号微网格`, level: 'microgrid' }, PEOPLE.staff) },
  // A picker's first screen: the caller, then the own node with its ancestors beside its children.
  { label: 'areas.children (mine)', ceiling: 3, run: async () => requestsOf('areas', 'children', { mine: true }, PEOPLE.gridLeader) },
  { label: 'areas.retire', ceiling: 3, run: async () => requestsOf('areas', 'retire', { id: await newBuilding(), reason: '拆除', replacedBy: NODES.building1 }, PEOPLE.staff) },
  // The caller, the open orders under the node, and the write; the node, the new parent and its children are warm (the tree
  // page added or listed them); the people and the subtree follow in the drain.
  {
    label: 'areas.move',
    ceiling: 3,
    run: async () => {
      const micro = (await run<{ node: AreaView }>('areas', 'add', { parentId: NODES.grid2, name: `移${++n}微网格`, level: 'microgrid' }, PEOPLE.staff)).node.id;
      return requestsOf('areas', 'move', { id: await newBuilding(), parentId: micro }, PEOPLE.staff);
    },
  },
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
