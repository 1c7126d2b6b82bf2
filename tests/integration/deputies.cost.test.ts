/** AB角, 一人联十户 and the node page make at most 3 database requests each (docs/areas.md), in both modes. */
import type { Meter } from '../support/cost';
import { meterAndRuntime } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
beforeAll(async () => {
  s = await startTestServer();
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

test('removing a role measured: the revoke itself 5, one more to find what a member holds, two more for a staff grant', async () => {
  const liaison = { userId: PEOPLE.otherResident, role: 'liaison', areaId: NODES.grid1 };
  await requests('users', 'grantRole', liaison, PEOPLE.staff);
  const plain = await requests('users', 'revokeRole', { ...liaison, reason: '不再担任' }, PEOPLE.staff);
  // Caller, node, person, the role write, the audit; a member's held orders (none here); a staff grant: who is left on the node beside its open orders.
  const member = await requests('users', 'revokeRole', { userId: PEOPLE.member, role: 'member', areaId: NODES.community1, reason: '已搬离' }, PEOPLE.staff);
  const staff = await requests('users', 'revokeRole', { userId: PEOPLE.gridWorker, role: 'grid_worker', areaId: NODES.grid1, reason: '辞职' }, PEOPLE.staff);
  expect({ plain, member, staff }).toEqual({ plain: 5, member: 6, staff: 7 });
});
