/**
 * 认领志愿服务岗: staff publish a standing post with N places; members claim and leave it. A claim is one move of the
 * post: `held` raised only while `held < slots` and only while the member holds no stint on it (`holding`), carrying
 * the stint's post_holders record — so neither capacity nor one member's double tap can overshoot, and no crash
 * leaves a place without its stint. Leaving is the same move backwards, ending the stint.
 */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { canManage, isMemberFor } from '../../shared/activities/permissions';
import type { PostCard, PostIdInput, PostsInput, PublishPostInput } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import { drainRefs } from '../records/drain';
import type { PendingRef } from '../records/effects';
import { withEffects } from '../records/move';
import { keyedId } from '../runtime/ids';
import { insertOnce } from '../runtime/keyed';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Deps, Prefetch } from '../runtime/types';
import type { Holding, PostDoc, PostHolderDoc } from './repo';
import { holdingKey, posts, stintKey } from './repo';
import type { ActivityMover } from './move';
import { createdAudit, movePost } from './move';
import { managerFilter, memberFilter, paging, placeFor } from './place';

const holdersOf = (p: PostDoc): Holding[] => Object.values(p.holding ?? {}).flatMap((h) => (h ? [h] : []));

function toPostCard(p: PostDoc, mine: Holding | null, holders: Holding[] = []): PostCard {
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
    holders: [...holders].sort((a, b) => a.since - b.since).map((h) => h.memberName),
  };
}

const mineOn = (p: PostDoc, memberId: string): Holding | null => p.holding?.[holdingKey(memberId)] ?? null;

/** Two requests in a warm instance: the caller and the insert carrying its audit record (areas are kept warm). */
export async function publishPost(ctx: Ctx, input: PublishPostInput): Promise<{ id: string }> {
  const place = await placeFor(ctx, input.areaId);
  const doc: PostDoc = {
    _id: keyedId('vp', ctx.actor.userId, input.requestKey, ctx.now()),
    ...place,
    title: input.title,
    description: input.description,
    slots: input.slots,
    held: 0,
    holding: {},
    pointsNote: input.pointsNote ?? null,
    status: 'open',
  };
  const audit = createdAudit(ctx, 'post', 'publishPost', doc, { title: doc.title, slots: doc.slots });
  // A resend of a keyed request lands on the same id: the first post answers, with no second audit record.
  const first = await insertOnce(posts(ctx.store), withEffects(ctx, 'posts', doc, [audit]), input.requestKey);
  return { id: (first ?? doc)._id };
}

/** Open posts of my community, each with whether I hold it (kept on the post: no other read). */
export async function listPosts(ctx: Ctx, input: PostsInput): Promise<Page<PostCard>> {
  const { page, pageSize, skip } = paging(input);
  const filter = { status: 'open', ...memberFilter(ctx.actor) };
  const [found, total] = await Promise.all([
    posts(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip,
    }),
    posts(ctx.store).count(filter),
  ]);
  return { items: found.map((p) => toPostCard(p, mineOn(p, ctx.actor.userId))), total, page, pageSize };
}

/** Staff: posts of my area with their current holders' names. */
export async function managePosts(ctx: Ctx, input: PostsInput): Promise<Page<PostCard>> {
  const { page, pageSize, skip } = paging(input);
  const filter = { status: 'open', ...managerFilter(ctx.actor) };
  const [found, total] = await Promise.all([
    posts(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip,
    }),
    posts(ctx.store).count(filter),
  ]);
  return { items: found.map((p) => toPostCard(p, null, holdersOf(p))), total, page, pageSize };
}

async function requirePost(ctx: Ctx, postId: string): Promise<PostDoc> {
  const post = await readOnce<PostDoc>(ctx, 'posts', postId);
  if (!post || !(isMemberFor(ctx.actor, post) || canManage(ctx.actor, post))) throw new AppError('NOT_FOUND', '岗位不存在或不在您的社区');
  if (!isMemberFor(ctx.actor, post)) throw new AppError('FORBIDDEN', '只有本社区已报到的在职党员可以认领岗位');
  return post;
}

const ALREADY = '您已认领这个岗位';

/** Why a claim was refused, read afresh. */
async function refused(ctx: Ctx, postId: string): Promise<AppError> {
  const now = await posts(ctx.store).get(postId);
  if (now && mineOn(now, ctx.actor.userId)) return new AppError('CONFLICT', ALREADY);
  if (!now || now.status !== 'open') return new AppError('CONFLICT', '岗位已关闭');
  if (now.held >= now.slots) return new AppError('CONFLICT', '岗位人数已满');
  return new AppError('CONFLICT', '认领的人太多了，请再试一次');
}

