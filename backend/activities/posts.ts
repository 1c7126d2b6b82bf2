/**
 * 认领志愿服务岗: staff publish a standing post with N places; members claim and leave it. A claim raises
 * `held` only while `held < slots` and writes the stint under a derived id, so neither capacity nor one
 * member's double tap can overshoot; a lost insert gives its place back. Publishing with a request key: a resend
 * answers as the first did, with no second post or audit entry.
 */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { canManage, isMemberFor } from '../../shared/activities/permissions';
import type { PostCard, PostIdInput, PostsInput, PublishPostInput } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import { recordAudit } from '../audit/record';
import { keyedId } from '../runtime/ids';
import { firstWrite, insertOnce } from '../runtime/keyed';
import type { Ctx, Deps } from '../runtime/types';
import type { PostDoc, PostHolderDoc } from './repo';
import { postHolders, posts } from './repo';
import { managerFilter, memberFilter, paging, placeFor } from './place';

function toPostCard(p: PostDoc, mine: PostHolderDoc | null, holders: PostHolderDoc[] = []): PostCard {
  return {
    id: p._id,
    title: p.title,
    description: p.description,
    areaName: p.areaName,
    slots: p.slots,
    held: p.held,
    pointsNote: p.pointsNote,
    mine: mine !== null,
    since: mine?.since ?? null,
    holders: holders.map((h) => h.memberName),
  };
}

export async function publishPost(ctx: Ctx, input: PublishPostInput): Promise<{ id: string }> {
  const id = keyedId('vp', ctx.actor.userId, input.requestKey, ctx.now());
  const found = await firstWrite(posts(ctx.store), id, input.requestKey, () => placeFor(ctx, input.areaId));
  if (found.first) return { id: found.first._id };
  const place = found.read;
  const doc: PostDoc = {
    _id: id,
    ...place,
    title: input.title,
    description: input.description,
    slots: input.slots,
    held: 0,
    pointsNote: input.pointsNote ?? null,
    status: 'open',
  };
  const first = await insertOnce(posts(ctx.store), doc, input.requestKey);
  if (first) return { id: first._id };
  await recordAudit(ctx, { action: 'activities.publishPost', targetType: 'post', targetId: doc._id, areaPath: doc.path, detail: { title: doc.title, slots: doc.slots } });
  return { id: doc._id };
}

/** Open posts of my community, each with whether I hold it. */
export async function listPosts(ctx: Ctx, input: PostsInput): Promise<Page<PostCard>> {
  const { page, pageSize, skip } = paging(input);
  const filter = { status: 'open', ...memberFilter(ctx.actor) };
  const [found, total, held] = await Promise.all([
    posts(ctx.store).find(filter, { sort: [['createdAt', -1], ['_id', -1]], limit: pageSize, skip }),
    posts(ctx.store).count(filter),
    postHolders(ctx.store).find({ memberId: ctx.actor.userId, until: null }, { limit: 200 }),
  ]);
  const mine = new Map(held.map((h) => [h.postId, h]));
  return { items: found.map((p) => toPostCard(p, mine.get(p._id) ?? null)), total, page, pageSize };
}

/** Staff: posts of my area with their current holders' names. */
export async function managePosts(ctx: Ctx, input: PostsInput): Promise<Page<PostCard>> {
  const { page, pageSize, skip } = paging(input);
  const filter = { status: 'open', ...managerFilter(ctx.actor) };
  const [found, total] = await Promise.all([
    posts(ctx.store).find(filter, { sort: [['createdAt', -1], ['_id', -1]], limit: pageSize, skip }),
    posts(ctx.store).count(filter),
  ]);
  const holders = found.length ? await postHolders(ctx.store).find({ postId: { $in: found.map((p) => p._id) }, until: null }, { sort: [['since', 1]] }) : [];
  return { items: found.map((p) => toPostCard(p, null, holders.filter((h) => h.postId === p._id))), total, page, pageSize };
}

async function requirePost(ctx: Ctx, postId: string): Promise<PostDoc> {
  const post = await posts(ctx.store).get(postId);
  if (!post || !(isMemberFor(ctx.actor, post) || canManage(ctx.actor, post))) throw new AppError('NOT_FOUND', '岗位不存在或不在您的社区');
  if (!isMemberFor(ctx.actor, post)) throw new AppError('FORBIDDEN', '只有本社区已报到的在职党员可以认领岗位');
  return post;
}

export async function claimPost(ctx: Ctx, input: PostIdInput): Promise<PostCard> {
  const [post, stints] = await Promise.all([
    requirePost(ctx, input.postId),
    postHolders(ctx.store).find({ postId: input.postId, memberId: ctx.actor.userId }, { limit: 100 }),
  ]);
  const duplicate = new AppError('CONFLICT', '您已认领这个岗位');
  if (stints.some((h) => h.until === null)) throw duplicate;
  if (post.status !== 'open') throw new AppError('CONFLICT', '岗位已关闭');
  const taken = await posts(ctx.store).updateWhere({ _id: post._id, status: 'open', slots: post.slots, held: { $lt: post.slots } }, { $inc: { held: 1 } });
  if (taken !== 1) throw new AppError('CONFLICT', '岗位人数已满');
  const since = ctx.now();
  const stint: PostHolderDoc = {
    _id: `${post._id}:${ctx.actor.userId}:${stints.length + 1}`,
    postId: post._id,
    memberId: ctx.actor.userId,
    memberName: ctx.actor.name,
    communityId: post.communityId,
    path: post.path,
    since,
    until: null,
  };
  if (!(await postHolders(ctx.store).insertIfAbsent(stint))) {
    await posts(ctx.store).updateWhere({ _id: post._id }, { $inc: { held: -1 } });
    throw duplicate;
  }
  return toPostCard({ ...post, held: post.held + 1 }, stint);
}

export async function leavePost(ctx: Ctx, input: PostIdInput): Promise<PostCard> {
  const [post, active] = await Promise.all([
    requirePost(ctx, input.postId),
    postHolders(ctx.store).find({ postId: input.postId, memberId: ctx.actor.userId, until: null }, { limit: 1 }),
  ]);
  const stint = active[0];
  const ended = stint ? await postHolders(ctx.store).updateWhere({ _id: stint._id, until: null }, { $set: { until: ctx.now() } }) : 0;
  if (ended !== 1) throw new AppError('CONFLICT', '您没有认领这个岗位');
  await posts(ctx.store).updateWhere({ _id: post._id }, { $inc: { held: -1 } });
  return toPostCard({ ...post, held: post.held - 1 }, null);
}

/**
 * 转移: a member who moves away gives up the posts of the community they leave. Each stint ends now (the
 * history stays: it was held until today) and its place is given back; a stint already ended is left alone.
 */
export async function endPostsIn(deps: Pick<Deps, 'store' | 'now'>, memberId: string, communityPath: string): Promise<number> {
  const open = (await postHolders(deps.store).find({ memberId, until: null }, { limit: 200 })).filter((h) => isWithin(h.path, communityPath));
  let ended = 0;
  for (const stint of open) {
    if ((await postHolders(deps.store).updateWhere({ _id: stint._id, until: null }, { $set: { until: deps.now() } })) !== 1) continue;
    await posts(deps.store).updateWhere({ _id: stint.postId }, { $inc: { held: -1 } });
    ended++;
  }
  return ended;
}
