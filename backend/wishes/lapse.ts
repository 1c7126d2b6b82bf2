/**
 * The timer: a claim not fulfilled by its deadline lapses and the wish goes back on the board, with a notice
 * to the claimant and the community's staff. Safe to run twice or concurrently: each lapse is a conditional
 * update on the same status, claimant and deadline it read.
 */
import { recordAudit } from '../audit/record';
import { notify } from '../notifications/outbox';
import type { Ctx, GuestCtx } from '../runtime/types';
import { wishes } from './repo';
import { staffOf } from './transition';

const BATCH = 200;
const SYSTEM = { userId: 'system', name: '系统', roles: [], skills: [] };

export async function lapseClaims(guest: GuestCtx): Promise<{ lapsed: number }> {
  const ctx: Ctx = { ...guest, actor: SYSTEM };
  const now = ctx.now();
  const due = await wishes(ctx.store).find({ status: 'claimed', claimDeadline: { $lt: now } }, { sort: [['claimDeadline', 1]], limit: BATCH });
  let lapsed = 0;
  for (const wish of due) {
    const label = `认领超过期限未圆梦（原认领人：${wish.claimantName ?? ''}），回到心愿墙`;
    const matched = await wishes(ctx.store).updateWhere(
      { _id: wish._id, status: 'claimed', claimantId: wish.claimantId, claimDeadline: wish.claimDeadline },
      {
        $set: { status: 'published', claimantId: null, claimantName: null, claimedByOrgId: null, claimedByOrgName: null, claimedAt: null, claimDeadline: null },
        $inc: { lapses: 1 },
        $push: { timeline: { at: now, actorId: SYSTEM.userId, actorName: SYSTEM.name, role: '系统', action: label } },
      },
    );
    if (matched !== 1) continue; // another run, or the claimant, got there first
    lapsed++;
    await recordAudit(ctx, { action: 'wishes.lapse', targetType: 'wish', targetId: wish._id, areaPath: wish.path, detail: { claimantId: wish.claimantId } });
    const body = `心愿「${wish.publicTitle}」认领已超期，已回到心愿墙`;
    await notify(ctx, { to: [...(wish.claimantId ? [{ userId: wish.claimantId }] : []), staffOf(wish)], kind: 'wishLapsed', body , sourceId: wish._id });
  }
  return { lapsed };
}
