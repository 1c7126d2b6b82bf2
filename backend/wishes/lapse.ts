/**
 * The timer: a claim not fulfilled by its deadline lapses and the wish goes back on the board, with a notice to the
 * claimant and the community's staff, through the one mover as the system (audited, on the timeline). Safe to run
 * twice or concurrently: each lapse is a conditional update on the same status, claimant and deadline it read.
 */
import { AppError } from '../../shared/errors';
import { drainDue } from '../records/drain';
import { notice, SYSTEM_ACTOR } from '../records/make';
import type { GuestCtx } from '../runtime/types';
import { wishes } from './repo';
import type { WishMover } from './transition';
import { moveWish, staffOf } from './transition';

const BATCH = 200;

/** Moves what is due, then applies what the moves caused (a timer's cost is not a person's wait). */
export async function lapseClaims(ctx: GuestCtx): Promise<{ lapsed: number }> {
  // The timer applies its moves' effects itself (below): its answer names none for a client to apply.
  const system: WishMover = { ...ctx, pending: undefined, actor: SYSTEM_ACTOR };
  const due = await wishes(ctx.store).find({ status: 'claimed', claimDeadline: { $lt: ctx.now() } }, { sort: [['claimDeadline', 1]], limit: BATCH });
  let lapsed = 0;
  for (const wish of due) {
    const body = `心愿「${wish.publicTitle}」认领已超期，已回到心愿墙`;
    try {
      await moveWish(system, wish, 'lapse', {
        role: '系统',
        data: { claimantName: wish.claimantName ?? '' },
        guard: { claimantId: wish.claimantId, claimDeadline: wish.claimDeadline },
        set: { claimantId: null, claimantName: null, claimedByOrgId: null, claimedByOrgName: null, claimedAt: null, claimDeadline: null },
        inc: { lapses: 1 },
        detail: { claimantId: wish.claimantId },
        effects: [notice(system, { to: [...(wish.claimantId ? [{ userId: wish.claimantId }] : []), staffOf(wish)], kind: 'wishLapsed', body, sourceId: wish._id })],
        conflict: 'moved meanwhile',
      });
      lapsed++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // another run, or the claimant, got there first
    }
  }
  await drainDue(ctx);
  return { lapsed };
}
