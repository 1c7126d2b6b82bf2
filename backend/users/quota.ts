/**
 * Daily quotas kept on the person's own record: taking one is a single conditional `$inc` of today's field
 * (`quota.<name><yyyymmdd>`), so filing needs no quota document and no read. Concurrent takes can never pass the limit.
 */
import { AppError } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import type { Deps } from '../runtime/types';
import { users } from './repo';

/** Gives back the unit taken (a keyed repeat finds its first write and takes nothing). */
export type GiveBack = () => Promise<void>;

export async function takeUserQuota(deps: Pick<Deps, 'store' | 'now'>, userId: string, name: string, limit: number, message: string): Promise<GiveBack> {
  const field = `quota.${name}${shanghaiDay(deps.now()).replace(/-/g, '')}`;
  const matched = await users(deps.store).updateWhere({ _id: userId, $or: [{ [field]: { $exists: false } }, { [field]: { $lt: limit } }] }, { $inc: { [field]: 1 } });
  if (matched !== 1) throw new AppError('RATE_LIMITED', message);
  return async () => void (await users(deps.store).updateWhere({ _id: userId, [field]: { $gt: 0 } }, { $inc: { [field]: -1 } }));
}
