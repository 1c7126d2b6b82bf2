/** A DocumentStore that reports every query it passes on (find, count, group, updateWhere) with its filter and sort, for the index check. */
import type { Collection, Doc, DocumentStore, Filter, FindOptions, GroupSpec, IndexSpec, Patch, SortSpec } from './port';
import type { QueryOp } from './index-check';

export interface RecordedQuery {
  op: QueryOp;
  collection: string;
  filter: Filter;
  sort: SortSpec;
}

export function recordingStore(inner: DocumentStore, onQuery: (q: RecordedQuery) => void): DocumentStore {
  function wrap<T extends Doc>(name: string, c: Collection<T>): Collection<T> {
    const seen = (op: QueryOp, filter: Filter, sort: SortSpec = []) => onQuery({ op, collection: name, filter, sort });
    return {
      get: (id: string) => c.get(id),
      find: (filter: Filter, options?: FindOptions) => (seen('find', filter, options?.sort), c.find(filter, options)),
      count: (filter: Filter) => (seen('count', filter), c.count(filter)),
      insert: (doc: T) => c.insert(doc),
      insertIfAbsent: (doc: T) => c.insertIfAbsent(doc),
      insertMany: (docs: T[]) => c.insertMany(docs),
      updateWhere: (filter: Filter, patch: Patch) => (seen('updateWhere', filter), c.updateWhere(filter, patch)),
      group: (filter: Filter, spec: GroupSpec) => (seen('group', filter), c.group(filter, spec)),
    };
  }
  return {
    collection: <T extends Doc>(name: string) => wrap<T>(name, inner.collection<T>(name)),
    ensureIndexes: (collection: string, indexes: IndexSpec[]) => inner.ensureIndexes(collection, indexes),
    close: () => inner.close(),
  };
}
