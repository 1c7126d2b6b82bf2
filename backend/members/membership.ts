/**
 * What an approved 双报到 changes beyond the registration, applied as the approval's `membership` effect after the
 * answer: the transfer's old registration ends, the person gets the member role on the new community (off the old
 * one), their home and resident role at the registered building and their skills, the posts and sign-ups left
 * behind end, and their points placement follows. Each step is idempotent, so the drain may run it again after a
 * crash anywhere in between and nothing is done or audited twice.
 */
import type { Area } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { Role, RoleGrant, Skill } from '../../shared/users/roles';
import { endPostsIn } from '../activities/posts';
import { withdrawSignupsIn } from '../activities/signup';
import type { AuditDoc } from '../audit/record';
import { syncPlacement } from '../points/placement';
import { pathUpTo } from '../points/stamp';
import type { EffectBatch } from '../records/effects';
import { audited } from '../records/make';
import { moveRecord } from '../records/move';
import type { Deps } from '../runtime/types';
import type { UserDoc } from '../users/repo';
import { roleFields, users } from '../users/repo';
import type { RegistrationDoc } from './repo';
import { registrations } from './repo';

/** Carried by the approval's own conditional update (backend/members/decide.ts). */
export interface MembershipEffect {
  type: 'membership';
  registrationId: string;
  memberId: string;
  community: Pick<Area, '_id' | 'path' | 'name'>;
  /** The registered building and its path. */
  home: Pick<Area, '_id' | 'path'>;
  skills: Skill[];
  mobile: string;
  /** A transfer: the approved registration this one replaces. */
  transferOf: string | null;
  /** Who approved: the grants are theirs, and so are the role audits. */
  actorId: string;
  actorName: string;
}

/** A lost race on the person's record is tried again; past this the drain leaves the effect pending and retries. */
const ATTEMPTS = 8;

type Node = Pick<Area, '_id' | 'path'>;

export async function applyMembership(deps: Deps, e: MembershipEffect, batch: Pick<EffectBatch, 'key' | 'at'>): Promise<void> {
  // The stint a transfer leaves: still approved, or already ended by this very approval (a replay).
  const old = e.transferOf ? await registrations(deps.store).get(e.transferOf) : null;
  const leaving = old && (old.status === 'approved' || old.movedTo === e.registrationId) ? old : null;
  const left: Node | null = leaving ? { _id: leaving.communityId, path: pathUpTo(leaving.path, leaving.communityId) ?? leaving.path } : null;
  await changeRoles(deps, e, batch, left);
  if (leaving && left) {
    // Posts and upcoming activities of the community left behind end with the membership there, moved as the approver.
    const as = { ...deps, actor: { userId: e.actorId, name: e.actorName } };
    const endedPosts = await endPostsIn(as, e.memberId, left.path);
    const withdrawnSignups = await withdrawSignupsIn(as, e.memberId, left.path);
    if (leaving.status === 'approved') await endRegistration(deps, leaving, e, batch, { endedPosts, withdrawnSignups });
  }
  await syncPlacement(deps, e.memberId);
}

/** 转出: the old registration ends through the one mover, audited; only once, however often this runs. */
async function endRegistration(deps: Deps, old: RegistrationDoc, e: MembershipEffect, batch: Pick<EffectBatch, 'at'>, detail: Record<string, number>): Promise<void> {
  const by = { actor: { userId: e.actorId, name: e.actorName } };
  try {
    await moveRecord(deps, {
      collection: 'registrations',
      record: old,
      to: 'ended',
      set: { endedAt: batch.at, movedTo: e.registrationId },
      effects: [
        audited(by, {
          action: 'members.end',
          targetType: 'registration',
          targetId: old._id,
          areaPath: old.path,
          detail: { movedTo: e.registrationId, memberId: e.memberId, ...detail },
        }),
      ],
      conflict: '原报到已结束',
    });
  } catch (err) {
    // Ended meanwhile (a replay racing the first pass): nothing left to do.
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
  }
}

const sameRoles = (a: RoleGrant[], b: RoleGrant[]) => {
  const key = (gs: RoleGrant[]) =>
    gs
      .map((g) => `${g.role}@${g.areaId}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};

/**
 * The person's roles and home, written on their `rev` like every role change. The role audits go first, under ids
 * from the approval, so a crash between them and the write (or a replay after it) leaves exactly one of each.
 */
async function changeRoles(deps: Deps, e: MembershipEffect, batch: Pick<EffectBatch, 'key' | 'at'>, left: Node | null): Promise<void> {
  const grant = (role: Role, node: Node): RoleGrant => ({ role, areaId: node._id, areaPath: node.path, grantedBy: e.actorId, grantedAt: batch.at });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const user = await users(deps.store).get(e.memberId);
    // The applicant's account is gone: there is no one to make a member.
    if (!user) return;
    const isOld = (g: RoleGrant) => !!left && g.role === 'member' && g.areaId === left._id;
    const kept = user.roles.filter((g) => g.role !== 'resident' && !isOld(g));
    const hadMember = kept.some((g) => g.role === 'member' && g.areaId === e.community._id);
    const resident = user.roles.find((g) => g.role === 'resident' && g.areaId === e.home._id) ?? grant('resident', e.home);
    const roles = [...kept, resident, ...(hadMember ? [] : [grant('member', e.community)])];
    const also: Partial<UserDoc> = { skills: e.skills, homeAreaId: e.home._id, homePath: e.home.path, ...(user.mobile ? {} : { mobile: e.mobile }) };
    const unchanged = sameRoles(roles, user.roles) && user.homeAreaId === e.home._id && JSON.stringify(user.skills ?? []) === JSON.stringify(e.skills);
    if (unchanged) return;
    const via = { via: 'members.approve', registrationId: e.registrationId };
    const audits = [
      ...(hadMember ? [] : [roleAudit(e, batch, 'grantRole', user, 'member', e.community, via)]),
      ...(left && user.roles.some(isOld) ? [roleAudit(e, batch, 'revokeRole', user, 'member', left, { reason: `转移到${e.community.name}`, ...via })] : []),
    ];
    if (audits.length) await deps.store.collection<AuditDoc>('audit').insertMany(audits);
    if ((await users(deps.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: { ...also, ...roleFields(roles) }, $inc: { rev: 1 } })) === 1) return;
  }
  throw new AppError('CONFLICT', '该党员的资料正被他人修改，稍后再试');
}

/** The entry the users domain writes for a grant or revoke (backend/users/roles.ts auditRoleChange), with the approval's id. */
function roleAudit(
  e: MembershipEffect,
  batch: Pick<EffectBatch, 'key' | 'at'>,
  change: 'grantRole' | 'revokeRole',
  user: Pick<UserDoc, '_id' | 'name'>,
  role: Role,
  node: Node,
  detail: Record<string, unknown>,
): AuditDoc {
  return {
    _id: `a${batch.key.slice(1)}-${change}`,
    at: batch.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: `users.${change}`,
    targetType: 'user',
    targetId: user._id,
    areaPath: node.path,
    detail: { role, areaId: node._id, userName: user.name, ...detail },
  };
}
