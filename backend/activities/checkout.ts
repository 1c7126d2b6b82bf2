/** 签退 and its points: hours from the times, the activity's rate, one idempotent ledger credit per member and activity. */
import { ACTIVITY_RULES, hoursServed, pointsFor } from '../../shared/activities/model';
import { creditPoints } from '../points/ledger';
import type { Deps } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { signups } from './repo';

/** Credits what a checked-out sign-up earned; safe to call again (the ledger id comes from the sign-up). */
export async function creditHours(deps: Deps, a: ActivityDoc, s: Pick<SignupDoc, 'memberId' | 'hours' | 'points'>): Promise<void> {
  if (!s.points || s.points <= 0) return;
  await creditPoints(deps, {
    memberId: s.memberId,
    delta: s.points,
    reason: 'activity_hours',
    note: `志愿活动「${a.title}」${s.hours} 小时`,
    sourceType: 'activity',
    sourceId: `${a._id}:${s.memberId}`,
  });
}

/** Checks a checked-in member out at `at`; null when another scan or staff got there first. */
export async function checkOut(deps: Deps, a: ActivityDoc, s: SignupDoc, at: number): Promise<SignupDoc | null> {
  const hours = hoursServed(a, s.checkInAt ?? at, at);
  const points = pointsFor(hours, a.perHour);
  const done = await signups(deps.store).updateWhere({ _id: s._id, status: 'checked_in' }, { $set: { status: 'checked_out', checkOutAt: at, hours, points } });
  if (done !== 1) return null;
  const out: SignupDoc = { ...s, status: 'checked_out', checkOutAt: at, hours, points };
  await creditHours(deps, a, out);
  return out;
}

/** Checks out everyone still checked in (全部签退 / closing), in batches; returns how many. */
export async function checkOutEveryone(deps: Deps, a: ActivityDoc, at: number): Promise<number> {
  let count = 0;
  for (;;) {
    const batch = await signups(deps.store).find({ activityId: a._id, status: 'checked_in' }, { limit: ACTIVITY_RULES.rosterBatch });
    let moved = 0;
    for (const s of batch) if (await checkOut(deps, a, s, at)) moved++;
    count += moved;
    // A batch where nobody moved means others are checking these out concurrently; they finish it.
    if (batch.length < ACTIVITY_RULES.rosterBatch || moved === 0) return count;
  }
}
