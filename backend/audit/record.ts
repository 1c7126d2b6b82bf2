/** The audit log: one append-only record per privileged action, scoped by area path. */
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';

export interface AuditDoc {
  _id: string;
  at: number;
  actorId: string;
  actorName: string;
  /** `users.grantRole` style: function.action. */
  action: string;
  targetType: string;
  targetId: string;
  /** Where it happened, for "audit log of my subtree". */
  areaPath: string;
  detail: Record<string, unknown>;
}

export async function recordAudit(ctx: Ctx, entry: Pick<AuditDoc, 'action' | 'targetType' | 'targetId' | 'areaPath' | 'detail'>): Promise<void> {
  await ctx.store.collection<AuditDoc>('audit').insert({
    _id: newId('a', ctx.now()),
    at: ctx.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    ...entry,
  });
}
