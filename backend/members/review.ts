/** 报到审核 list: pending applications in the viewer's subtree, oldest first (first come, first decided). */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { viewerScopes } from '../../shared/members/permissions';
import type { PendingInput, RegistrationView } from '../../shared/members/schemas';
import type { Page } from '../../shared/users/schemas';
import { requireLevel } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { registrations } from './repo';
import { viewsOf } from './views';

export async function pendingRegistrations(ctx: Ctx, input: PendingInput): Promise<Page<RegistrationView>> {
  let scopes = viewerScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '报到审核仅供网格长、社区工作人员和街道使用');
  if (input.communityId) {
    const node = await requireLevel(ctx.store, input.communityId, 'communityId', 'community');
    if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的报到申请');
    scopes = [node.path];
  }
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { status: 'pending', $or: scopes.map((p) => ({ path: { $prefix: p } })) };
  const [docs, total] = await Promise.all([
    registrations(ctx.store).find(filter, {
      sort: [
        ['createdAt', 1],
        ['_id', 1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    registrations(ctx.store).count(filter),
  ]);
  return { items: await viewsOf(ctx.store, docs, ctx.actor), total, page, pageSize };
}
