/** The record the handler already read for this invocation (ActionDef.prefetch), or a read now when it did not. */
import type { Doc, Filter } from '../store/port';
import type { Ctx } from './types';

export async function readOnce<T extends Doc>(ctx: Pick<Ctx, 'store' | 'prefetched'>, collection: string, id: string): Promise<T | null> {
  const key = `${collection}/${id}`;
  if (ctx.prefetched?.has(key)) {
    const doc = ctx.prefetched.get(key) as T | null;
    // Once: a second read in the same invocation (after a write) must see the store.
    ctx.prefetched.delete(key);
    return doc;
  }
  return ctx.store.collection<T>(collection).get(id);
}

/** The rows of a query the handler ran beside the caller (Prefetch.finds, by its key), or the query now when it did not. */
export async function foundOnce<T extends Doc>(ctx: Pick<Ctx, 'store' | 'prefetched'>, key: string, collection: string, filter: Filter, limit: number): Promise<T[]> {
  const at = `find:${key}`;
  if (ctx.prefetched?.has(at)) {
    const rows = ctx.prefetched.get(at) as T[];
    ctx.prefetched.delete(at);
    return rows;
  }
  return ctx.store.collection<T>(collection).find(filter, { limit });
}
