/**
 * What an approved 双报到 changes on the person: the member role on the new community (and off the
 * old one after a transfer), their home and resident role at the registered building, their skills.
 * One optimistic write on the user's `rev`, as the users domain's grants are; the grants are audited
 * under the users domain's action names so the role history reads the same wherever it came from.
 */
import { AppError } from '../../shared/errors';
import type { Area } from '../../shared/areas/model';
import type { RoleGrant } from '../../shared/users/roles';
import { recordAudit } from '../audit/record';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import type { RegistrationDoc } from './repo';

/** The approval already happened, so a lost race on the person's record is retried, not reported. */
const ATTEMPTS = 8;

export async function applyMembership(ctx: Ctx, reg: RegistrationDoc, community: Area, leaving: { doc: RegistrationDoc; community: Area } | null): Promise<void> {
  const now = ctx.now();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const user = await users(ctx.store).get(reg.memberId);
    if (!user) throw new AppError('NOT_FOUND', '申请人的账号不存在');
    const grant = (role: RoleGrant['role'], areaId: string, areaPath: string): RoleGrant => ({ role, areaId, areaPath, grantedBy: ctx.actor.userId, grantedAt: now });
    const kept = user.roles.filter((g) => g.role !== 'resident' && !(leaving && g.role === 'member' && g.areaId === leaving.community._id));
    const hadMember = kept.some((g) => g.role === 'member' && g.areaId === community._id);
    const oldResident = user.roles.find((g) => g.role === 'resident' && g.areaId === reg.buildingId);
    const roles = [...kept, oldResident ?? grant('resident', reg.buildingId, reg.path), ...(hadMember ? [] : [grant('member', community._id, community.path)])];
    const matched = await users(ctx.store).updateWhere(
      { _id: user._id, rev: user.rev },
      {
        $set: { roles, roleNames: [...new Set(roles.map((g) => g.role))], skills: reg.skills, homeAreaId: reg.buildingId, homePath: reg.path, ...(user.mobile ? {} : { mobile: reg.mobile }) },
        $inc: { rev: 1 },
      },
    );
    if (matched !== 1) continue;
    const via = { via: 'members.approve', registrationId: reg._id, userName: user.name };
    if (!hadMember) {
      await recordAudit(ctx, { action: 'users.grantRole', targetType: 'user', targetId: user._id, areaPath: community.path, detail: { role: 'member', areaId: community._id, ...via } });
    }
    if (leaving && user.roles.some((g) => g.role === 'member' && g.areaId === leaving.community._id)) {
      await recordAudit(ctx, {
        action: 'users.revokeRole',
        targetType: 'user',
        targetId: user._id,
        areaPath: leaving.community.path,
        detail: { role: 'member', areaId: leaving.community._id, reason: `转移到${community.name}`, ...via },
      });
    }
    return;
  }
  throw new AppError('CONFLICT', '该党员的资料正被他人修改，请稍后重试');
}
