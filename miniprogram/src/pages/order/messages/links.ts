/** Where a message leads: its order, or by kind the wish, instruction, declaration queue or 报到证 it is about. */
import type { MessageKind, MessageView } from '@shared/notifications/schemas';
import { orderDetailUrl } from '../../../orders/routes';
import { withQuery } from '../../../utils/routes';

export interface MessageLink {
  url: string;
  label: string;
}

/** Kinds whose page is fixed (a queue or one's own record): no id needed. Paths, so no subpackage code is pulled in. */
const BY_KIND: Partial<Record<MessageKind, MessageLink>> = {
  pointsDeclared: { url: '/points/pages/review/index', label: '去汇总' },
  pointsForwarded: { url: '/points/pages/verify/index', label: '去核实' },
  pointsVerified: { url: '/member/pages/points/index', label: '查看积分' },
  pointsCorrected: { url: '/member/pages/points/index', label: '查看积分' },
  pointsReturned: { url: '/points/pages/mine/index', label: '查看申报' },
  pointsRejected: { url: '/points/pages/mine/index', label: '查看申报' },
  registrationNew: { url: '/members/pages/review/index', label: '去审核' },
  registrationApproved: { url: '/members/pages/certificate/index', label: '查看报到证' },
  registrationRejected: { url: '/members/pages/certificate/index', label: '查看原因' },
  wishReview: { url: '/wish/pages/review/index', label: '去审核' },
};

const WISH_KINDS: readonly MessageKind[] = ['wishPublished', 'wishRejected', 'wishClaimed', 'wishDelivered', 'wishFulfilled', 'wishLapsed'];
const INSTRUCTION_KINDS: readonly MessageKind[] = ['instruction', 'instructionRemind'];

export function messageLink(m: MessageView): MessageLink | null {
  if (m.orderId) return { url: orderDetailUrl(m.orderId), label: '查看点单' };
  if (m.sourceId && WISH_KINDS.includes(m.kind)) return { url: withQuery('/wish/pages/detail/index', { id: m.sourceId }), label: '查看心愿' };
  if (m.sourceId && INSTRUCTION_KINDS.includes(m.kind)) return { url: withQuery('/respond/pages/detail/index', { id: m.sourceId }), label: '查看指令' };
  return BY_KIND[m.kind] ?? null;
}
