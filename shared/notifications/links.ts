/**
 * Where a message leads: its order, or by kind the wish, instruction, declaration queue or 报到证 it is about.
 * One table for the in-app messages page and WeChat subscribe messages, so a push opens what the list opens.
 */
import type { MessageKind } from './schemas';

export interface MessageLink {
  /** An app route with its query, `/pages/order/detail/index?id=…`. */
  url: string;
  label: string;
}

/** What a link is computed from: the fields every message carries. */
export interface LinkedMessage {
  kind: MessageKind;
  orderId: string | null;
  sourceId: string | null;
}

export const MESSAGE_PAGES = {
  orderDetail: '/pages/order/detail/index',
  messages: '/pages/order/messages/index',
  wishDetail: '/wish/pages/detail/index',
  instructionDetail: '/respond/pages/detail/index',
} as const;

/** Kinds whose page is fixed (a queue or one's own record): no id needed. */
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
  registrationMoved: { url: '/members/pages/certificate/index', label: '查看报到证' },
  wishReview: { url: '/wish/pages/review/index', label: '去审核' },
};

const WISH_KINDS: readonly MessageKind[] = ['wishPublished', 'wishRejected', 'wishClaimed', 'wishDelivered', 'wishFulfilled', 'wishLapsed'];
const INSTRUCTION_KINDS: readonly MessageKind[] = ['instruction', 'instructionRemind'];

function withId(route: string, id: string): string {
  return `${route}?id=${encodeURIComponent(id)}`;
}

export function messageLink(m: LinkedMessage): MessageLink | null {
  if (m.orderId) return { url: withId(MESSAGE_PAGES.orderDetail, m.orderId), label: '查看点单' };
  if (m.sourceId && WISH_KINDS.includes(m.kind)) return { url: withId(MESSAGE_PAGES.wishDetail, m.sourceId), label: '查看心愿' };
  if (m.sourceId && INSTRUCTION_KINDS.includes(m.kind)) return { url: withId(MESSAGE_PAGES.instructionDetail, m.sourceId), label: '查看指令' };
  return BY_KIND[m.kind] ?? null;
}

/**
 * subscribeMessage.send's `page`: a page of the app without the leading `/`, query allowed (`index?foo=bar`,
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * A message with no record of its own opens the message list.
 */
export function subscribePage(m: LinkedMessage): string {
  return (messageLink(m)?.url ?? MESSAGE_PAGES.messages).replace(/^\//, '');
}
