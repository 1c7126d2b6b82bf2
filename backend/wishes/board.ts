/** 心愿墙 and the wish pages: a community's public board with this year's fulfilled count, a wish's detail, my wishes. */
import { BOARD_FILTERS, PUBLIC_STATUSES } from '../../shared/wishes/model';
import { canSeeWish, isPoster } from '../../shared/wishes/permissions';
import type { BoardInput, BoardView, MineInput, WishDetail, WishIdInput, WishPage } from '../../shared/wishes/schemas';
import { shanghaiYear } from '../../shared/time';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { claimingOrg, orgClaimable } from './org';
import { requireCommunity, viewerCommunity } from './place';
import { wishes } from './repo';
import { requireWish } from './transition';
import { toCard, toDetail } from './views';

/**
 * How many wishes match the board's filter, and how many the community fulfilled this year: one grouped read of the
 * community's public wishes by status, kind and year instead of two counts (every filter is within the public ones).
 */
async function boardCounts(
  ctx: Ctx,
  communityId: string,
  statuses: readonly string[],
  kind: string | undefined,
  year: number,
): Promise<{ total: number; fulfilledThisYear: number }> {
  const rows = await wishes(ctx.store).group({ communityId, status: { $in: [...PUBLIC_STATUSES] } }, { by: ['status', 'kind', 'fulfilledYear'] });
  let total = 0;
  let fulfilledThisYear = 0;
  for (const { key, count } of rows) {
    if (statuses.includes(String(key.status)) && (!kind || key.kind === kind)) total += count;
    if (key.status === 'fulfilled' && key.fulfilledYear === year) fulfilledThisYear += count;
  }
  return { total, fulfilledThisYear };
}

/**
 * Anyone signed in may read any community's board: it only ever carries the public view. A card's `canClaim` is a
 * personal claim (what the card's button does); claiming for an organisation is offered on the detail page.
 */
export async function board(ctx: Ctx, input: BoardInput): Promise<BoardView> {
  const community = input.communityId ? await requireCommunity(ctx, input.communityId) : await viewerCommunity(ctx);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const year = shanghaiYear(ctx.now());
  const statuses = input.filter ? BOARD_FILTERS[input.filter].statuses : PUBLIC_STATUSES;
  const filter: Filter = { communityId: community._id, status: { $in: [...statuses] } };
  if (input.kind) filter.kind = input.kind;
  const [found, counts] = await Promise.all([
    wishes(ctx.store).find(filter, {
      sort: [
        ['publishedAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    boardCounts(ctx, community._id, statuses, input.kind, year),
  ]);
  const items = found.map((w) => toCard(ctx.actor, w, ctx.ports.files));
  return { items, total: counts.total, page, pageSize, community: { id: community._id, name: community.name }, year, fulfilledThisYear: counts.fulfilledThisYear };
}

export async function wishDetail(ctx: Ctx, input: WishIdInput): Promise<WishDetail> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  const mayClaimAsOrg = wish.status === 'published' && !isPoster(ctx.actor, wish) ? orgClaimable(ctx, wish, await claimingOrg(ctx, wish.communityId)) : false;
  return toDetail(ctx.actor, wish, ctx.ports.files, mayClaimAsOrg);
}

/** 我的心愿: posted by me (every status, so I see 待审核 and the reason for 未通过), or claimed by me. */
export async function myWishes(ctx: Ctx, input: MineInput): Promise<WishPage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [filter, sortBy]: [Filter, string] = input.scope === 'posted' ? [{ createdBy: ctx.actor.userId }, 'createdAt'] : [{ claimantId: ctx.actor.userId }, 'claimedAt'];
  const [found, total] = await Promise.all([
    wishes(ctx.store).find(filter, {
      sort: [
        [sortBy, -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    wishes(ctx.store).count(filter),
  ]);
  return { items: found.map((w) => toCard(ctx.actor, w, ctx.ports.files)), total, page, pageSize };
}
