/** Races through the real HTTP server: 200 members claim one order, a resident confirms 10 times at once. */
import type { Moved } from '../../shared/api';
import type { UserDoc } from '../../backend/users/repo';
import type { LedgerDoc } from '../../backend/points/ledger';
import { act, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  const community = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
  for (let i = 0; i < 200; i++) {
    await s.store.collection<UserDoc>('users').insert({
      _id: `u-m${i}`,
      name: `党员${i}`,
      roles: [{ role: 'member', areaId: NODES.community1, areaPath: community!.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: ['维修'],
      rev: 0,
      createdAt: 0,
    });
  }
});
afterAll(() => s.close());

it('200 concurrent claims: exactly one wins, 199 get CONFLICT 已被其他党员接单; 10 confirmations credit once', async () => {
  const orderId = await orderIn(s, 'pooled');
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => s.call<Moved>('orders', 'claim', { orderId }, `u-m${i}`)));
  const wins = results.filter((r) => r.ok);
  const conflicts = results.filter((r) => !r.ok && r.error.code === 'CONFLICT' && r.error.message === '已被其他党员接单');
  expect(wins).toHaveLength(1);
  expect(conflicts).toHaveLength(199);

  const order = await s.store.collection<{ _id: string; holderId: string; timeline: Array<{ code: string }> }>('orders').get(orderId);
  const winner = order!.holderId;
  expect(winner).toMatch(/^u-m\d+$/);
  expect(order!.timeline.filter((t) => t.code === 'claim')).toHaveLength(1);

  await act(s, 'complete', { orderId, note: '已处理完毕' }, winner);
  const confirms = await Promise.all(Array.from({ length: 10 }, () => s.call<Moved>('orders', 'rate', { orderId, stars: 4 }, PEOPLE.resident)));
  expect(confirms.filter((r) => r.ok)).toHaveLength(1);
  expect(confirms.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(9);
  const credits = await s.store.collection<LedgerDoc>('points_ledger').find({ sourceId: orderId });
  expect(credits).toHaveLength(1);
  expect(credits[0]).toMatchObject({ memberId: winner, delta: 4 });
}, 60000);
