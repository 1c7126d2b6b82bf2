/** 我的: profile, where I live, my roles and what I may do; and recording privacy consent. */
import { idsOnPath } from '../../shared/areas/model';
import type { Area } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { maskMobile } from '../../shared/users/mask';
import { ROLE_ABILITIES, ROLES } from '../../shared/users/roles';
import type { MeView } from '../../shared/users/schemas';
import type { Ctx } from '../runtime/types';
import { keptOnPaths } from '../areas/levels';
import { toAreaView } from '../areas/repo';
import { readOnce } from '../runtime/prefetch';
import type { UserDoc } from './repo';
import { users } from './repo';
import { roleView } from './views';

export async function getMe(ctx: Ctx): Promise<MeView> {
  // The record as read for the caller (or after a change, from the store); the nodes from the warm instance.
  const user = await readOnce<UserDoc>(ctx, 'users', ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const known = await keptOnPaths(ctx.store, [user.homePath ?? '', ...user.roles.map((g) => g.areaPath)]);
  const home = user.homePath
    ? idsOnPath(user.homePath)
        .map((id) => known.get(id))
        .filter((a): a is Area => Boolean(a))
    : [];
  const held = ROLES.filter((r) => user.roles.some((g) => g.role === r));
  return {
    id: user._id,
    name: user.name,
    mobileMasked: maskMobile(user.mobile),
    home: home.map(toAreaView),
    roles: user.roles.map((g) => roleView(g, known)),
    abilities: [...new Set(held.flatMap((r) => ROLE_ABILITIES[r]))],
    privacyAccepted: Boolean(user.privacyAcceptedAt),
    elderMode: user.elderMode === true,
    units: (user.unitIds ?? []).length,
  };
}

/** 同意隐私保护指引: recorded with its version, before any personal data is collected. */
export async function acceptPrivacy(ctx: Ctx, input: { version: string }): Promise<{ acceptedAt: number }> {
  const acceptedAt = ctx.now();
  await users(ctx.store).updateWhere({ _id: ctx.actor.userId }, { $set: { privacyAcceptedAt: acceptedAt, privacyVersion: input.version } });
  return { acceptedAt };
}