/** Three requests: the caller and the post read together, then the post's conditional write. */
export async function claimPost(ctx: Ctx, input: PostIdInput): Promise<PostCard> {
  const post = await requirePost(ctx, input.postId);
  if (mineOn(post, ctx.actor.userId)) throw new AppError('CONFLICT', ALREADY);
  if (post.status !== 'open') throw new AppError('CONFLICT', '岗位已关闭');
  const since = ctx.now();
  const key = holdingKey(ctx.actor.userId);
  // One stint per claim: the guard below lets a member hold one at a time, and the time tells their stints apart.
  const stint: PostHolderDoc = {
    _id: `${post._id}:${ctx.actor.userId}:${since.toString(36)}`,
    postId: post._id,
    memberId: ctx.actor.userId,
    memberName: ctx.actor.name,
    communityId: post.communityId,
    path: post.path,
    since,
    until: null,
  };
  const holding: Holding = { memberId: ctx.actor.userId, memberName: ctx.actor.name, since, stintId: stint._id };
  try {
    await movePost(ctx, post, 'claim', {
      guard: { slots: post.slots, held: { $lt: post.slots }, [`holding.${key}`]: null },
      inc: { held: 1 },
      set: { [`holding.${key}`]: holding },
      detail: { stintId: stint._id },
      effects: [
        { type: 'insert', collection: 'post_holders', doc: stint },
        { type: 'set', collection: 'users', id: stint.memberId, set: { [`postStints.${stintKey(stint._id)}`]: { since, until: null } } },
      ],
      conflict: '岗位人数已满',
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    throw await refused(ctx, post._id);
  }
  return toPostCard({ ...post, held: post.held + 1 }, holding);
}

/** The member's stint on the post ends: its place goes back and its post_holders record gets its end. */
function leave(mover: ActivityMover, post: PostDoc, h: Holding, moved: boolean): Promise<void> {
  const key = holdingKey(h.memberId);
  return movePost(mover, post, 'leave', {
    guard: { [`holding.${key}.stintId`]: h.stintId },
    inc: { held: -1 },
    set: { [`holding.${key}`]: null },
    detail: { stintId: h.stintId, ...(moved ? { moved } : {}) },
    effects: [
      { type: 'set', collection: 'post_holders', id: h.stintId, where: { until: null }, set: { until: mover.now() } },
      {
        type: 'set',
        collection: 'users',
        id: h.memberId,
        where: { [`postStints.${stintKey(h.stintId)}.until`]: null },
        set: { [`postStints.${stintKey(h.stintId)}.until`]: mover.now() },
      },
    ],
    conflict: '您没有认领这个岗位',
  });
}

export async function leavePost(ctx: Ctx, input: PostIdInput): Promise<PostCard> {
  const post = await requirePost(ctx, input.postId);
  const mine = mineOn(post, ctx.actor.userId);
  if (!mine) throw new AppError('CONFLICT', '您没有认领这个岗位');
  await leave(ctx, post, mine, false);
  return toPostCard({ ...post, held: post.held - 1 }, null);
}

/**
 * 转移: a member who moves away gives up the posts of the community they leave. Each stint ends now (the
 * history stays: it was held until today) and its place is given back; a stint already ended is left alone.
 * Run while an approval's effects are applied (backend/members/membership.ts): what these moves cause is applied now too.
 */
export async function endPostsIn(deps: Deps & { actor?: ActivityMover['actor'] }, memberId: string, communityPath: string): Promise<number> {
  const open = (await posts(deps.store).find({ status: 'open', path: { $prefix: communityPath } }, { limit: 200 })).filter((p) => isWithin(p.path, communityPath));
  const ended: PendingRef[] = [];
  for (const post of open) {
    const h = mineOn(post, memberId);
    if (!h) continue;
    try {
      await leave(deps, post, h, true);
      ended.push({ collection: 'posts', id: post._id });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // left meanwhile
    }
  }
  if (ended.length) await drainRefs(deps, ended);
  return ended.length;
}

/** Post actions name their post: the handler reads it beside the caller. */
export const thePost = (input: { postId: string }): Prefetch => ({ docs: [{ collection: 'posts', id: input.postId }] });
