/** The timer: closes activities 2 h after their end (no-shows recorded, stragglers checked out). Safe to run twice. */
import { ACTIVITY_RULES } from '../../shared/activities/model';
import type { GuestCtx } from '../runtime/types';
import { activities } from './repo';
import { closeActivity } from './staff';

const BATCH = 100;

export async function sweepActivities(ctx: GuestCtx): Promise<{ closed: number }> {
  const due = await activities(ctx.store).find({ status: 'open', endAt: { $lt: ctx.now() - ACTIVITY_RULES.autoCloseAfter } }, { limit: BATCH });
  for (const a of due) await closeActivity(ctx, a);
  return { closed: due.length };
}
