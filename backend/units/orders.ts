/** 派单 and 转办 to a unit, the units that may take an order, and a unit's own order list (单位接单). */
import type { Moved } from '../../shared/api';
import { AppError, invalid } from '../../shared/errors';
import type { OrderPage } from '../../shared/orders/schemas';
import { coveringPaths, covers, UNIT_ORDER_SCOPES } from '../../shared/units/model';
import { isUnitStaff } from '../../shared/units/permissions';
import type { DispatchUnitInput, OrderUnitsInput, TransferInput, UnitOrdersInput, UnitOrdersView, UnitView } from '../../shared/units/schemas';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { requireStaffOrder, staffRoleName } from '../orders/staff';
import { moveOrder } from '../orders/transition';
import { toCard } from '../orders/views';
import type { UnitDoc } from './repo';
import { keptUnit, toUnitView, units, UNITS_KEPT } from './repo';
import { warm } from '../runtime/warm';

/** Units whose service area holds the order's building: one lookup per node above it. */
export async function unitsForOrder(ctx: Ctx, input: OrderUnitsInput): Promise<{ items: UnitView[] }> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const found = await units(ctx.store).find({ $or: coveringPaths(order.path).map((p) => ({ areaPaths: { $has: p } })) }, { limit: 100 });
  // The 派单 that follows names one of these: this instance keeps what it just read (backend/runtime/warm.ts).
  for (const u of found) void warm(ctx.store, `${UNITS_KEPT}${u._id}`, () => Promise.resolve(u));
  return { items: found.filter((u) => covers(u, order.path)).map(toUnitView) };
}

/** A unit that covers the order's place, as a warm instance keeps it (派单 follows the list that read it). */
async function requireCovering(ctx: Ctx, order: OrderDoc, unitId: string): Promise<UnitDoc> {
  const unit = await keptUnit(ctx.store, unitId);
  if (!unit) throw invalid('unitId', '单位不存在');
  if (!covers(unit, order.path)) throw invalid('unitId', `${unit.name}的服务区域不包括${order.place}，请选择负责这里的单位`);
  return unit;
}

const asOrderUnit = (u: UnitDoc) => ({ id: u._id, name: u.name, kind: u.kind });

/** The unit's staff hear of it as a member hears of an order dispatched to them: the message rides on the same write, its staff found when it goes out. */
const toUnitStaff = (ctx: Ctx, order: OrderDoc, unit: UnitDoc, reason?: string) =>
  notice(ctx, {
    to: [{ unitId: unit._id }],
    kind: 'dispatched',
    body: `${reason ? '转办：' : ''}${order.place}：${order.category}${reason ? `（${reason}）` : ''}`,
    orderId: order._id,
  });

/** 派单 to a unit (物业服务企业, 职能部门, 共建单位) covering the place: its staff accept or decline it as a member would. */
export async function dispatchToUnit(ctx: Ctx, input: DispatchUnitInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const unit = await requireCovering(ctx, order, input.unitId);
  return moveOrder(ctx, order, 'dispatchUnit', {
    role: staffRoleName(ctx, order),
    data: { unit: unit.name, unitId: unit._id },
    set: { unit: asOrderUnit(unit), holderId: null, holderName: unit.name, pool: null },
    effects: [toUnitStaff(ctx, order, unit)],
  });
}

/** 转办: not the community's duty; the responsible 职能部门 takes it over with the same timeline, and the resident is told why. */
export async function transferToUnit(ctx: Ctx, input: TransferInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const unit = await requireCovering(ctx, order, input.unitId);
  if (unit.kind !== 'department') throw invalid('unitId', `转办只能转给职能部门，${unit.name}不是职能部门`);
  const tell = notice(ctx, { to: [{ userId: order.createdBy }], kind: 'progress', body: `您的点单已转办至${unit.name}：${input.reason}`, orderId: order._id });
  return moveOrder(ctx, order, 'transfer', {
    role: staffRoleName(ctx, order),
    data: { unit: unit.name, unitId: unit._id },
    note: input.reason,
    set: {
      unit: asOrderUnit(unit),
      holderId: null,
      holderName: unit.name,
      pool: null,
      transfer: { unitId: unit._id, reason: input.reason, at: ctx.now(), byId: ctx.actor.userId },
    },
    effects: [tell, toUnitStaff(ctx, order, unit, input.reason)],
  });
}

/** 单位接单: the unit's orders by scope (待接单, 处理中, 已办结), newest first; only its own staff. */
export async function unitOrders(ctx: Ctx, input: UnitOrdersInput): Promise<UnitOrdersView> {
  if (!isUnitStaff(ctx.actor, input.unitId)) throw new AppError('FORBIDDEN', '您不是该单位的人员');
  const scope = input.scope ?? 'waiting';
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { 'unit.id': input.unitId, status: { $in: [...UNIT_ORDER_SCOPES[scope].statuses] } };
  const [found, total] = await Promise.all([
    orders(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    orders(ctx.store).count(filter),
  ]);
  const result: OrderPage = { items: found.map(toCard), total, page, pageSize };
  return { ...result, scope };
}
