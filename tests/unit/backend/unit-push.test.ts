/**
 * A message to a unit (多方接单: 派单/转办 to it) is pushed to each of the unit's staff as they stand when it goes
 * out, never to the person who caused it, and written once for the unit (its staff read it in their inbox).
 */
import { ensureAllIndexes } from '../../../backend/collections';
import { localPorts } from '../../../backend/ports/local';
import { messages, pushMessages, messageDocs } from '../../../backend/notifications/outbox';
import type { Deps } from '../../../backend/runtime/types';
import type { UserDoc } from '../../../backend/users/repo';
import { openSqliteStore } from '../../../backend/store/sqlite';

const person = (id: string, unitIds: string[]): UserDoc => ({ _id: id, name: id, roles: [], roleNames: [], staffAreaIds: [], unitIds, rev: 0, createdAt: 0 }) as UserDoc;

it('pushes the unit’s staff, bar the actor, and nobody of another unit', async () => {
  const store = openSqliteStore({ dataDir: ':memory:' });
  await ensureAllIndexes(store);
  const sent: string[] = [];
  const ports = localPorts('/tmp');
  const deps: Deps = {
    store,
    now: () => 1_000,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Deps['log'],
    ports: { ...ports, subscribe: { send: (userId: string) => (sent.push(userId), Promise.resolve('sent' as const)) } },
  };
  for (const p of [person('a', ['N1']), person('b', ['N1', 'N2']), person('c', ['N2']), person('actor', ['N1'])]) await store.collection<UserDoc>('users').insert(p);
  const docs = messageDocs({ to: [{ unitId: 'N1' }, { unitId: 'N1' }], kind: 'dispatched', body: '1号楼：电梯', orderId: 'o1' }, 1_000, (i) => `m${i}`);
  expect(docs).toEqual([expect.objectContaining({ _id: 'm0', userId: null, toAreaId: null, toUnitId: 'N1', title: '派给您的单' })]);
  await messages(store).insertMany(docs);
  await pushMessages(deps, docs, 'actor');
  expect(sent.sort()).toEqual(['a', 'b']);
});
