/** People stored before `roleAreaIds` get it once, so the node page lists them among the node's role holders. */
import type { UserDoc } from '../../backend/users/repo';
import { ROLE_AREAS_ON_USERS } from '../../backend/users/migrate';
import type { NodeView } from '../../shared/users/deputies';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const people = () => s.store.collection<UserDoc>('users');
const staffOfGrid1 = async () => okData(await s.call<NodeView>('users', 'node', { areaId: NODES.grid1 }, PEOPLE.staff)).staff.map((p) => p.id);

it('fills roleAreaIds from the roles, once; the node page then lists the 网格长 again', async () => {
  expect(await staffOfGrid1()).toContain(PEOPLE.gridLeader);
  // As stored before the field existed: the node page cannot find him.
  await people().updateWhere({ _id: PEOPLE.gridLeader }, { $unset: { roleAreaIds: true } });
  expect(await staffOfGrid1()).not.toContain(PEOPLE.gridLeader);

  expect(await ROLE_AREAS_ON_USERS.run(s.store)).toBe(1);
  expect((await people().get(PEOPLE.gridLeader))?.roleAreaIds).toEqual(expect.arrayContaining([NODES.grid1]));
  expect(await staffOfGrid1()).toContain(PEOPLE.gridLeader);
  expect(await ROLE_AREAS_ON_USERS.run(s.store)).toBe(0);
});
