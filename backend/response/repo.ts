/** Storage of 一键响应 and 平时/急时: `instructions`, one `receipts` doc per recipient, and the `mode_switches` history. */
import type { PhotoRef } from '../../shared/photos';
import type { CommunityMode, RecipientRole } from '../../shared/response/model';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface InstructionDoc {
  _id: string;
  title: string;
  text: string;
  attachment: PhotoRef | null;
  /** The node it was sent to; recipients are everyone with a chosen role in its subtree. */
  areaId: string;
  path: string;
  areaName: string;
  trail: string;
  roles: RecipientRole[];
  deadline: number;
  createdAt: number;
  createdBy: string;
  createdByName: string;
  /** Recipients resolved at send time, and how many have said 收到 (raised by each first ack). */
  total: number;
  acked: number;
  /** Who has been counted in `acked`, so a replayed 收到 effect counts nobody twice (docs/effects.md). */
  ackedBy?: string[];
  /** The recipients' user ids as resolved at send, so 提醒 finds who has not said 收到 (not in `ackedBy`) on this record; absent on instructions sent before. */
  recipients?: string[];
  lastRemindedAt: number | null;
  remindCount: number;
}

export interface ReceiptDoc {
  /** `${instructionId}:${userId}`: one per recipient, so a repeated send or ack writes nothing new. */
  _id: string;
  instructionId: string;
  userId: string;
  userName: string;
  role: RecipientRole;
  /** The grid the recipient answers to (a member's home grid, a worker's grid), or their community. */
  groupId: string;
  groupName: string;
  /** Copied from the instruction so the inbox needs no second read. */
  title: string;
  senderName: string;
  areaName: string;
  deadline: number;
  createdAt: number;
  ackedAt: number | null;
  reply: { text: string | null; photo: PhotoRef | null; at: number } | null;
}

/** The shape the dashboard reads to mark 急时 periods: keep it exactly. */
export interface ModeSwitchDoc {
  _id: string;
  communityId: string;
  path: string;
  mode: CommunityMode;
  reason: string;
  at: number;
  /** The user id of who switched. */
  by: string;
  /** Their name then, for the history (records stored before it was kept name `by` only). */
  byName?: string;
}

export const instructions = (store: DocumentStore): Collection<InstructionDoc> => store.collection<InstructionDoc>('instructions');
export const receipts = (store: DocumentStore): Collection<ReceiptDoc> => store.collection<ReceiptDoc>('receipts');
export const modeSwitches = (store: DocumentStore): Collection<ModeSwitchDoc> => store.collection<ModeSwitchDoc>('mode_switches');

export const receiptId = (instructionId: string, userId: string): string => `${instructionId}:${userId}`;

export const INDEXES: Record<string, IndexSpec[]> = {
  // Both carry effects (the recount of a recipient's instructions to acknowledge): the drain reads them by `fxAt`.
  instructions: [
    { fields: [['fxAt', 1]] },
    {
      fields: [
        ['path', 1],
        ['createdAt', -1],
      ],
    },
  ],
  receipts: [
    { fields: [['fxAt', 1]] },
    {
      fields: [
        ['userId', 1],
        ['ackedAt', 1],
        ['deadline', 1],
      ],
    },
    {
      fields: [
        ['userId', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['instructionId', 1],
        ['ackedAt', 1],
      ],
    },
  ],
  mode_switches: [
    {
      fields: [
        ['communityId', 1],
        ['at', -1],
      ],
    },
    {
      fields: [
        ['path', 1],
        ['at', -1],
      ],
    },
  ],
};
