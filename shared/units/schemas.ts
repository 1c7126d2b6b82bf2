/** Inputs and views of the `units` function: units in a scope, their staff, and 派单/转办 of an order to a unit. */
import * as z from 'zod/mini';
import { id, input, int, mobile, oneOf, text } from '../validation';
import type { OrderPage } from '../orders/schemas';
import type { Ratio } from '../dashboard/schemas';
import type { UnitKind, UnitOrderScope, UnitRate } from './model';
import { UNIT_KINDS, UNIT_ORDER_SCOPE_KEYS } from './model';

const unitId = id('单位');
const orderId = id('点单');
const areaIds = z.array(id('服务区域')).check(z.minLength(1, '请至少选择一个服务区域（社区或网格）'), z.maxLength(50, '服务区域不能超过 50 个'));
const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));

export const createUnitInput = input({
  /** The community or street (片区) the unit belongs to: its staff manage it. */
  scopeId: id('所属社区或街道'),
  kind: oneOf('单位类型', UNIT_KINDS),
  name: text('单位名称', { min: 2, max: 40 }),
  /** Communities or grids it covers, under the scope. */
  areaIds,
  contactName: text('联系人', { min: 1, max: 20 }),
  contactMobile: mobile('联系电话'),
  /** 共建单位: the 报到单位 (members' organisations) it is, when it is one. */
  orgId: z.optional(z.nullable(id('报到单位'))),
});
export const updateUnitInput = input({
  unitId,
  name: z.optional(text('单位名称', { min: 2, max: 40 })),
  areaIds: z.optional(areaIds),
  contactName: z.optional(text('联系人', { min: 1, max: 20 })),
  contactMobile: z.optional(mobile('联系电话')),
});
export const listUnitsInput = input({ areaId: id('区域'), kind: z.optional(oneOf('单位类型', UNIT_KINDS)) });
export const unitStaffInput = input({ unitId, userId: id('人员') });
export const unitIdInput = input({ unitId });
export const orderUnitsInput = input({ orderId });
export const dispatchUnitInput = input({ orderId, unitId });
export const transferInput = input({ orderId, unitId, reason: text('转办原因', { min: 2, max: 200 }) });
export const unitOrdersInput = input({ unitId, scope: z.optional(oneOf('范围', UNIT_ORDER_SCOPE_KEYS)), page, pageSize });

export type CreateUnitInput = z.infer<typeof createUnitInput>;
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;
export type ListUnitsInput = z.infer<typeof listUnitsInput>;
export type UnitStaffInput = z.infer<typeof unitStaffInput>;
export type UnitIdInput = z.infer<typeof unitIdInput>;
export type OrderUnitsInput = z.infer<typeof orderUnitsInput>;
export type DispatchUnitInput = z.infer<typeof dispatchUnitInput>;
export type TransferInput = z.infer<typeof transferInput>;
export type UnitOrdersInput = z.infer<typeof unitOrdersInput>;

export interface UnitView {
  id: string;
  kind: UnitKind;
  kindName: string;
  name: string;
  scopeId: string;
  areas: Array<{ id: string; name: string }>;
  contactName: string;
  contactMobile: string;
  orgId: string | null;
  /** The linked 报到单位's name, shown on the unit's card. */
  orgName: string | null;
}

export interface UnitStaffView {
  userId: string;
  name: string;
}

export interface UnitOrdersView extends OrderPage {
  scope: UnitOrderScope;
}

/** One unit's figures on the board for the period. */
export interface UnitBoardRow {
  id: string;
  name: string;
  kindName: string;
  /** 派给它的（含转办）, 退回, 接受, 办结 in the period. */
  dispatched: number;
  declined: number;
  accepted: number;
  completed: number;
  acceptRate: Ratio;
  onTimeRate: Ratio;
  satisfactionRate: Ratio;
  /** The rates it is behind all units together on; empty when it is not lagging. */
  behind: UnitRate[];
}

export interface UnitBoardView {
  node: { id: string; name: string };
  period: { from: string; to: string };
  overall: Record<UnitRate, Ratio>;
  /** Lagging units first, then by what was dispatched to them. */
  rows: UnitBoardRow[];
}
