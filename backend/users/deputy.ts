/**
 * AB角 (docs/areas.md#ab角): staff name a grant's B person; the holder (or staff) marks them away and back. While away the
 * A grant gives nothing (toActor leaves it out, staffAreaIds drops it) and the B person holds an acting copy, so the
 * grid's orders, 待办, node messages and pushes reach B. Each action: the caller with A and B in one read, then the writes.
 */
import { AppError, invalid } from '../../shared/errors';
import { canManageGrant, canMarkAway, ownGrant, worksNear } from '../../shared/users/deputies';
import type { LinkHouseholdsInput, SetAwayInput, SetDeputyInput } from '../../shared/users/deputies';
import { isWithin } from '../../shared/areas/model';
import { ROLE_NAMES } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import { keptNode } from '../areas/repo';
import { audited } from '../records/make';
import { updateWithEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from './repo';
import { roleFields, users } from './repo';

const CHANGED = '该人员的角色刚被他人修改，请刷新后重试';

/** A person read beside the caller, or the field's error. */
async function person(ctx: Ctx, id: string, field: string, what: string): Promise<UserDoc> {
  const doc = await readOnce<UserDoc>(ctx, 'users', id);
  if (!doc) throw invalid(field, `${what}不存在`);
  return doc;
}

/** The holder's own grant the input names, or a message naming the role. */
function grantOf(holder: UserDoc, input: { role: RoleGrant['role']; areaId: string }): RoleGrant {
  const grant = ownGrant(holder.roles, input.role, input.areaId);
  if (!grant) throw invalid('role', `${holder.name}在该区域没有${ROLE_NAMES[input.role]}角色`);
  return grant;
}

/** Refused in words that name the node (read only on this path, warm most of the time). */
async function refuse(ctx: Ctx, grant: RoleGrant, what: string): Promise<never> {
  const node = await keptNode(ctx.store, grant.areaId);
  throw new AppError('FORBIDDEN', `您不能${what}「${node?.name ?? '该区域'}」的${ROLE_NAMES[grant.role]}：不在您的辖区内，或不低于您的角色`);
}

/** The holder's new grant list, written only if nobody changed them since the read, its audit on the same write. */
async function writeHolder(ctx: Ctx, holder: UserDoc, roles: RoleGrant[], action: string, grant: RoleGrant, detail: Record<string, unknown>): Promise<boolean> {
  const audit = audited(ctx, {
    action,
    targetType: 'user',
    targetId: holder._id,
    areaPath: grant.areaPath,
    detail: { role: grant.role, areaId: grant.areaId, userName: holder.name, ...detail },
  });
  const patch = { $set: roleFields(roles), $inc: { rev: 1 } };
  return (await updateWithEffects(ctx, 'users', holder._id, { _id: holder._id, rev: holder.rev }, patch, [audit])) === 1;
}

/** A plain role-list write (the B person's acting copy): conditional on the rev read. */
async function writeRoles(ctx: Ctx, user: UserDoc, roles: RoleGrant[]): Promise<boolean> {
  return (await users(ctx.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: roleFields(roles), $inc: { rev: 1 } })) === 1;
}

const replace = (roles: RoleGrant[], old: RoleGrant, next: RoleGrant): RoleGrant[] => roles.map((g) => (g === old ? next : g));

