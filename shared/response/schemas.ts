/** Inputs and views of the `response` function: 一键响应 (send, 收到, reply, remind, export) and 平时/急时. */
import * as z from 'zod/mini';
import { id, input, int, noInput, oneOf, text } from '../validation';
import { photoRef } from '../photos';
import type { Page } from '../users/schemas';
import type { CommunityMode, RecipientRole } from './model';
import { COMMUNITY_MODES, RECIPIENT_ROLES } from './model';

const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));
const instructionId = id('指令');

export const sendInstructionInput = input({
  areaId: id('发送范围'),
  roles: z.optional(
    z.array(oneOf('接收对象', RECIPIENT_ROLES), { error: '接收对象需为列表' }).check(z.minLength(1, '请至少选择一类接收对象'), z.maxLength(3, '接收对象最多 3 类')),
  ),
  title: text('标题', { min: 2, max: 40 }),
  text: text('指令内容', { min: 2, max: 1000 }),
  attachment: z.optional(photoRef),
  /** Epoch milliseconds; the server checks it lies ahead. */
  deadline: int('截止时间', 0, 4_102_444_800_000),
});
export const instructionIdInput = input({ instructionId });
export const sentInput = input({ page, pageSize });
export const inboxInput = input({ scope: z.optional(oneOf('范围', ['open', 'all'] as const)), page, pageSize });
export const replyInput = input({
  instructionId,
  text: z.optional(text('回复内容', { min: 1, max: 500 })),
  photo: z.optional(photoRef),
});
export const bannerInput = noInput;
export const modeStatusInput = input({ communityId: z.optional(id('社区')) });
export const switchModeInput = input({
  communityId: id('社区'),
  mode: oneOf('模式', COMMUNITY_MODES),
  reason: text('切换原因', { min: 2, max: 200 }),
});

export interface InstructionCard {
  id: string;
  title: string;
  summary: string;
  areaName: string;
  roleNames: string[];
  deadline: number;
  createdAt: number;
  senderName: string;
  total: number;
  acked: number;
  overdue: boolean;
}

/** One instruction as its recipient sees it in the inbox and on the home strip. */
export interface ReceiptCard {
  instructionId: string;
  title: string;
  senderName: string;
  areaName: string;
  deadline: number;
  createdAt: number;
  ackedAt: number | null;
  replied: boolean;
  overdue: boolean;
}

export interface ReplyView {
  text: string | null;
  photoUrl: string | null;
  at: number;
}

export interface RecipientView {
  userId: string;
  name: string;
  roleName: string;
  ackedAt: number | null;
  reply: ReplyView | null;
}

/** 按网格: one grid (or, for members without a grid, their community) and who there has acknowledged. */
export interface GridTally {
  key: string;
  name: string;
  total: number;
  acked: number;
  people: RecipientView[];
}

export interface InstructionDetail {
  id: string;
  title: string;
  text: string;
  attachmentUrl: string | null;
  areaName: string;
  trail: string;
  roleNames: string[];
  deadline: number;
  createdAt: number;
  senderName: string;
  overdue: boolean;
  /** The viewer's own receipt, when they are a recipient. */
  mine: { ackedAt: number | null; reply: ReplyView | null } | null;
  /** The sender's side (responders over the node): totals, per grid, and when 提醒 is next allowed. */
  tally: { total: number; acked: number; remindCount: number; lastRemindedAt: number | null; nextRemindAt: number | null; groups: GridTally[] } | null;
}

export interface EmergencyNotice {
  communityId: string;
  communityName: string;
  since: number;
  reason: string;
}

export interface BannerView {
  emergency: EmergencyNotice[];
  open: ReceiptCard[];
  openCount: number;
}

export interface ModeSwitchView {
  id: string;
  mode: CommunityMode;
  modeName: string;
  reason: string;
  at: number;
  byName: string;
}

export interface ModeStatusView {
  /** The community asked about (or the actor's own); null when the actor must pick one. */
  community: { id: string; name: string; trail: string; mode: CommunityMode; modeName: string; since: number | null; reason: string | null; canSwitch: boolean } | null;
  history: ModeSwitchView[];
  /** Communities in the actor's scope that are in 急时 now. */
  emergencies: EmergencyNotice[];
}

/** The replies export is the same kind of file as the 双报到台账. */
export type { ExportedFileView } from '../api';

export type SendInstructionInput = z.infer<typeof sendInstructionInput>;
export type InstructionIdInput = z.infer<typeof instructionIdInput>;
export type SentInput = z.infer<typeof sentInput>;
export type InboxInput = z.infer<typeof inboxInput>;
export type ReplyInput = z.infer<typeof replyInput>;
export type ModeStatusInput = z.infer<typeof modeStatusInput>;
export type SwitchModeInput = z.infer<typeof switchModeInput>;
export type { RecipientRole };
export type InstructionPage = Page<InstructionCard>;
export type ReceiptPage = Page<ReceiptCard>;
