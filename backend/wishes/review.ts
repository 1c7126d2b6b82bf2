/** 心愿审核: community staff list wishes in their communities, publish them with identifying details removed, or reject with a reason. */
import { AppError, invalid } from '../../shared/errors';
import { canReview, canSeeWish, isOwnWish, isWishStaff } from '../../shared/wishes/permissions';
import { identifyingDetail } from '../../shared/wishes/privacy';
import type { ApproveInput, RejectWishInput, ReviewListInput, WishMoved, WishPage } from '../../shared/wishes/schemas';
import { checkContent } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { WishDoc } from './repo';
import { wishes } from './repo';
import { moveWish, requireWish } from './transition';
import { toCard } from './views';

function staffPaths(ctx: Ctx): string[] {
  return ctx.actor.roles.filter((g) => g.role === 'community_staff').map((g) => g.areaPath);
}

/** Wishes of my communities in one status (default 待审核), oldest waiting first so nobody waits longest. */
export async function reviewList(ctx: Ctx, input: ReviewListInput): Promise<WishPage> {
  const scopes = staffPaths(ctx);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员可以审核心愿');
  const status = input.status ?? 'pending';
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { status, $or: scopes.map((p) => ({ path: { $prefix: p } })) };
  const direction = status === 'pending' ? 1 : -1;
  const [found, total] = await Promise.all([
    wishes(ctx.store).find(filter, {
      sort: [
        ['createdAt', direction],
        ['_id', direction],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    wishes(ctx.store).count(filter),
  ]);
  return { items: found.map((w) => toCard(ctx.actor, w, ctx.ports.files)), total, page, pageSize };
}

async function requireReviewable(ctx: Ctx, wishId: string): Promise<WishDoc> {
  const wish = await requireWish(ctx, wishId, (w) => canSeeWish(ctx.actor, w));
  if (!isWishStaff(ctx.actor, wish)) throw new AppError('FORBIDDEN', '只有本社区工作人员可以审核心愿');
  if (isOwnWish(ctx.actor, wish)) throw new AppError('FORBIDDEN', '不能审核自己的心愿，请由其他工作人员审核');
  if (!canReview(ctx.actor, wish)) throw new AppError('CONFLICT', '这个心愿已审核过了');
  return wish;
}

/** The board never shows the beneficiary's name, a phone number or a door number: refuse, naming the field. */
function assertAnonymous(wish: WishDoc, input: ApproveInput): void {
  const secrets = { beneficiaryName: wish.beneficiaryName, door: wish.door };
  for (const [field, label] of [
    ['title', '心愿标题'],
    ['story', '心愿故事'],
  ] as const) {
    const problem = identifyingDetail(input[field], secrets);
    if (problem) throw invalid(field, `${label}${problem}`);
  }
}

export async function approveWish(ctx: Ctx, input: ApproveInput): Promise<WishMoved> {
  const wish = await requireReviewable(ctx, input.wishId);
  assertAnonymous(wish, input);
  await checkContent(ctx, { title: input.title, story: input.story });
  return moveWish(ctx, wish, 'approve', {
    role: '社区工作人员',
    data: { edited: input.title !== wish.title || input.story !== wish.story },
    set: { publicTitle: input.title, publicStory: input.story, publishedAt: ctx.now() },
    conflict: '这个心愿已审核过了',
    effects: [notice(ctx, { to: [{ userId: wish.createdBy }], kind: 'wishPublished', body: `您的心愿「${input.title}」已发布到心愿墙，等待党员认领`, sourceId: wish._id })],
  });
}

export async function rejectWish(ctx: Ctx, input: RejectWishInput): Promise<WishMoved> {
  const wish = await requireReviewable(ctx, input.wishId);
  await checkContent(ctx, { reason: input.reason }, CONTENT_SCENES.comment);
  return moveWish(ctx, wish, 'reject', {
    role: '社区工作人员',
    note: input.reason,
    set: { rejectReason: input.reason },
    conflict: '这个心愿已审核过了',
    effects: [notice(ctx, { to: [{ userId: wish.createdBy }], kind: 'wishRejected', body: `您的心愿「${wish.title}」未通过审核：${input.reason}`, sourceId: wish._id })],
  });
}
