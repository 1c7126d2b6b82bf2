/** 社区派单, from a phone: 分拣 (triage or reject), 派单 to a member or the pool, reassign, notes, closing a reopened order. */
import type { Moved } from '../../shared/api';
import type { Area } from '../../shared/areas/model';
import { levelAt } from '../areas/levels';
import { AppError, invalid } from '../../shared/errors';
import { ORDER_LIMITS } from '../../shared/orders/model';
import { canSeeOrder, isParty, isStaffOver, mayBeGiven } from '../../shared/orders/permissions';
import type { CloseReopenedInput, DispatchInput, NoteInput, OrderIdInput, PoolInput, ReassignInput, RejectInput, TriageInput } from '../../shared/orders/schemas';
import { partyName } from '../../shared/duties/model';
import type { DutyForView } from '../../shared/duties/schemas';
import type { EntryData } from '../../shared/records/machine';
import { hasRoleAt } from '../../shared/users/permissions';
import { ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import { audited, notice } from '../records/make';
import { moveRecord } from '../records/move';
import type { Ctx } from '../runtime/types';
import { readOnce } from '../runtime/prefetch';
import type { UserDoc } from '../users/repo';
import type { OrderDoc } from './repo';
import { dutyFor } from './duties';
import { colourRule, deadlinesOf, ownerFor } from './rules';
import { moveKey, moveOrder, requireOrder, step } from './transition';

/**
 * Staff of the order's subtree only, and never on their own case (shared/orders/permissions decidesOver);
 * others get NOT_FOUND or FORBIDDEN as their visibility allows.
 */
export async function requireStaffOrder(ctx: Ctx, orderId: string): Promise<OrderDoc> {
  const order = await requireOrder(ctx, orderId, (o) => canSeeOrder(ctx.actor, o));
  if (!isStaffOver(ctx.actor, order)) throw new AppError('FORBIDDEN', '只有本区域的网格员、网格长、社区或街道可以操作');
  if (isParty(ctx.actor, order)) throw new AppError('FORBIDDEN', '这是您自己提交或跟进的点单，请由其他工作人员处理');
  return order;
}

/** The staff member's title in this order's timeline: their highest staff role over it. */
export function staffRoleName(ctx: Ctx, order: OrderDoc): string {
  const held = STAFF_ROLES.filter((r) => hasRoleAt(ctx.actor, [r], order.path));
  return ROLE_NAMES[held[held.length - 1] ?? 'grid_worker'];
}

/** The 责任主体 staff chose at 分拣, and the 职责清单's suggestion when they chose otherwise (then with a reason). */
async function chosenParty(ctx: Ctx, order: OrderDoc, input: TriageInput): Promise<{ party: string; suggested?: string }> {
  if (input.party === 'department' && !input.department) throw invalid('department', '责任主体为职能部门时，请填写部门名称');
  const chosen = partyName({ party: input.party!, department: input.department });
  const suggestion = await dutyFor(ctx, { ...order, category: input.category ?? order.category });
  const suggested = suggestion ? partyName(suggestion) : null;
  if (!suggested || suggested === chosen) return { party: chosen };
  if (!input.partyReason) throw invalid('partyReason', `职责清单建议由${suggested}负责，改定为${chosen}请填写理由`);
  return { party: chosen, suggested };
}

/** What the 分拣 sheet shows: the 职责清单's suggestion for this order (kept warm, so opening the sheet costs the order read). */
export async function orderDuty(ctx: Ctx, input: OrderIdInput): Promise<DutyForView> {
  const order = await requireStaffOrder(ctx, input.orderId);
  return { suggestion: await dutyFor(ctx, order) };
}

/** The grid or community above an order's building by level (it may sit under a 微网格), from the warm path: no read most of the time. */
async function levelAbove(ctx: Ctx, order: OrderDoc, level: 'grid' | 'community'): Promise<Area> {
  const node = await levelAt(ctx.store, order.path, level);
  if (!node) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  return node;
}

export async function triageOrder(ctx: Ctx, input: TriageInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const [rule, grid] = await Promise.all([colourRule(ctx, order.path, input.colour), levelAbove(ctx, order, 'grid')]);
  const now = ctx.now();
  const owner = ownerFor(order.path, input.colour, grid);
  // The category is said only when triage corrects it.
  const data: EntryData = input.category && input.category !== order.category ? { colour: input.colour, category: input.category } : { colour: input.colour };
  if (input.party) Object.assign(data, await chosenParty(ctx, order, input));
  // A 12345 ticket is due when the hotline says (街道 are ranked on it): the colour sets the owner and the 响应 deadline only.
  const due = deadlinesOf(rule, now);
  if (order.hotline) {
    due.resolveBy = order.hotline.deadline;
    due.respondBy = Math.min(due.respondBy, order.hotline.deadline);
    data.hotlineDue = true;
  }
  const red =
    input.colour === 'red' ? [notice(ctx, { to: [{ areaId: owner.areaId }], kind: 'newOrder', body: `红色事项：${order.place} ${order.category}`, orderId: order._id })] : [];
  return moveOrder(ctx, order, 'triage', {
    role: staffRoleName(ctx, order),
    data,
    note: input.party ? input.partyReason : undefined,
    set: {
      colour: input.colour,
      category: input.category ?? order.category,
      owner,
      ...due,
    },
    effects: red,
  });
}

export async function rejectOrder(ctx: Ctx, input: RejectInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  return moveOrder(ctx, order, 'reject', {
    role: staffRoleName(ctx, order),
    note: input.reason,
    set: { rejectReason: input.reason, closedAt: ctx.now() },
    effects: [notice(ctx, { to: [{ userId: order.createdBy }], kind: 'rejected', body: input.reason, orderId: order._id })],
  });
}

/** A member who may take this order: registered (双报到) in its community, under the open-order cap. */
async function requireMemberFor(ctx: Ctx, order: OrderDoc, memberId: string): Promise<{ id: string; name: string }> {
  const member = await readOnce<UserDoc>(ctx, 'users', memberId);
  const inScope = member?.roles.some((g) => g.role === 'member' && order.path.startsWith(g.areaPath));
  if (!member || !inScope) throw invalid('memberId', '请选择本社区已报到的党员');
  if (member._id === ctx.actor.userId) throw invalid('memberId', '不能派给自己；要办理请在接单大厅接单');
  if (!mayBeGiven(ctx.actor, member._id, order)) throw invalid('memberId', `${member.name}是这个点单的提交人或跟进人，请派给其他党员`);
  // The count kept on the person (recounted after every change of holder, backend/records/apply.ts).
  const load = member.held ?? 0;
  if (load >= ORDER_LIMITS.memberOpenOrders) {
    throw new AppError('CONFLICT', `${member.name}手上已有 ${load} 个未办结点单，请派给其他党员`);
  }
  return { id: member._id, name: member.name };
}

export async function dispatchOrder(ctx: Ctx, input: DispatchInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const member = await requireMemberFor(ctx, order, input.memberId);
  return moveOrder(ctx, order, 'dispatch', {
    role: staffRoleName(ctx, order),
    data: { member: member.name },
    set: { holderId: member.id, holderName: member.name, pool: null, unit: null },
    effects: [notice(ctx, { to: [{ userId: member.id }], kind: 'dispatched', body: `${order.place}：${order.category}`, orderId: order._id })],
  });
}

/** 派到抢单池 of the order's grid or community, optionally asking for a skill. */
export async function poolOrder(ctx: Ctx, input: PoolInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const node = await levelAbove(ctx, order, input.level);
  const pool = { areaId: node._id, areaPath: node.path, skill: input.skill ?? null };
  return moveOrder(ctx, order, 'pool', {
    role: staffRoleName(ctx, order),
    data: { level: input.level, skill: input.skill ?? null },
    set: { pool, holderId: null, holderName: null, unit: null },
  });
}

export async function reassignOrder(ctx: Ctx, input: ReassignInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  if (order.holderId === input.memberId) throw invalid('memberId', '已经是这位党员在办');
  const member = await requireMemberFor(ctx, order, input.memberId);
  const toNew = notice(ctx, { to: [{ userId: member.id }], kind: 'dispatched', body: `${order.place}：${order.category}`, orderId: order._id });
  const toOld = order.holderId ? [notice(ctx, { to: [{ userId: order.holderId }], kind: 'released', body: `该点单已改派：${input.reason}`, orderId: order._id })] : [];
  return moveOrder(ctx, order, 'reassign', {
    role: staffRoleName(ctx, order),
    data: { member: member.name },
    note: input.reason,
    set: { holderId: member.id, holderName: member.name, unit: null },
    effects: [toNew, ...toOld],
  });
}

/** A note on the timeline; the status does not change. */
export async function noteOrder(ctx: Ctx, input: NoteInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  await moveRecord(ctx, {
    collection: 'orders',
    record: order,
    to: order.status,
    entry: step(ctx, staffRoleName(ctx, order), 'note', undefined, input.note),
    effects: [audited(ctx, { action: 'orders.note', targetType: 'order', targetId: order._id, areaPath: order.path, detail: { note: input.note } })],
    conflict: '点单刚被他人处理，请刷新后重试',
    requestKey: moveKey(ctx, input.requestKey),
  });
  return { id: order._id, status: order.status };
}

export async function closeReopened(ctx: Ctx, input: CloseReopenedInput): Promise<Moved> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const toParties = notice(ctx, {
    to: [{ userId: order.createdBy }, ...order.followers.map((userId) => ({ userId }))],
    kind: 'completed',
    body: input.explanation,
    orderId: order._id,
  });
  return moveOrder(ctx, order, 'closeReopened', {
    role: staffRoleName(ctx, order),
    note: input.explanation,
    set: { closedAt: ctx.now(), closeReason: 'staff' },
    effects: [toParties],
  });
}
