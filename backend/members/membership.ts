/**
 * What an approved 双报到 changes on the person: the member role on the new community (and off the
 * old one after a transfer), their home and resident role at the registered building, their skills.
 * Written and audited through the users domain's role helpers (one optimistic write on `rev`, the
 * same audit entries), so the role history reads the same wherever a grant came from.
 */
import { AppError } from '../../shared/errors';
import type { Area } from '../../shared/areas/model';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import { auditRoleChange, newGrant, writeRoles } from '../users/roles';
import type { RegistrationDoc } from './repo';

/** The approval already happened, so a lost race on the person's record is retried, not reported. */
const ATTEMPTS = 8;

export async function applyMembership(ctx: Ctx, reg: RegistrationDoc, community: Area, leaving: { doc: RegistrationDoc; community: Area } | null): Promise<void> {
  const home = { _id: reg.buildingId, path: reg.path };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const user = await users(ctx.store).get(reg.memberId);
    if (!user) throw new AppError('NOT_FOUND', '申请人的账号不存在');
    const isOld = (g: { role: string; areaId: string }) => !!leaving && g.role === 'member' && g.areaId === leaving.community._id;
    const kept = user.roles.filter((g) => g.role !== 'resident' && !isOld(g));
    const hadMember = kept.some((g) => g.role === 'member' && g.areaId === community._id);
    const resident = user.roles.find((g) => g.role === 'resident' && g.areaId === reg.buildingId) ?? newGrant(ctx, 'resident', home);
    const roles = [...kept, resident, ...(hadMember ? [] : [newGrant(ctx, 'member', community)])];
    const also = { skills: reg.skills, homeAreaId: reg.buildingId, homePath: reg.path, ...(user.mobile ? {} : { mobile: reg.mobile }) };
    if (!(await writeRoles(ctx, user, roles, also))) continue;
    const via = { via: 'members.approve', registrationId: reg._id };
    if (!hadMember) await auditRoleChange(ctx, 'grantRole', user, 'member', community, via);
    if (leaving && user.roles.some(isOld)) {
      await auditRoleChange(ctx, 'revokeRole', user, 'member', leaving.community, { reason: `转移到${community.name}`, ...via });
    }
    return;
  }
  throw new AppError('CONFLICT', '该党员的资料正被他人修改，请稍后重试');
}
