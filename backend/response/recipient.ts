/** The recipient's side of 一键响应: my inbox, 收到 (idempotent), a reply with text or a photo, and the home strip. */
import { AppError, invalid } from '../../shared/errors';
import { INSTRUCTION_LIMITS } from '../../shared/response/model';
import type { BannerView, InboxInput, InstructionIdInput, ReceiptCard, ReceiptPage, ReplyInput } from '../../shared/response/schemas';
import { keptOnPaths } from '../areas/levels';
import { checkContent, checkPhotos } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import type { Effect } from '../records/effects';
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
 * What 收到 causes, carried by the receipt's write (docs/effects.md): the recount of the person's instructions to acknowledge
 * (their 待办), and the instruction's count raised once per person (conditional on their id not yet in `ackedBy`).
 */
function ackEffects(r: ReceiptDoc): Effect[] {
  return [
    { type: 'recount', what: 'unacked', ids: [r.userId] },
    {
      type: 'update',
      collection: 'instructions',
      id: r.instructionId,
      where: { ackedBy: { $hasNone: [r.userId] } },
      patch: { $inc: { acked: 1 }, $pushAll: { ackedBy: [r.userId] } },
    },
  ];
}

/** 收到, with `set` besides (a reply): only the first tap acknowledges (update where not yet acknowledged); one write either way. */
async function acknowledge(ctx: Ctx, r: ReceiptDoc, set: Record<string, unknown> = {}): Promise<number> {
  const now = ctx.now();
  if (r.ackedAt === null) {
    if ((await updateWithEffects(ctx, 'receipts', r._id, { _id: r._id, ackedAt: null }, { $set: { ackedAt: now, ...set } }, ackEffects(r))) === 1) return now;
  } else if (Object.keys(set).length === 0) return r.ackedAt;
  // Acknowledged before (or by a tap racing this one): only `set` is left to write.
  if (Object.keys(set).length) await receipts(ctx.store).updateWhere({ _id: r._id }, { $set: set });
  return r.ackedAt ?? (await receipts(ctx.store).get(r._id))?.ackedAt ?? now;
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
  const at = ctx.now();
  const ackedAt = await acknowledge(ctx, r, { reply: { text: input.text ?? null, photo: input.photo ?? null, at } });
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
    // From the warm instance: a 急时 switch reaches the strip within WG_WARM_TTL_MS (docs/effects.md).
    keptOnPaths(
      ctx.store,
      ctx.actor.roles.map((g) => g.areaPath),
    ),
  ]);
  // `known` holds exactly the nodes on the caller's grant paths: their communities among them.
  const emergency = [...known.values()].filter((a) => a.level === 'community' && isEmergency(a)).map((a) => emergencyNotice(a as CommunityNode));
  return { emergency, open: found.map((r) => toReceiptCard(r, now)), openCount };
}
