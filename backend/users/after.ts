/**
 * What a role change causes beyond the person's record, carried as one `people` effect on the write that made it
 * (docs/effects.md) and applied by the effects function's drain: the grant an accepted invitation gives, the
 * person's own invitations checked again against their roles, a 楼栋长 seat freed, the handover of open items (also a
 * unit's, when its last staff member goes).
 * Each part can be applied again: the grant is skipped once held, the rest are conditional writes and moves.
 */
import type { Actor, RoleGrant } from '../../shared/users/roles';
import { canGrantRole } from '../../shared/users/permissions';
import { drainRefs } from '../records/drain';
import type { PendingRef } from '../records/effects';
import type { Ctx, Deps } from '../runtime/types';
import { invitations } from '../invitations/repo';
import { handOver, handUp, releaseUnitOrders } from './handover';
import { roleFields, users } from './repo';

export interface PeopleEffect {
  type: 'people';
  /** The person whose roles changed, or who accepted an invitation. */
  userId: string;
  /** The grant an accepted invitation gives: added unless they hold it already. */
  grant?: RoleGrant;
  /** The mobile WeChat confirmed when they accepted (getPhoneNumber): kept on their record. */
  mobile?: string;
  /** Their roles changed: the invitations they sent and nobody accepted yet are checked again (`inviterGone`). */
  recheck?: true;
  /** Their 楼栋长 grant on this building went: the invitation that gave it no longer holds a seat. */
  vacateHead?: string;
  /** A grant removed by `by`: what they held by it is handed over (backend/users/handover.ts). */
  handover?: { by: Pick<Actor, 'userId' | 'name' | 'roles'>; name: string; grant: RoleGrant; rest: RoleGrant[] };
  /** They no longer act for this unit: if nobody else does, its open orders go back to 待派单 (releaseUnitOrders). */
  unitLeft?: { by: Pick<Actor, 'userId' | 'name' | 'roles'>; name: string; unitId: string; unitName: string };
}

/** Adds the grant unless held, on the record as read (rev); a change in between is read again. */
async function grantOnce(deps: Deps, userId: string, grant: RoleGrant): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const user = await users(deps.store).get(userId);
    // Inserted by the same batch (a new person accepting) before this runs: missing means something is wrong, so the batch stays pending.
    if (!user) throw new Error(`people effect: ${userId} not found for the grant`);
    if (user.roles.some((g) => g.role === grant.role && g.areaId === grant.areaId && !g.actingFor)) return;
    const roles = [...user.roles, grant];
    if ((await users(deps.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: roleFields(roles), $inc: { rev: 1 } })) === 1) return;
  }
  throw new Error(`people effect: ${userId} kept changing, the grant is retried by the next drain`);
}

/**
 * A staff invitation holds only while its inviter could still grant the role on the node (the same predicate as
 * granting): the accept reads `inviterGone` instead of the inviter, and this keeps it true to their roles now.
 */
async function recheckInvitations(deps: Deps, userId: string): Promise<void> {
  const [inviter, open] = await Promise.all([users(deps.store).get(userId), invitations(deps.store).find({ createdBy: userId, status: 'pending' }, { limit: 200 })]);
  const actor = { userId, name: inviter?.name ?? '', roles: inviter?.roles ?? [], skills: [] };
  await Promise.all(
    open.map((inv) => {
      if (inv.kind !== 'role' || !inv.areaLevel) return null;
      const node = { _id: inv.areaId, path: inv.areaPath, level: inv.areaLevel, name: inv.areaName, parentId: null, ancestors: [], order: 0 };
      const gone = !inviter || !canGrantRole(actor, inv.role, node);
      if (gone === !!inv.inviterGone) return null;
      return invitations(deps.store).updateWhere({ _id: inv._id, status: 'pending' }, { $set: { inviterGone: gone } });
    }),
  );
}

export async function applyPeople(deps: Deps, e: PeopleEffect): Promise<void> {
  if (e.grant) await grantOnce(deps, e.userId, e.grant);
  if (e.mobile) await users(deps.store).updateWhere({ _id: e.userId }, { $set: { mobile: e.mobile, mobileConfirmedAt: deps.now() } });
  if (e.recheck) await recheckInvitations(deps, e.userId);
  if (e.vacateHead) {
    await invitations(deps.store).updateWhere(
      { areaId: e.vacateHead, role: 'building_head', status: 'accepted', acceptedBy: e.userId, vacatedAt: { $exists: false } },
      { $set: { vacatedAt: deps.now() } },
    );
  }
  for (const part of [e.handover, e.unitLeft]) {
    if (!part) continue;
    // The orders move as the person who made the change decided, named in their timelines.
    const ctx = { ...deps, actor: { ...part.by, skills: [] }, identity: { kind: 'system' }, pending: [] as PendingRef[] } as Ctx;
    const user = { _id: e.userId, name: part.name };
    if (e.handover) {
      await handOver(ctx, user, e.handover.grant, e.handover.rest);
      await handUp(ctx, user, e.handover.grant);
    }
    if (e.unitLeft) await releaseUnitOrders(ctx, user, { id: e.unitLeft.unitId, name: e.unitLeft.unitName });
    // The orders just moved carry their own effects (timeline counts, messages): applied now, the same way.
    if (ctx.pending?.length) await drainRefs(deps, ctx.pending);
  }
}
