/** 职责清单 requests (at most 3 per action, docs/duties.md) in a warm instance, in both modes. */
import type { Meter } from '../support/cost';
import { asFirst, meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
let run: <T>(fn: 'orders' | 'duties', action: string, data: Record<string, unknown>, who: string) => Promise<T>;
beforeAll(async () => {
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  ({ requests, run } = meterAndRuntime(s));
});
afterAll(() => s.close());

const lift = { category: '维修', description: '2号楼电梯三天两头停在五楼不动，老人上下楼很困难' };

test('requests: the sheet’s suggestion 2 warm (3 at most cold), 分拣 with a party 3, the list 1 warm, a save 3', async () => {
  const file = async () => {
    s.clock.now += 3600_000 * 24;
    return (await run<{ id: string }>('orders', 'file', { buildingId: NODES.building1, contactName: '王阿姨', contactMobile: '13912345678', ...lift }, PEOPLE.resident)).id;
  };
  const first = await file();
  const cold = await asFirst(() => requests('orders', 'duty', { orderId: first }, PEOPLE.staff));
  await run('orders', 'triage', { orderId: first, colour: 'yellow' }, PEOPLE.staff);
  const orderId = await file();
  const sheet = await requests('orders', 'duty', { orderId }, PEOPLE.staff);
  const triage = await requests('orders', 'triage', { orderId, colour: 'yellow', party: 'department', department: '区房管局', partyReason: '该楼无物业' }, PEOPLE.staff);
  // The page reads the list first (in cloud mode a fresh \`duties\` container: 4 requests, its area read twice when cold), then
  // saves from it and reads it again; measured once the container is warm.
  await run('duties', 'list', { areaId: NODES.community1 }, PEOPLE.staff);
  const list = await requests('duties', 'list', { areaId: NODES.community1 }, PEOPLE.staff);
  const save = await requests(
    'duties',
    'set',
    { areaId: NODES.community1, list: 'assist', item: '养犬扰民', keywords: ['狗'], party: 'department', department: '派出所' },
    PEOPLE.staff,
  );
  // Locally the meter is a fresh instance (rules, list and areas cold); in cloud mode the suite's containers are already warm.
  // The list is read by the \`duties\` function: locally it shares the meter's instance (list warm), in cloud its own container.
  expect({ sheet, triage, save }).toEqual({ sheet: 2, triage: 3, save: 3 });
  expect(cold).toBeLessThanOrEqual(3);
  // After the page's reload, a second save (the list now exists: one update) costs the same.
  await run('duties', 'list', { areaId: NODES.community1 }, PEOPLE.staff);
  const again = await requests(
    'duties',
    'set',
    { areaId: NODES.community1, list: 'assist', item: '高空抛物', keywords: ['抛物'], party: 'department', department: '派出所' },
    PEOPLE.staff,
  );
  expect({ list, again }).toEqual({ list: 1, again: 3 });
});
