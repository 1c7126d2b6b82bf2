/** Instrumented DocumentStore: every port call (get, find, count, insert, insertIfAbsent, insertMany, updateWhere, group) counts as one database round trip. */
import type { Collection, Doc, DocumentStore, Filter, FindOptions, GroupRow, GroupSpec, IndexSpec, Patch } from './port';

export type StoreOp = 'get' | 'find' | 'count' | 'insert' | 'insertIfAbsent' | 'insertMany' | 'updateWhere' | 'group';

/** One recorded port call; `overlapped` when another call was still in flight as it started (e.g. inside `Promise.all`). */
export interface StoreCall {
  op: StoreOp;
  collection: string;
  overlapped: boolean;
}

export interface StoreCounts {
  total: number;
  byOp: Record<string, number>;
  /** Calls that started with no other call in flight: the round trips a caller waits for one after another. */
  sequential: number;
}

export interface CountingStore {
  store: DocumentStore;
  reset(): void;
  counts(): StoreCounts;
  /** Every call since the last reset, in order. */
  calls(): StoreCall[];
}

export function countingStore(inner: DocumentStore): CountingStore {
  let log: StoreCall[] = [];
  let inFlight = 0;

  async function track<R>(op: StoreOp, collection: string, run: () => Promise<R>): Promise<R> {
    log.push({ op, collection, overlapped: inFlight > 0 });
    inFlight++;
    try {
      return await run();
    } finally {
      inFlight--;
    }
  }

  function wrap<T extends Doc>(name: string, c: Collection<T>): Collection<T> {
    return {
      get: (id: string) => track('get', name, () => c.get(id)),
      find: (filter: Filter, options?: FindOptions) => track('find', name, () => c.find(filter, options)),
      count: (filter: Filter) => track('count', name, () => c.count(filter)),
      insert: (doc: T) => track('insert', name, () => c.insert(doc)),
      insertIfAbsent: (doc: T) => track('insertIfAbsent', name, () => c.insertIfAbsent(doc)),
      insertMany: (docs: T[]) => track('insertMany', name, () => c.insertMany(docs)),
      updateWhere: (filter: Filter, patch: Patch) => track('updateWhere', name, () => c.updateWhere(filter, patch)),
      group: (filter: Filter, spec: GroupSpec): Promise<GroupRow[]> => track('group', name, () => c.group(filter, spec)),
    };
  }

  const store: DocumentStore = {
    collection: <T extends Doc>(name: string) => wrap<T>(name, inner.collection<T>(name)),
    ensureIndexes: (collection: string, indexes: IndexSpec[]) => inner.ensureIndexes(collection, indexes),
    close: () => inner.close(),
  };

  return {
    store,
    reset() {
      log = [];
    },
    counts() {
      const byOp: Record<string, number> = {};
      for (const c of log) byOp[c.op] = (byOp[c.op] ?? 0) + 1;
      return { total: log.length, byOp, sequential: log.filter((c) => !c.overlapped).length };
    },
    calls() {
      return log.map((c) => ({ ...c }));
    },
  };
}
