/** Whose messages a person reads: their own, those of the nodes they staff and of the units they work for, and which are unread. */
import { staffAreaIdsOf } from '../../shared/users/roles';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';

export function inbox(ctx: Ctx): Filter {
  const nodes = staffAreaIdsOf(ctx.actor.roles);
  const units = ctx.actor.units ?? [];
  const mine: Filter[] = [{ userId: ctx.actor.userId }, ...(nodes.length ? [{ toAreaId: { $in: nodes } }] : []), ...(units.length ? [{ toUnitId: { $in: units } }] : [])];
  return mine.length === 1 ? mine[0] : { $or: mine };
}

/** The read watermark comes with the caller's own record (Actor.lastReadAt): no second read of it. */
export const unreadOf = (ctx: Ctx): Filter => ({ ...inbox(ctx), createdAt: { $gt: ctx.actor.lastReadAt ?? 0 } });
