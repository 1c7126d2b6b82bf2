/** For tests of effects applied after the answer: a call whose client never drains, and a store that stops or races mid-command. */
import path from 'node:path';
import { localPorts } from '../../backend/ports/local';
import type { Deps } from '../../backend/runtime/types';
import type { Collection, Doc, DocumentStore, Filter } from '../../backend/store/port';
import type { Envelope } from '../../shared/errors';
import type { TestServer } from './server';

/** A call as the client makes it, without its follow-up drain (it lost the connection right after the answer). */
export async function undrained<T>(s: TestServer, fn: string, action: string, data: unknown, who: string): Promise<Envelope<T>> {
  const { json } = await s.post(`/api/fn/${fn}`, JSON.stringify({ action, data }), { authorization: `Bearer ${s.tokenFor(who)}` });
  return json as Envelope<T>;
}

/**
 * The store as a command sees it, with `hook` run before every conditional update: it may throw (the function stopped
 * right there) or do something first (another person's write landing between the command's read and its write).
 */
export function beforeUpdates(inner: DocumentStore, hook: (collection: string, filter: Filter) => Promise<void>): DocumentStore {
  const wrap = <T extends Doc>(name: string, c: Collection<T>): Collection<T> => ({
    get: (id) => c.get(id),
    find: (f, o) => c.find(f, o),
    count: (f) => c.count(f),
    insert: (d) => c.insert(d),
    insertIfAbsent: (d) => c.insertIfAbsent(d),
    insertMany: (ds) => c.insertMany(ds),
    group: (f, g) => c.group(f, g),
    updateWhere: async (f, p) => {
      await hook(name, f);
      return c.updateWhere(f, p);
    },
  });
  return { collection: <T extends Doc>(name: string) => wrap(name, inner.collection<T>(name)), ensureIndexes: (n, i) => inner.ensureIndexes(n, i), close: () => inner.close() };
}

/** What a command run in the test process needs, over the given store. */
export function depsOver(s: TestServer, store: DocumentStore): Deps {
  return { store, now: () => s.clock.now, log: { error: () => undefined, info: () => undefined }, ports: localPorts(path.join(s.dataDir, 'uploads')) };
}
