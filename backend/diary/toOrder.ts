/** 转为点单 (发现 → 处置): one tap files an order on the resident's behalf from a visit, linked both ways; the linked resident follows it. */
import { AppError, invalid } from '../../shared/errors';
import { DIARY_ORDER_SOURCE } from '../../shared/diary/model';
import type { VisitToOrderInput } from '../../shared/diary/schemas';
import { hasRoleAt } from '../../shared/users/permissions';
import { ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import { audited } from '../records/make';
import { DuplicateKeyError } from '../store/port';
import { fileOrder } from '../orders/file';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import { requireVisit } from './read';

const TAKEN = '这条民情日记已转为点单';

export async function visitToOrder(ctx: Ctx, input: VisitToOrderInput): Promise<{ orderId: string }> {
  const visit = await requireVisit(ctx, input.visitId);
  if (visit.orderId) throw new AppError('CONFLICT', TAKEN);
  // With no number typed, the linked resident's as kept on the visit when it was recorded (checked then); only a visit
  // recorded before it was kept reads the resident.
  const kept = input.contactMobile ?? visit.residentMobile;
  const resident = visit.residentId && !kept ? await users(ctx.store).get(visit.residentId) : null;
  const contactMobile = kept ?? resident?.mobile;
  if (!contactMobile) throw invalid('contactMobile', '请填写联系电话');
  const role = ROLE_NAMES[STAFF_ROLES.filter((r) => hasRoleAt(ctx.actor, [r], visit.path)).pop() ?? 'grid_worker'];

  // The order's id comes from the visit: two taps at once insert one order, the second finds the id taken. The
  // visit's link and the audit ride on the order's insert, so a crash can never leave a visit pointing nowhere.
  const orderId = `o${visit._id.slice(1)}`;
  const link = { type: 'set' as const, collection: 'visits', id: visit._id, where: { orderId: null }, set: { orderId } };
  const audit = audited(ctx, { action: 'diary.toOrder', targetType: 'visit', targetId: visit._id, areaPath: visit.path, detail: { orderId, category: input.category } });
  try {
    await fileOrder(
      ctx,
      {
        buildingId: visit.buildingId,
        category: input.category,
        description: input.description ?? visit.heard.slice(0, 500),
        photos: visit.photos,
        contactName: input.contactName ?? visit.residentName,
        contactMobile,
        anonymousToMembers: false,
      },
      {
        role,
        code: 'fileForResident',
        quota: false,
        id: orderId,
        followers: visit.residentId ? [visit.residentId] : [],
        visitId: visit._id,
        // 网格巡查: counted under it by source; like every order filed on someone's behalf, the worker is not its filer.
        source: DIARY_ORDER_SOURCE,
        effects: [link, audit],
      },
    );
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw new AppError('CONFLICT', TAKEN);
    throw e;
  }
  return { orderId };
}
