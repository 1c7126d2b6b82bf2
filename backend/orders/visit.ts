/** 回访: staff record the call to a resident who did not rate a completed order; 不满意 reopens it as a 2-star rating does. */
import type { Moved } from '../../shared/api';
import { AppError, invalid } from '../../shared/errors';
import { RETURN_VISIT_NAMES } from '../../shared/orders/model';
import { isHolder } from '../../shared/orders/permissions';
import type { ReturnVisitInput } from '../../shared/orders/schemas';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import { orderCredit } from './credit';
import type { OrderDoc } from './repo';
import { reopenNotice } from './resident';
import { requireStaffOrder, staffRoleName } from './staff';
import { moveOrder } from './transition';

/** Why an order that is not 待评价 takes no 回访, in the words staff need to stop dialling. */
function notVisitable(order: OrderDoc): string {
  if (order.status === 'closed' && order.closeReason === 'rated' && !order.returnVisit) return '居民已在小程序评价，不能再回访';
  if ((order.status === 'closed' || order.status === 'reopened') && order.returnVisit) return '该点单已回访，不能重复回访';
  if (order.status === 'reopened') return '居民已评价不满意，点单已退回重办，不能回访';
  if (order.status === 'closed') return '点单已完结，不能回访';
  return '点单尚未办结，不能回访';
}

export async function returnVisit(ctx: Ctx, input: ReturnVisitInput): Promise<Moved> {
  const unsatisfied = input.result === 'unsatisfied';
  // The reason reaches the member who must redo the work: without it 重办 has nothing to go on.
  if (unsatisfied && !input.note) throw invalid('note', '回访结果为不满意时，请填写回访记录（居民哪里不满意）');
  const order = await requireStaffOrder(ctx, input.orderId);
  // 回避: whoever did the work does not record how the resident judged it.
  if (isHolder(ctx.actor, order)) throw new AppError('FORBIDDEN', '这是您办理的点单，请由其他工作人员回访');
  if (order.status !== 'completed') throw new AppError('CONFLICT', notVisitable(order));
  const now = ctx.now();
  const returnVisit = { result: input.result, note: input.note ?? null, at: now, byId: ctx.actor.userId, byName: ctx.actor.name };
  const move = { role: staffRoleName(ctx, order), data: { result: input.result }, note: input.note, conflict: '点单刚被居民评价或他人回访，请刷新后查看' };
  if (unsatisfied) {
    const effects = [reopenNotice(ctx, order, `电话回访${RETURN_VISIT_NAMES.unsatisfied}`)];
    if (order.holderId)
      effects.push(notice(ctx, { to: [{ userId: order.holderId }], kind: 'reopened', body: `${order.place}的点单电话回访不满意：${input.note}`, orderId: order._id }));
    return moveOrder(ctx, order, 'returnVisitReopen', { ...move, set: { returnVisit }, effects });
  }
  // Closed as a good rating closes it (closeReason 'rated': the resident's verdict, by phone); points without the 五星 bonus, as no stars were given.
  return moveOrder(ctx, order, 'returnVisit', { ...move, set: { returnVisit, closedAt: now, closeReason: 'rated' }, effects: [orderCredit(order, null)] });
}
