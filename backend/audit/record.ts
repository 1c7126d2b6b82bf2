/** The audit log: one append-only record per privileged action, scoped by area path. */
import { isWithin } from '../../shared/areas/model';
import type { Actor } from '../../shared/users/roles';
import { ROLE_RANK } from '../../shared/users/roles';
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';

export interface AuditDoc {
  _id: string;
  at: number;
  actorId: string;
  actorName: string;
  /** The role the actor acted in (the highest they hold over the record's area); absent on older entries and for the system. */
  actorRole?: string;
  /** `users.grantRole` style: function.action. */
  action: string;
  targetType: string;
  targetId: string;
  /** Where it happened, for "audit log of my subtree". */
  areaPath: string;
  detail: Record<string, unknown>;
}

/** The highest role `actor` holds over `areaPath` (or, failing that, anywhere): what the log names them as. */
export function roleOver(actor: Partial<Pick<Actor, 'roles'>>, areaPath: string): string | undefined {
  const grants = actor.roles ?? [];
  const over = grants.filter((g) => isWithin(areaPath, g.areaPath));
  const best = (over.length ? over : grants).reduce<(typeof grants)[number] | undefined>((a, g) => (!a || ROLE_RANK[g.role] > ROLE_RANK[a.role] ? g : a), undefined);
  return best?.role;
}

export async function recordAudit(ctx: Ctx, entry: Pick<AuditDoc, 'action' | 'targetType' | 'targetId' | 'areaPath' | 'detail'>): Promise<void> {
  const role = roleOver(ctx.actor, entry.areaPath);
  await ctx.store.collection<AuditDoc>('audit').insert({
    _id: newId('a', ctx.now()),
    at: ctx.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    ...(role && { actorRole: role }),
    ...entry,
  });
}