/** 设置B角: two requests (the caller with both people, the write carrying its audit). */
export async function setDeputy(ctx: Ctx, input: SetDeputyInput): Promise<{ changed: boolean }> {
  const holder = await person(ctx, input.userId, 'userId', '人员');
  const grant = grantOf(holder, input);
  if (!canManageGrant(ctx.actor, holder._id, grant)) {
    if (holder._id === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能给自己设置B角，请由上级设置');
    await refuse(ctx, grant, '设置B角给');
  }
  if (grant.away) throw new AppError('CONFLICT', `${holder.name}正在不在岗，请先标记“已返回”再更换B角`);
  let next: RoleGrant;
  if (input.deputyId) {
    if (input.deputyId === holder._id) throw invalid('deputyId', 'B角不能是本人');
    if (input.deputyId === ctx.actor.userId) throw invalid('deputyId', '不能把自己设为B角，请选其他人员');
    const deputy = await person(ctx, input.deputyId, 'deputyId', 'B角');
    if (!worksNear(deputy.roles, grant)) throw invalid('deputyId', `B角须在本网格或本社区已有角色，${deputy.name}没有`);
    if (grant.deputyId === deputy._id) return { changed: false };
    next = { ...grant, deputyId: deputy._id, deputyName: deputy.name };
  } else {
    if (!grant.deputyId) return { changed: false };
    next = { ...grant };
    delete next.deputyId;
    delete next.deputyName;
  }
  const ok = await writeHolder(ctx, holder, replace(holder.roles, grant, next), 'users.setDeputy', grant, { deputyId: next.deputyId ?? null, deputyName: next.deputyName ?? null });
  if (!ok) throw new AppError('CONFLICT', CHANGED);
  return { changed: true };
}

/**
 * 标记不在岗 / 已返回: three requests (the caller with A and B, B's acting copy, A's grant with its audit). B is
 * written first: if A's write then loses a race, B's copy is taken back, so items never reach nobody.
 */
export async function setAway(ctx: Ctx, input: SetAwayInput): Promise<{ changed: boolean }> {
  const holder = await person(ctx, input.userId, 'userId', '人员');
  const grant = grantOf(holder, input);
  if (!canMarkAway(ctx.actor, holder._id, grant)) await refuse(ctx, grant, '标记不在岗：');
  if (!grant.deputyId) throw invalid('away', `请先为${holder.name}的${ROLE_NAMES[grant.role]}设置B角，再标记不在岗`);
  if (grant.deputyId !== input.deputyId) throw invalid('deputyId', `B角已换成${grant.deputyName ?? '他人'}，请刷新后重试`);
  if (!!grant.away === input.away) return { changed: false };
  const deputy = await person(ctx, grant.deputyId, 'deputyId', 'B角');
  const isCopy = (g: RoleGrant) => g.actingFor?.userId === holder._id && g.role === grant.role && g.areaId === grant.areaId;
  const copy: RoleGrant = {
    role: grant.role,
    areaId: grant.areaId,
    areaPath: grant.areaPath,
    grantedBy: ctx.actor.userId,
    grantedAt: ctx.now(),
    actingFor: { userId: holder._id, name: holder.name },
  };
  const deputyRoles = input.away ? [...deputy.roles.filter((g) => !isCopy(g)), copy] : deputy.roles.filter((g) => !isCopy(g));
  if (!(await writeRoles(ctx, deputy, deputyRoles))) throw new AppError('CONFLICT', `${deputy.name}的角色刚被他人修改，请刷新后重试`);
  const next: RoleGrant = { ...grant, away: input.away };
  if (!input.away) delete next.away;
  const ok = await writeHolder(ctx, holder, replace(holder.roles, grant, next), 'users.setAway', grant, { away: input.away, deputyId: deputy._id, deputyName: deputy.name });
  if (!ok) {
    // Undo B's side on their record as just written (rev + 1), so the two agree again.
    await writeRoles(ctx, { ...deputy, roles: deputyRoles, rev: deputy.rev + 1 }, deputy.roles);
    throw new AppError('CONFLICT', CHANGED);
  }
  return { changed: true };
}

/** 一人联十户: staff link a 微网格联络员 to residents living under the liaison's node. Two requests. */
export async function linkHouseholds(ctx: Ctx, input: LinkHouseholdsInput): Promise<{ households: number }> {
  const holder = await person(ctx, input.userId, 'userId', '人员');
  if (input.role !== 'liaison') throw invalid('role', '只有微网格联络员联系住户（一人联十户）');
  const grant = grantOf(holder, input);
  if (!canManageGrant(ctx.actor, holder._id, grant)) await refuse(ctx, grant, '为其联户：');
  const ids = [...new Set(input.residentIds)];
  const residents = await Promise.all(ids.map((id) => readOnce<UserDoc>(ctx, 'users', id)));
  residents.forEach((r, i) => {
    if (!r) throw invalid('residentIds', `第 ${i + 1} 户不存在`);
    if (!r.homePath || !isWithin(r.homePath, grant.areaPath)) throw invalid('residentIds', `${r.name}不住在该联络员负责的区域内`);
  });
  const next: RoleGrant = { ...grant, households: ids };
  if (!(await writeHolder(ctx, holder, replace(holder.roles, grant, next), 'users.linkHouseholds', grant, { households: ids.length }))) throw new AppError('CONFLICT', CHANGED);
  return { households: ids.length };
}
