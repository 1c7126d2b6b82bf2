/** First contact from WeChat or CloudBase web: a person record for a new identity, then 完善资料 (name and home). */
import { createHash } from 'node:crypto';
import { AppError, invalid } from '../../shared/errors';
import type { Actor, RoleGrant } from '../../shared/users/roles';
import type { SetHomeInput } from '../../shared/users/schemas';
import { keptPathOf } from '../areas/repo';
import { audited } from '../records/make';
import { updateWithEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, GuestCtx } from '../runtime/types';
import type { UserDoc } from './repo';
import { roleFields, users } from './repo';

/**
 * The id comes from the identity, so two first calls racing create one person, not two (an invitation's claim
 * inserts the same record as an effect, skipped when it exists). Local sign-in only ever names seeded people; it never enrolls.
 */
export function newUserDoc(ctx: Pick<GuestCtx, 'identity' | 'now'>): UserDoc {
  const { identity } = ctx;
  if (identity.kind !== 'wechat' && identity.kind !== 'web') throw new AppError('UNAUTHENTICATED');
  const key = identity.kind === 'wechat' ? identity.openid : identity.uid;
  return {
    _id: `${identity.kind === 'wechat' ? 'wx' : 'web'}-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`,
    name: '新居民',
    ...roleFields([]),
    rev: 0,
    createdAt: ctx.now(),
    ...(identity.kind === 'wechat' ? { openid: key } : { uid: key }),
  };
}

export async function enroll(ctx: GuestCtx): Promise<Actor> {
  if (ctx.actor) return ctx.actor;
  const doc = newUserDoc(ctx);
  await users(ctx.store).insertIfAbsent(doc);
  return { userId: doc._id, name: doc.name, roles: [], skills: [] };
}

/**
 * Sets my name and home building; my resident role moves to that building. My record as read for the caller, the building
 * from the warm instance, and one conditional write carrying its audit entry (docs/effects.md).
 */
export async function setHome(ctx: Ctx, input: SetHomeInput): Promise<void> {
  const { node: building } = await keptPathOf(ctx.store, input.buildingId, '楼栋');
  if (building.level !== 'building') throw invalid('buildingId', '请选择具体的楼栋');
  const user = await readOnce<UserDoc>(ctx, 'users', ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const grant: RoleGrant = { role: 'resident', areaId: building._id, areaPath: building.path, grantedBy: user._id, grantedAt: ctx.now() };
  const roles = [...user.roles.filter((g) => g.role !== 'resident'), grant];
  const audit = audited(
    { actor: { ...ctx.actor, name: input.name } },
    { action: 'users.setHome', targetType: 'user', targetId: user._id, areaPath: building.path, detail: { buildingId: building._id } },
  );
  const matched = await updateWithEffects(
    ctx,
    'users',
    user._id,
    { _id: user._id, rev: user.rev },
    { $set: { name: input.name, homeAreaId: building._id, homePath: building.path, ...roleFields(roles) }, $inc: { rev: 1 } },
    [audit],
  );
  if (matched !== 1) throw new AppError('CONFLICT', '资料刚被修改，请刷新后重试');
}
