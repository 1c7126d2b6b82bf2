/**
 * What finding a 社区 by level costs (tests/support/cost.ts): a resident of a 楼栋 under a 微网格 searching areas, 附近已有相同问题,
 * +1, and the 派单 picker of an order there. The nodes on the path come from the warm instance, so each stays within 3 requests;
 * the first call after the instance last saw the path reads them (one request more). `WG_COST_TABLE=1` prints first / again.
 */
import type { AreaView } from '../../shared/areas/schemas';
import type { MeView } from '../../shared/users/schemas';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { asFirst, meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requestsOf: Meter;
let run: ReturnType<typeof meterAndRuntime>['run'];
beforeAll(async () => {
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  ({ requests: requestsOf, run } = meterAndRuntime(s));
});
afterAll(() => s.close());

it('search, similar, +1 and the 派单 picker under a 微网格: at most 3 requests on a warm instance', async () => {
  const micro = (await run<{ node: AreaView }>('areas', 'add', { parentId: NODES.grid2, name: '计数微网格', level: 'microgrid' }, PEOPLE.staff)).node;
  const home = (await run<{ node: AreaView }>('areas', 'add', { parentId: micro.id, name: '计1号楼' }, PEOPLE.staff)).node;
  const other = (await run<{ node: AreaView }>('areas', 'add', { parentId: micro.id, name: '计2号楼' }, PEOPLE.staff)).node;
  okData(await s.callAsWechat('o-levels-cost', 'users', 'me', {}));
  const me = okData(await s.callAsWechat<MeView>('o-levels-cost', 'users', 'setHome', { name: '郑阿姨', buildingId: home.id }));
  let n = 0;
  const file = async () => (await run<{ id: string }>('orders', 'file', goodOrder({ buildingId: other.id, requestKey: `levels-cost-${++n}` }), PEOPLE.member)).id;
  const cases: Array<[string, () => Promise<number>]> = [
    ['areas.search (resident, 微网格)', () => requestsOf('areas', 'search', { q: '号楼', limit: 50 }, me.id)],
    ['orders.similar (another 楼栋)', () => requestsOf('orders', 'similar', { buildingId: other.id, category: '维修' }, me.id)],
    ['orders.follow', async () => requestsOf('orders', 'follow', { orderId: await file() }, me.id)],
    ['orders.candidates', async () => requestsOf('orders', 'candidates', { orderId: await file() }, PEOPLE.staff)],
  ];
  const rows: Array<[string, number, number]> = [];
  for (const [label, measure] of cases) rows.push([label, await asFirst(measure), await measure()]);
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}\n${rows.map(([l, first, again]) => `${l}\t${first} / ${again}`).join('\n')}`);
  expect(rows.filter(([, , again]) => again > 3)).toEqual([]);
  // The first (the resident's home path not yet kept) reads the path's nodes once more.
  expect(rows.filter(([, first]) => first > 4)).toEqual([]);
  expect(s.logged).toEqual([]);
});
