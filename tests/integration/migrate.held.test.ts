/** Members stored before `held` get their count of orders held once, from their orders; a kept count is left alone. */
import { HELD_ON_MEMBERS } from '../../backend/orders/migrateHeld';
import type { UserDoc } from '../../backend/users/repo';
import { orderIn } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const member = async () => (await s.store.collection<UserDoc>('users').get(PEOPLE.member))!;

it('fills held from the orders a member holds, once', async () => {
  await orderIn(s, 'in_progress');
  await orderIn(s, 'assigned');
  expect((await member()).held).toBe(2);
  // As stored before the field existed.
  await s.store.collection<UserDoc>('users').updateWhere({ _id: PEOPLE.member }, { $unset: { held: true } });
  expect((await member()).held).toBeUndefined();
  expect(await HELD_ON_MEMBERS.run(s.store)).toBe(1);
  expect((await member()).held).toBe(2);
  // Done: a second run changes nothing, and never overwrites a kept count.
  await s.store.collection<UserDoc>('users').updateWhere({ _id: PEOPLE.member }, { $set: { held: 7 } });
  expect(await HELD_ON_MEMBERS.run(s.store)).toBe(0);
  expect((await member()).held).toBe(7);
});
