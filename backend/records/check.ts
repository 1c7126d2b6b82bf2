/**
 * The check of what moves caused (`npm run check:effects`): no effect left pending past the drain's minute, and no
 * record half-written — every order move audited, every 民情日记 visit and its order linked both ways, every order
 * closed with a member's work credited, every fulfilled wish's claimant credited (backend/wishes/check.ts), every
 * closed activity's sign-ups moved on and every post's holders agreeing with its stints (backend/activities/check.ts).
 */
import { isPartyId } from '../../shared/orders/permissions';
import { visits } from '../diary/repo';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { ledger, ledgerId } from '../points/ledger';
import type { DocumentStore } from '../store/port';
import { checkWishes } from '../wishes/check';
import { checkActivities } from '../activities/check';
import type { Pending } from './effects';
import { pendingReport } from './drain';

/** The drain runs every minute; a batch older than this was missed. */
export const DRAIN_WITHIN_MS = 60_000;

export interface EffectsCheck {
  pending: number;
  orders: number;
  findings: string[];
}

export async function checkEffects(store: DocumentStore, now: number): Promise<EffectsCheck> {
  const findings: string[] = [];
  const report = await pendingReport({ store, now: () => now });
  if (report.oldestMs !== null && report.oldestMs > DRAIN_WITHIN_MS)
    findings.push(`有 ${report.pending} 条记录的后续处理未完成，最早的已等 ${Math.round(report.oldestMs / 1000)} 秒`);

  const all = (await orders(store).find({})) as Array<OrderDoc & Pending>;
  const settled = all.filter((o) => !o.fx?.length);
  const audited = new Map((await store.collection('audit').group({ targetType: 'order' }, { by: ['targetId'] })).map((r) => [String(r.key.targetId), r.count]));
  const credited = new Set((await ledger(store).find({ reason: 'order_completed', sourceType: 'order' })).map((e) => e._id));
  for (const o of settled) {
    // Each timeline entry is one audited move, bar the emergency auto-dispatch that filing itself writes.
    const moves = o.timeline.filter((e) => e.code !== 'emergency').length;
    const audits = audited.get(o._id) ?? 0;
    if (audits < moves) findings.push(`点单 ${o._id}：${moves} 步只有 ${audits} 条操作记录`);
    const earns = o.status === 'closed' && (o.closeReason === 'rated' || o.closeReason === 'unrated') && o.holderId && o.colour && !isPartyId(o.holderId, o);
    if (earns && !credited.has(ledgerId('order_completed', 'order', o._id))) findings.push(`点单 ${o._id}：已办结，党员 ${o.holderId} 未记积分`);
  }
  const byId = new Map(all.map((o) => [o._id, o]));
  for (const v of await visits(store).find({ orderId: { $ne: null } })) {
    if (!v.orderId || !byId.has(v.orderId)) findings.push(`民情日记 ${v._id}：转成的点单 ${v.orderId} 不存在`);
  }
  for (const o of settled) {
    if (!o.visitId) continue;
    const v = await visits(store).get(o.visitId);
    if (v?.orderId !== o._id) findings.push(`点单 ${o._id}：来自民情日记 ${o.visitId}，日记上却${v?.orderId ? `连着 ${v.orderId}` : '没有连上'}`);
  }
  findings.push(...(await checkWishes(store)), ...(await checkActivities(store)));
  return { pending: report.pending, orders: all.length, findings };
}
