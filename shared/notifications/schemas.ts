/** Inputs and views of the in-app message list (站内消息): list, unread badge, mark read. */
import * as z from 'zod/mini';
import { input, int, noInput } from '../validation';

export const MESSAGE_KINDS = {
  dispatched: '派给您的单',
  claimed: '您的点单已被接单',
  progress: '办理进展',
  completed: '已办结，请评价',
  reopened: '点单重办',
  overdue: '点单超时',
  newOrder: '新的点单待分拣',
  rejected: '点单未受理',
  declined: '党员婉拒派单',
  released: '点单退回抢单池',
  pointsDeclared: '新的积分申报待汇总',
  pointsForwarded: '积分申报待核实',
  pointsVerified: '积分申报已核实',
  pointsReturned: '积分申报被退回',
  pointsRejected: '积分申报未通过',
  pointsCorrected: '积分更正',
  registrationNew: '新的双报到待审核',
  registrationApproved: '双报到已通过',
  registrationRejected: '双报到未通过',
  /** A 楼栋 moved to another 社区 took the 双报到 along (backend/areas/rehome.ts). */
  registrationMoved: '报到社区已变更',
  wishReview: '新的微心愿待审核',
  wishPublished: '微心愿已发布',
  wishRejected: '微心愿未通过审核',
  wishClaimed: '微心愿已被认领',
  wishDelivered: '微心愿已送达，请确认',
  wishFulfilled: '微心愿已圆梦',
  wishLapsed: '微心愿认领已超期',
  instruction: '一键响应：请确认收到',
  instructionRemind: '一键响应提醒：尚未确认收到',
  emergencyOrder: '急时红色事项已进抢单池',
  /** 撤销角色 left an order without its holder or its node without anyone in charge (backend/users/handover.ts). */
  handedOver: '点单需重新安排',
} as const;
export type MessageKind = keyof typeof MESSAGE_KINDS;

export const listMessagesInput = input({ page: z.optional(int('页码', 1, 1000)), pageSize: z.optional(int('每页条数', 1, 50)) });
export const unreadInput = noInput;
export const markReadInput = noInput;

/**
 * WeChat's `wxa_media_check` message push, as a cloud function receives it (the fields the verdict needs;
 * others pass through): https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
export const mediaCheckedInput = z.looseObject({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().check(z.minLength(1), z.maxLength(128)),
  errcode: z.optional(z.number()),
  result: z.optional(z.looseObject({ suggest: z.optional(z.string()), label: z.optional(z.number()) })),
});
export type MediaCheckedInput = z.infer<typeof mediaCheckedInput>;
/** What the push said (`error`: a failed check), and whether a photo came off its record. */
export type MediaVerdict = 'pass' | 'risky' | 'review' | 'error';
export interface MediaChecked {
  verdict: MediaVerdict;
  hidden: boolean;
}

export interface MessageView {
  id: string;
  kind: MessageKind;
  title: string;
  body: string;
  orderId: string | null;
  sourceId: string | null;
  createdAt: number;
  unread: boolean;
}

export type ListMessagesInput = z.infer<typeof listMessagesInput>;
/**
 * A page of the inbox, newest first. It is not counted — the inbox only grows, and a count would be one more
 * request on every open — so `more` says whether another page follows; `unread` counts what came after lastReadAt.
 */
export interface MessagePage {
  items: MessageView[];
  page: number;
  pageSize: number;
  more: boolean;
  unread: number;
}
