/** Inputs of the `effects` function: which records to apply pending effects for now. */
import * as z from 'zod/mini';
import { input, oneOf } from '../validation';

/** The collections whose records carry pending effects (backend/records/drain.ts PENDING_COLLECTIONS). */
export const PENDING_COLLECTIONS = [
  'orders',
  'wishes',
  'activities',
  'activity_signups',
  'posts',
  'points_declarations',
  'registrations',
  'areas',
  'users',
  'units',
  'invitations',
  'instructions',
  'receipts',
  'points_ledger',
  'visits',
] as const;

/**
 * A record's id: one id, or ids joined by `:` where a record is named by what it joins (a sign-up: activity:member; a
 * correction's ledger row: `correction:reversal:<the entry's own ledger id>`, an adjustment's ending `~<digest>`).
 */
const recordId = z.string({ error: '记录编号需为编号' }).check(z.regex(/^[A-Za-z0-9_~-]{1,64}(:[A-Za-z0-9_~-]{1,64}){0,7}$/, '记录编号格式不正确'));

export const drainInput = input({
  refs: z.array(z.strictObject({ collection: oneOf('记录类型', PENDING_COLLECTIONS), id: recordId }), { error: '记录需为列表' }).check(z.maxLength(10, '一次最多 10 条记录')),
});
export type DrainInput = z.infer<typeof drainInput>;

export const sweepEffectsInput = input({});

export interface Drained {
  records: number;
  batches: number;
}
