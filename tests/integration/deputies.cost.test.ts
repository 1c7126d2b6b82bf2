/** AB角, 一人联十户 and the node page make at most 3 database requests each (docs/areas.md), in both modes. */
import type { Meter } from '../support/cost';
import { meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
beforeAll(async () => {
  s = await startTestServer({ functionEnv: WARM_FOR_COSTS });
  ({ requests } = meterAndRuntime(s));
});
afterAll(() => s.close());

test('naming a B角 2, away 3, back 3, the node page 3, linking households 2, the liaison’s list 3', async () => {
  const grant = { userId: PEOPLE.gridLeader, role: 'grid_leader', areaId: NODES.grid1 };
  const setDeputy = await requests('users', 'setDeputy', { ...grant, deputyId: PEOPLE.member }, PEOPLE.staff);
  // The caller with A and B in one read; B's acting copy; A's grant carrying its audit.
  const away = await requests('users', 'setAway', { ...grant, away: true, deputyId: PEOPLE.member }, PEOPLE.gridLeader);
  const back = await requests('users', 'setAway', { ...grant, away: false, deputyId: PEOPLE.member }, PEOPLE.staff);
  // The caller beside the node, then role holders and members in one query.
  const node = await requests('users', 'node', { areaId: NODES.grid1 }, PEOPLE.staff);
  await requests('users', 'grantRole', { userId: PEOPLE.resident, role: 'liaison', areaId: NODES.grid1 }, PEOPLE.staff);
  const link = await requests(
    'users',
    'linkHouseholds',
    { userId: PEOPLE.resident, role: 'liaison', areaId: NODES.grid1, residentIds: [PEOPLE.gridWorker, PEOPLE.member] },
    PEOPLE.staff,
  );
  // The caller, the households, their buildings' names.
  const households = await requests('users', 'myHouseholds', {}, PEOPLE.resident);
  expect({ setDeputy, away, back, node, link, households }).toEqual({ setDeputy: 2, away: 3, back: 3, node: 3, link: 2, households: 3 });
});

test('granting and removing a role: 2 requests each on a warm instance, whatever the removal hands over afterwards', async () => {
  const liaison = { userId: PEOPLE.otherResident, role: 'liaison', areaId: NODES.grid1 };
  // The caller with the person in one read, then the role write carrying its audit and follow-ups (the node kept warm).
  const grant = await requests('users', 'grantRole', liaison, PEOPLE.staff);
  const plain = await requests('users', 'revokeRole', { ...liaison, reason: '不再担任' }, PEOPLE.staff);
  // Warm for 社区 too (a removal that changes nothing still reads the node).
  await requests('users', 'revokeRole', { userId: PEOPLE.otherResident, role: 'member', areaId: NODES.community1, reason: '预热节点' }, PEOPLE.staff);
  // A member's held orders and a staff grant's orders nobody else answers for are handed over by the drain (docs/areas.md).
  const member = await requests('users', 'revokeRole', { userId: PEOPLE.member, role: 'member', areaId: NODES.community1, reason: '已搬离' }, PEOPLE.staff);
  const staff = await requests('users', 'revokeRole', { userId: PEOPLE.gridWorker, role: 'grid_worker', areaId: NODES.grid1, reason: '辞职' }, PEOPLE.staff);
  expect({ grant, plain, member, staff }).toEqual({ grant: 2, plain: 2, member: 2, staff: 2 });
});
