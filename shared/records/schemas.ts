/** Inputs of the `effects` function: which records to apply pending effects for now. */
import * as z from 'zod/mini';
import { id, input, oneOf } from '../validation';

/** The collections whose records carry pending effects (backend/records/drain.ts PENDING_COLLECTIONS). */
export const PENDING_COLLECTIONS = ['orders'] as const;

export const drainInput = input({
  refs: z.array(z.strictObject({ collection: oneOf('记录类型', PENDING_COLLECTIONS), id: id('记录编号') }), { error: '记录需为列表' }).check(z.maxLength(10, '一次最多 10 条记录')),
});
export type DrainInput = z.infer<typeof drainInput>;

export const sweepEffectsInput = input({});

export interface Drained {
  records: number;
  batches: number;
}
