/** Who may decide, see and verify 双报到 records: small predicates over the actor's grants and a record's area path. */
import { isWithin } from '../areas/model';
import { hasRoleAt } from '../users/permissions';
import type { Actor, Role } from '../users/roles';
import { STAFF_ROLES } from '../users/roles';

/** 审核双报到 and 单位报到: the community's staff, or the street above it. */
export const DECIDER_ROLES: readonly Role[] = ['community_staff', 'street_admin'];
/** 在职党员信息库 and the review list: deciders, and grid leaders for their grid. */
export const VIEWER_ROLES: readonly Role[] = ['grid_leader', 'community_staff', 'street_admin'];

export const canDecideAt = (a: Actor, path: string) => hasRoleAt(a, DECIDER_ROLES, path);
/** Nobody decides their own case: staff who apply (双报到 or 转移) are decided by a colleague or the street. */
export const isOwnRegistration = (a: Actor, r: { memberId: string }) => r.memberId === a.userId;
/** 通过/驳回 one pending application: a decider over it who is not the applicant. */
export const canDecideRegistration = (a: Actor, r: { memberId: string; path: string; status: string }) =>
  r.status === 'pending' && canDecideAt(a, r.path) && !isOwnRegistration(a, r);
export const canViewAt = (a: Actor, path: string) => hasRoleAt(a, VIEWER_ROLES, path);
/** 扫码核验报到证: any staff whose subtree holds the member's home. */
export const canVerifyAt = (a: Actor, path: string) => hasRoleAt(a, STAFF_ROLES, path);
/** Phone numbers in the 信息库 are shown in full only to the community's own staff (个人信息保护法: the fewest eyes). */
export const canSeeMobileAt = (a: Actor, path: string) => hasRoleAt(a, ['community_staff'], path);

/** The outermost nodes where the actor may look into the 信息库. */
export function viewerScopes(a: Actor): string[] {
  const paths = [...new Set(a.roles.filter((g) => VIEWER_ROLES.includes(g.role)).map((g) => g.areaPath))].sort((x, y) => x.length - y.length);
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => isWithin(p, q)));
}
