/** The sender's side of 一键响应: instructions sent in my subtree, who has acknowledged per grid, 提醒, and the replies as xlsx. */
import { AppError } from '../../shared/errors';
import type { RecipientRole } from '../../shared/response/model';
import { INSTRUCTION_LIMITS } from '../../shared/response/model';
import { canSeeTally } from '../../shared/response/permissions';
import type {
  ExportedFileView,
  GridTally,
  InstructionCard,
  InstructionDetail,
  InstructionIdInput,
  InstructionPage,
  RecipientView,
  ReplyView,
  SentInput,
} from '../../shared/response/schemas';
import { formatWhen } from '../../shared/time';
import { staffScopes } from '../../shared/users/permissions';
import { ROLE_NAMES } from '../../shared/users/roles';
import { recordAudit } from '../audit/record';
import { exportXlsx, scanAll, sheetTime, tableSheet } from '../exports/xlsx';
import type { FileStore } from '../ports/types';
import { audited, notice } from '../records/make';
import { updateWithEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import type { InstructionDoc, ReceiptDoc } from './repo';
import { instructions, receiptId, receipts } from './repo';

const REMIND_MS = INSTRUCTION_LIMITS.remindEveryMinutes * 60_000;
const roleNamesOf = (roles: RecipientRole[]) => roles.map((r) => ROLE_NAMES[r]);

function toCard(i: InstructionDoc, now: number): InstructionCard {
  return {
    id: i._id,
    title: i.title,
    summary: i.text.length > 60 ? `${i.text.slice(0, 60)}…` : i.text,
    areaName: i.areaName,
    roleNames: roleNamesOf(i.roles),
    deadline: i.deadline,
    createdAt: i.createdAt,
    senderName: i.createdByName,
    total: i.total,
    acked: i.acked,
    overdue: i.deadline < now && i.acked < i.total,
  };
}

function replyView(r: ReceiptDoc, files: FileStore): ReplyView | null {
  return r.reply ? { text: r.reply.text, photoUrl: r.reply.photo ? files.url(r.reply.photo.fileId) : null, at: r.reply.at } : null;
}

/** Instructions sent to nodes inside the caller's subtree (by anyone there or above), newest first. */
export async function sentInstructions(ctx: Ctx, input: SentInput): Promise<InstructionPage> {
  const scopes = staffScopes(ctx.actor).filter((p) => canSeeTally(ctx.actor, p));
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以查看一键响应');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { $or: scopes.map((p) => ({ path: { $prefix: p } })) };
  const [found, total] = await Promise.all([
    instructions(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    instructions(ctx.store).count(filter),
  ]);
  const now = ctx.now();
  return { items: found.map((i) => toCard(i, now)), total, page, pageSize };
}

/** Every receipt of an instruction (bounded by the recipient cap at send time). */
const allReceipts = (ctx: Ctx, id: string) => receipts(ctx.store).find({ instructionId: id }, { sort: [['_id', 1]], limit: INSTRUCTION_LIMITS.maxRecipients });

/** 按网格: the not-yet people first within each grid, grids with the most missing first. */
function tallyByGrid(list: ReceiptDoc[], files: FileStore): GridTally[] {
  const groups = new Map<string, GridTally>();
  for (const r of list) {
    const g = groups.get(r.groupId) ?? { key: r.groupId, name: r.groupName, total: 0, acked: 0, people: [] };
    g.total++;
    if (r.ackedAt !== null) g.acked++;
    const person: RecipientView = { userId: r.userId, name: r.userName, roleName: ROLE_NAMES[r.role], ackedAt: r.ackedAt, reply: replyView(r, files) };
    g.people.push(person);
    groups.set(r.groupId, g);
  }
  for (const g of groups.values()) g.people.sort((a, b) => Number(a.ackedAt !== null) - Number(b.ackedAt !== null) || a.name.localeCompare(b.name, 'zh'));
  return [...groups.values()].sort((a, b) => b.total - b.acked - (a.total - a.acked) || a.name.localeCompare(b.name, 'zh'));
}

export async function instructionDetail(ctx: Ctx, input: InstructionIdInput): Promise<InstructionDetail> {
  const doc = await instructions(ctx.store).get(input.instructionId);
  const sender = doc !== null && canSeeTally(ctx.actor, doc.path);
  // The sender's side reads every receipt, the viewer's own among them; a recipient reads only theirs.
  const list = doc && sender ? await allReceipts(ctx, doc._id) : null;
  const own = receiptId(input.instructionId, ctx.actor.userId);
  const mine = list ? (list.find((r) => r._id === own) ?? null) : doc ? await receipts(ctx.store).get(own) : null;
  if (!doc || (!sender && !mine)) throw new AppError('NOT_FOUND', '指令不存在或未发送给您');
  const now = ctx.now();
  let tally: InstructionDetail['tally'] = null;
  if (list) {
    const acked = list.filter((r) => r.ackedAt !== null).length;
    const nextRemindAt = doc.lastRemindedAt === null ? null : doc.lastRemindedAt + REMIND_MS;
    tally = { total: list.length, acked, remindCount: doc.remindCount, lastRemindedAt: doc.lastRemindedAt, nextRemindAt, groups: tallyByGrid(list, ctx.ports.files) };
  }
  return {
    id: doc._id,
    title: doc.title,
    text: doc.text,
    attachmentUrl: doc.attachment ? ctx.ports.files.url(doc.attachment.fileId) : null,
    areaName: doc.areaName,
    trail: doc.trail,
    roleNames: roleNamesOf(doc.roles),
    deadline: doc.deadline,
    createdAt: doc.createdAt,
    senderName: doc.createdByName,
    overdue: doc.deadline < now,
    mine: mine ? { ackedAt: mine.ackedAt, reply: replyView(mine, ctx.ports.files) } : null,
    tally,
  };
}

async function requireSenderView(ctx: Ctx, id: string): Promise<InstructionDoc> {
  const doc = await readOnce<InstructionDoc>(ctx, 'instructions', id);
  if (!doc) throw new AppError('NOT_FOUND', '指令不存在');
  if (!canSeeTally(ctx.actor, doc.path)) throw new AppError('FORBIDDEN', '只有发送区域的社区工作人员或街道管理员可以操作');
  return doc;
}

/** The instruction read beside the caller (backend/runtime/types.ts Prefetch): 提醒 is then the caller and the instruction, and the write. */
export const remindPrefetch = (input: InstructionIdInput): Prefetch => ({ docs: [{ collection: 'instructions', id: input.instructionId }] });

/**
 * Who has not said 收到: the recipients kept on the instruction less `ackedBy`, with no receipt read. `ackedBy` is raised by the
 * 收到's effect, so someone who answered in the seconds before its drain may be reminded once more. Instructions sent before
 * the recipients were kept read their receipts.
 */
async function notAnswered(ctx: Ctx, doc: InstructionDoc): Promise<string[]> {
  if (doc.recipients) {
    const acked = new Set(doc.ackedBy ?? []);
    return doc.recipients.filter((id) => !acked.has(id));
  }
  const open = await receipts(ctx.store).find({ instructionId: doc._id, ackedAt: null }, { limit: INSTRUCTION_LIMITS.maxRecipients });
  return open.map((r) => r.userId);
}

/** 提醒: notify everyone not yet acknowledged; at most once per 30 minutes per instruction (a conditional update decides). */
export async function remindInstruction(ctx: Ctx, input: InstructionIdInput): Promise<{ reminded: number }> {
  const doc = await requireSenderView(ctx, input.instructionId);
  const missing = await notAnswered(ctx, doc);
  if (missing.length === 0) throw new AppError('CONFLICT', '所有人都已确认收到，无需提醒');
  const now = ctx.now();
  // The messages and the audit entry ride on the write that wins the 30 minutes (docs/effects.md).
  const effects = [
    notice(ctx, { to: missing.map((userId) => ({ userId })), kind: 'instructionRemind', body: `${doc.title}（截止 ${formatWhen(doc.deadline, now)}）`, sourceId: doc._id }),
    audited(ctx, { action: 'response.remind', targetType: 'instruction', targetId: doc._id, areaPath: doc.path, detail: { reminded: missing.length } }),
  ];
  const won = await updateWithEffects(
    ctx,
    'instructions',
    doc._id,
    { _id: doc._id, $or: [{ lastRemindedAt: null }, { lastRemindedAt: { $lte: now - REMIND_MS } }] },
    { $set: { lastRemindedAt: now }, $inc: { remindCount: 1 } },
    effects,
  );
  if (won !== 1) {
    const fresh = await instructions(ctx.store).get(doc._id);
    const wait = Math.max(1, Math.ceil(((fresh?.lastRemindedAt ?? now) + REMIND_MS - now) / 60_000));
    throw new AppError('RATE_LIMITED', `每 ${INSTRUCTION_LIMITS.remindEveryMinutes} 分钟只能提醒一次，请 ${wait} 分钟后再试`);
  }
  return { reminded: missing.length };
}

/** 导出回复: one row per recipient, grid by grid, streamed into an xlsx. */
export async function exportReplies(ctx: Ctx, input: InstructionIdInput): Promise<ExportedFileView> {
  const doc = await requireSenderView(ctx, input.instructionId);
  const file = await exportXlsx(ctx, {
    title: `一键响应回复-${doc.title}`,
    sheets: [
      tableSheet<ReceiptDoc>(
        '回复',
        [
          ['网格', 28, (r) => r.groupName],
          ['姓名', 12, (r) => r.userName],
          ['身份', 12, (r) => ROLE_NAMES[r.role]],
          ['状态', 10, (r) => (r.ackedAt === null ? '未收到' : '已收到')],
          ['收到时间', 18, (r) => sheetTime(r.ackedAt)],
          ['回复', 40, (r) => r.reply?.text ?? ''],
          ['照片', 30, (r) => (r.reply?.photo ? ctx.ports.files.url(r.reply.photo.fileId) : '')],
          ['回复时间', 18, (r) => sheetTime(r.reply?.at)],
        ],
        scanAll(receipts(ctx.store), { instructionId: doc._id }),
      ),
    ],
  });
  await recordAudit(ctx, { action: 'response.export', targetType: 'instruction', targetId: doc._id, areaPath: doc.path, detail: { rows: file.rows } });
  return file;
}
