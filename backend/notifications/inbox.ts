/** Whose messages a person reads: their own and those of the nodes they staff, and which of them are unread. */
import { staffAreaIdsOf } from '../../shared/users/roles';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';

export function inbox(ctx: Ctx): Filter {
  const nodes = staffAreaIdsOf(ctx.actor.roles);
  return nodes.length ? { $or: [{ userId: ctx.actor.userId }, { toAreaId: { $in: nodes } }] } : { userId: ctx.actor.userId };
}

/** The read watermark comes with the caller's own record (Actor.lastReadAt): no second read of it. */
export const unreadOf = (ctx: Ctx): Filter => ({ ...inbox(ctx), createdAt: { $gt: ctx.actor.lastReadAt ?? 0 } });
