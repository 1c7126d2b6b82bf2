/** The recipient's side of 一键响应: my inbox, 收到 (idempotent), a reply with text or a photo, and the home strip. */
import { AppError, invalid } from '../../shared/errors';
import { INSTRUCTION_LIMITS } from '../../shared/response/model';
import type { BannerView, InboxInput, InstructionIdInput, ReceiptCard, ReceiptPage, ReplyInput } from '../../shared/response/schemas';
import { areasOnPaths } from '../areas/repo';
import { checkContent, checkPhotos } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import { updateWithEffects } from '../records/move';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { CommunityNode } from './mode';
import { emergencyNotice, isEmergency } from './mode';
import type { ReceiptDoc } from './repo';
import { instructions, receiptId, receipts } from './repo';

export function toReceiptCard(r: ReceiptDoc, now: number): ReceiptCard {
  return {
    instructionId: r.instructionId,
    title: r.title,
    senderName: r.senderName,
    areaName: r.areaName,
    deadline: r.deadline,
    createdAt: r.createdAt,
    ackedAt: r.ackedAt,
    replied: r.reply !== null,
    overdue: r.ackedAt === null && r.deadline < now,
  };
}

/** My receipt for an instruction, or NOT_FOUND: someone who was not sent it learns nothing about it. */
async function requireReceipt(ctx: Ctx, instructionId: string): Promise<ReceiptDoc> {
  const r = await receipts(ctx.store).get(receiptId(instructionId, ctx.actor.userId));
  if (!r) throw new AppError('NOT_FOUND', '指令不存在或未发送给您');
  return r;
}

export async function inbox(ctx: Ctx, input: InboxInput): Promise<ReceiptPage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { userId: ctx.actor.userId };
  if (input.scope === 'open') filter.ackedAt = null;
  const [found, total] = await Promise.all([
    receipts(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    receipts(ctx.store).count(filter),
  ]);
  const now = ctx.now();
  return { items: found.map((r) => toReceiptCard(r, now)), total, page, pageSize };
}

/**
 * 收到: only the first tap writes (update where not yet acknowledged), and only that one raises the instruction's
 * count; the write carries the recount of the person's instructions to acknowledge (their 待办, docs/effects.md).
 */
async function acknowledge(ctx: Ctx, r: ReceiptDoc): Promise<number> {
  if (r.ackedAt !== null) return r.ackedAt;
  const now = ctx.now();
  const first = await updateWithEffects(ctx, 'receipts', r._id, { _id: r._id, ackedAt: null }, { $set: { ackedAt: now } }, [{ type: 'recount', what: 'unacked', ids: [r.userId] }]);
  if (first === 1) {
    await instructions(ctx.store).updateWhere({ _id: r.instructionId }, { $inc: { acked: 1 } });
    return now;
  }
  return (await receipts(ctx.store).get(r._id))?.ackedAt ?? now;
}

export async function ackInstruction(ctx: Ctx, input: InstructionIdInput): Promise<{ ackedAt: number }> {
  const r = await requireReceipt(ctx, input.instructionId);
  return { ackedAt: await acknowledge(ctx, r) };
}

/** A reply (text, a photo or both) also counts as 收到; a later reply replaces the earlier one. */
export async function replyInstruction(ctx: Ctx, input: ReplyInput): Promise<{ ackedAt: number; repliedAt: number }> {
  if (!input.text && !input.photo) throw invalid('text', '请填写回复内容或上传一张照片');
  const r = await requireReceipt(ctx, input.instructionId);
  await checkContent(ctx, { text: input.text }, CONTENT_SCENES.comment);
  const screened = await checkPhotos(ctx, 'photo', input.photo ? [input.photo] : [], CONTENT_SCENES.comment);
  const ackedAt = await acknowledge(ctx, r);
  const at = ctx.now();
  await receipts(ctx.store).updateWhere({ _id: r._id }, { $set: { reply: { text: input.text ?? null, photo: input.photo ?? null, at } } });
  if (input.photo) {
    const sent = await instructions(ctx.store).get(r.instructionId);
    await screened.register({ collection: 'receipts', recordId: r._id, field: 'reply.photo', targetType: 'instruction', areaPath: sent?.path ?? '/' });
  }
  return { ackedAt, repliedAt: at };
}

/** The home strip in one call: the caller's open instructions and any 急时 of the communities they belong to. */
export async function banner(ctx: Ctx): Promise<BannerView> {
  const now = ctx.now();
  const open: Filter = { userId: ctx.actor.userId, ackedAt: null, deadline: { $gte: now } };
  const [found, openCount, known] = await Promise.all([
    receipts(ctx.store).find(open, {
      sort: [
        ['deadline', 1],
        ['_id', 1],
      ],
      limit: INSTRUCTION_LIMITS.stripSize,
    }),
    receipts(ctx.store).count(open),
    areasOnPaths(
      ctx.store,
      ctx.actor.roles.map((g) => g.areaPath),
    ),
  ]);
  // `known` holds exactly the nodes on the caller's grant paths: their communities among them.
  const emergency = [...known.values()].filter((a) => a.level === 'community' && isEmergency(a)).map((a) => emergencyNotice(a as CommunityNode));
  return { emergency, open: found.map((r) => toReceiptCard(r, now)), openCount };
}
