/** 签退 and its points: hours from the times, the activity's rate, one ledger credit per member and activity carried by the move. */
import { hoursServed, pointsFor } from '../../shared/activities/model';
import { shanghaiYear } from '../../shared/time';
import type { CreditEffect } from '../records/effects';
import type { ActivityDoc, SignupDoc } from './repo';

export interface Checkout {
  set: { checkOutAt: number; hours: number; points: number };
  /** The credit, on the same write as the move: the ledger id comes from the sign-up, so it lands once. */
  effects: CreditEffect[];
}

/** What checking a checked-in member out at `at` writes and causes. */
export function checkoutAt(a: Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'endAt' | 'perHour'>, s: Pick<SignupDoc, 'memberId' | 'checkInAt'>, at: number): Checkout {
  const hours = hoursServed(a, s.checkInAt ?? at, at);
  const points = pointsFor(hours, a.perHour);
  const credit: CreditEffect = {
    type: 'credit',
    entry: {
      memberId: s.memberId,
      delta: points,
      reason: 'activity_hours',
      note: `志愿活动「${a.title}」${hours} 小时`,
      sourceType: 'activity',
      sourceId: `${a._id}:${s.memberId}`,
      year: shanghaiYear(at),
    },
  };
  return { set: { checkOutAt: at, hours, points }, effects: points > 0 ? [credit] : [] };
}
