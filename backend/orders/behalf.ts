/** 代为登记: staff file an order for someone who phoned (电话), came in (来访) or was met on a 网格巡查, recording the source. */
import { AppError } from '../../shared/errors';
import type { FileOnBehalfInput } from '../../shared/orders/schemas';
import { ORDER_SOURCE_NAMES } from '../../shared/orders/model';
import { hasRoleAt } from '../../shared/users/permissions';
import { ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import type { Ctx } from '../runtime/types';
import { fileOrder } from './file';

/**
 * The same path as a resident's 点单 (≤ 3 requests, keyed by the request key), without the resident's daily quota: the
 * person need not have an account, so nobody follows it in the app and their verdict comes by 回访. The staff filer is
 * not a party to it (shared/orders/permissions isOnBehalf), so the usual 分拣 and 派单 rules apply to them as to anyone.
 */
export async function fileOnBehalf(ctx: Ctx, input: FileOnBehalfInput): Promise<{ id: string }> {
  const { source, ...filing } = input;
  // Staff of the building's grid or any node above it; the highest role held there names them on the timeline.
  const roleAt = (path: string): string => {
    const held = STAFF_ROLES.filter((r) => hasRoleAt(ctx.actor, [r], path));
    const top = held[held.length - 1];
    if (!top) throw new AppError('FORBIDDEN', `只有该楼栋所在网格及上级的工作人员可以代为登记（${ORDER_SOURCE_NAMES[source]}）`);
    return ROLE_NAMES[top];
  };
  return fileOrder(ctx, { ...filing, anonymousToMembers: false }, { role: '', code: 'fileOnBehalf', quota: false, source, roleAt });
}
