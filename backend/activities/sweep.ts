/**
 * The timer: closes activities 2 h after their end (no-shows recorded, stragglers checked out) through the one mover
 * as the system, then applies what the moves caused. Safe to run twice: each close is conditional on the status read.
 */
import { ACTIVITY_RULES } from '../../shared/activities/model';
import { AppError } from '../../shared/errors';
import { drainDue } from '../records/drain';
import { SYSTEM_ACTOR } from '../records/make';
import type { GuestCtx } from '../runtime/types';
import { activities } from './repo';
import { closeActivity } from './staff';

const BATCH = 100;

export async function sweepActivities(ctx: GuestCtx): Promise<{ closed: number }> {
  const due = await activities(ctx.store).find({ status: 'open', endAt: { $lt: ctx.now() - ACTIVITY_RULES.autoCloseAfter } }, { limit: BATCH });
  const system = { ...ctx, actor: SYSTEM_ACTOR };
  let closed = 0;
  for (const a of due) {
    try {
      await closeActivity(system, a);
      closed++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // closed by staff meanwhile
    }
  }
  // A timer's cost is not a person's wait: what the closes caused is applied now, not a minute later.
  await drainDue(ctx);
  return { closed };
}
