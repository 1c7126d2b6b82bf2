/** Builders for the effects a command attaches to a move: the audit record, a notice, counter increments, points. */
import type { Actor } from '../../shared/users/roles';
import { roleOver } from '../audit/record';
import type { Tally } from '../dashboard/events';
import type { Outgoing } from '../notifications/outbox';
import type { AuditEffect, CountEffect, NotifyEffect } from './effects';

/** Timers move records as the system: named in timelines and the audit log, never a person. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', name: '系统', roles: [], skills: [] };

type Who = { actor?: (Pick<Actor, 'userId' | 'name'> & Partial<Pick<Actor, 'roles'>>) | null };

export function audited(ctx: Who, entry: Pick<AuditEffect, 'action' | 'targetType' | 'targetId' | 'areaPath' | 'detail'>): AuditEffect {
  const actor = ctx.actor ?? SYSTEM_ACTOR;
  const role = roleOver(actor, entry.areaPath);
  return { type: 'audit', actorId: actor.userId, actorName: actor.name, ...(role && { actorRole: role }), ...entry };
}

/** A notice from the actor (who is then not pushed what they did to their own node). */
export function notice(ctx: Who, out: Outgoing): NotifyEffect {
  return { type: 'notify', ...out, ...(ctx.actor ? { actorId: ctx.actor.userId } : {}) };
}

/** Counter increments on every node of `path`, as plain data (a Tally is a Map). */
export function counted(path: string, tally: Tally): CountEffect[] {
  if (tally.size === 0) return [];
  return [{ type: 'count', path, tally: Object.fromEntries([...tally].map(([day, fields]) => [day, Object.fromEntries(fields)])) }];
}
