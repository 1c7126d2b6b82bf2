/** Daily quotas (e.g. 5 orders per resident per day) as one counter document per key and day, raised conditionally. */
import { AppError } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import type { Deps } from './types';

interface QuotaDoc {
  _id: string;
  used: number;
}

/** Gives back the unit taken (a keyed repeat that lost its race to the first copy wrote nothing). */
export type GiveBack = () => Promise<void>;

/** Takes one unit or throws RATE_LIMITED; concurrent calls can never take more than `limit`. */
export async function takeDailyQuota(deps: Deps, key: string, limit: number, message: string): Promise<GiveBack> {
  const quotas = deps.store.collection<QuotaDoc>('quotas');
  const id = `${key}:${shanghaiDay(deps.now())}`;
  const giveBack = async () => void (await quotas.updateWhere({ _id: id, used: { $gt: 0 } }, { $inc: { used: -1 } }));
  if ((await quotas.updateWhere({ _id: id, used: { $lt: limit } }, { $inc: { used: 1 } })) === 1) return giveBack;
  if (await quotas.insertIfAbsent({ _id: id, used: 1 })) return giveBack;
  // The document appeared between our two writes; one more conditional try decides.
  if ((await quotas.updateWhere({ _id: id, used: { $lt: limit } }, { $inc: { used: 1 } })) === 1) return giveBack;
  throw new AppError('RATE_LIMITED', message);
}
