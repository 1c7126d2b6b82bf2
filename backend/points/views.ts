/** My points (the year's ledger page and my standing) and the rankings (community, grid, organisations, grids: the kept totals). */
import { AppError, invalid } from '../../shared/errors';
import { canViewCommunity } from '../../shared/points/permissions';
import type { AreaRankRow, AreaRankingInput, MemberRankRow, MemberRankingInput, MyPointsInput, MyPointsView } from '../../shared/points/schemas';
import { POINT_REASONS } from '../../shared/points/schemas';
import { shanghaiYear } from '../../shared/time';
import type { Page } from '../../shared/users/schemas';
import { areas, keptNode } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import type { Filter, GroupRow } from '../store/port';
import { requireCommunity } from './community';
import { heldPostIn } from './duty';
import { namesFor } from './names';
import { ledger, rollups, totals } from './repo';
import { placementOf } from './stamp';
import { totalId } from './totals';

const RANK_SORT: Array<[string, 1 | -1]> = [
  ['total', -1],
  ['memberId', 1],
];

/**
 * Rank and size of a ranking from one group of its totals by value (a few hundred distinct values at most), where
 * a count of the higher totals and a count of all would be two requests.
 */
async function standing(ctx: Pick<Ctx, 'store'>, scope: Filter, total: number): Promise<{ rank: number; rankedOf: number }> {
  return standingIn(await totals(ctx.store).group(scope, { by: ['total'] }), total);
}

function standingIn(rows: GroupRow[], total: number): { rank: number; rankedOf: number } {
  const above = rows.filter((r) => Number(r.key.total) > total).reduce((n, r) => n + r.count, 0);
  return { rank: above + 1, rankedOf: rows.reduce((n, r) => n + r.count, 0) };
}

const sum = <T>(list: T[], of: (x: T) => number): number => list.reduce((n, x) => n + of(x), 0);

/** The ledger page: a year of one member's entries fits in it, so their sum is the year's total (check:points). */
const LEDGER_PAGE = 200;

/**
 * Three requests: the caller (with the posts they held: the duty check), then the year's ledger page and the standing
 * in their community (one group of its totals) in parallel — the total and credits are the page's sums. The member's
 * kept total is read only when it cannot be had that way: a year longer than the page, or a past year, whose
 * ranking is the community the total was stamped with then. The community's name is kept warm.
 */
export async function myPoints(ctx: Ctx, input: MyPointsInput): Promise<MyPointsView> {
  const thisYear = shanghaiYear(ctx.now());
  const year = input.year ?? thisYear;
  const me = ctx.actor.userId;
  // This year's totals are stamped with the community of the member's grant (双报到 approval and transfer restamp them).
  const granted = year === thisYear ? (ctx.actor.roles.find((g) => g.role === 'member')?.areaId ?? null) : null;
  const [entries, rankedHere] = await Promise.all([
    ledger(ctx.store).find({ memberId: me, year }, { sort: [['at', -1]], limit: LEDGER_PAGE }),
    granted ? totals(ctx.store).group({ communityId: granted, year }, { by: ['total'] }) : null,
  ]);
  const complete = entries.length < LEDGER_PAGE;
  const kept = complete && granted ? null : await totals(ctx.store).get(totalId(me, year));
  const mine = kept ?? (entries.length ? { total: sum(entries, (e) => e.delta), credits: sum(entries, (e) => e.credit ?? 0), communityId: granted } : null);
  const placed = mine?.communityId ? mine : null;
  const [ranked, community] = await Promise.all([
    placed ? (rankedHere && placed.communityId === granted ? standingIn(rankedHere, placed.total) : standing(ctx, { communityId: placed.communityId, year }, placed.total)) : null,
    placed?.communityId ? keptNode(ctx.store, placed.communityId) : null,
  ]);
  const holdsPost = heldPostIn(ctx.actor.postStints, year);
  return {
    year,
    total: mine?.total ?? 0,
    rank: ranked?.rank ?? null,
    rankedOf: ranked?.rankedOf ?? 0,
    communityName: community?.name ?? null,
    duty: { served: (mine?.credits ?? 0) > 0, holdsPost },
    entries: entries.map((e) => ({
      id: e._id,
      delta: e.delta,
      reason: e.reason,
      reasonName: POINT_REASONS[e.reason],
      note: e.note,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      at: e.at,
    })),
  };
}

/**
 * The ranking's filter: the community asked for or mine; the grid asked for, or the one I work in or live in. Areas come
 * from the warm instance; a member's own grid (their 双报到 placement) is kept by it too, so a 双报到 approved or moved on
 * another instance shows here within WARM_TTL_MS.
 */
async function rankingScope(ctx: Ctx, input: MemberRankingInput, year: number): Promise<{ filter: Filter; name: string }> {
  if (input.scope === 'community') {
    const c = await requireCommunity(ctx, input.areaId, (p) => canViewCommunity(ctx.actor, p));
    return { filter: { communityId: c._id, year }, name: c.name };
  }
  const me = ctx.actor.userId;
  const gridId =
    input.areaId ??
    ctx.actor.roles.find((g) => g.role === 'grid_leader' || g.role === 'grid_worker')?.areaId ??
    (await warm(ctx.store, `points/placement/${me}`, async () => (await placementOf(ctx, me)).gridId));
  if (!gridId) throw invalid('areaId', '请选择网格');
  const grid = await keptNode(ctx.store, gridId);
  if (!grid || grid.retired) throw new AppError('NOT_FOUND', '网格不存在或已停用');
  if (grid.level !== 'grid') throw invalid('areaId', '请选择网格');
  if (!canViewCommunity(ctx.actor, grid.path)) throw new AppError('FORBIDDEN', '只能查看本社区的积分排行');
  return { filter: { gridId: grid._id, year }, name: grid.name };
}

/**
 * A page of the ranking in two requests besides the caller: the page, and beside it the ranking's size — a count on
 * page 1, whose first row ranks 1; on a later page one group of the ranking's totals by value, which gives both the
 * size and how many totals lie above the page's first (its rank). Areas, names and the member's grid come warm.
 */
export async function memberRanking(ctx: Ctx, input: MemberRankingInput): Promise<Page<MemberRankRow> & { year: number; areaName: string }> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const skip = (page - 1) * pageSize;
  const { filter, name } = await rankingScope(ctx, input, year);
  const [docs, size] = await Promise.all([
    totals(ctx.store).find(filter, { sort: RANK_SORT, limit: pageSize, skip }),
    page === 1 ? totals(ctx.store).count(filter) : totals(ctx.store).group(filter, { by: ['total'] }),
  ]);
  const names = await namesFor(ctx, docs);
  const first = docs[0];
  const { rank: firstRank, rankedOf: total } = typeof size === 'number' ? { rank: 1, rankedOf: size } : standingIn(size, first?.total ?? 0);
  let rank = firstRank;
  const items = docs.map((d, i) => {
    // Ties share a rank; after a tie the next rank skips ahead (1, 2, 2, 4).
    const prev = docs[i - 1];
    if (prev && prev.total !== d.total) rank = skip + i + 1;
    return { rank, memberId: d.memberId, name: d.name, gridName: (d.gridId && names.grid.get(d.gridId)) || '', orgName: (d.orgId && names.org.get(d.orgId)) || '', total: d.total };
  });
  return { items, total, page, pageSize, year, areaName: name };
}

function areaRows(rows: Array<{ id: string; name: string; total: number; members: number }>, skip: number): AreaRankRow[] {
  let rank = skip + 1;
  return rows.map((r, i) => {
    const prev = rows[i - 1];
    if (prev && prev.total !== r.total) rank = skip + i + 1;
    return { rank, id: r.id, name: r.name, total: r.total, members: r.members, perMember: r.members ? Math.round((r.total / r.members) * 10) / 10 : 0 };
  });
}

/** 单位排行: reporting organisations of the community by their members' points this year. */
export async function orgRanking(ctx: Ctx, input: AreaRankingInput): Promise<Page<AreaRankRow> & { year: number; communityName: string }> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const c = await requireCommunity(ctx, input.communityId, (p) => canViewCommunity(ctx.actor, p));
  const filter: Filter = { kind: 'org', communityId: c._id, year };
  const [docs, total] = await Promise.all([
    rollups(ctx.store).find(filter, {
      sort: [
        ['total', -1],
        ['_id', 1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    rollups(ctx.store).count(filter),
  ]);
  // Ranks across pages follow position; ties within a page share one.
  const items = areaRows(
    docs.map((d) => ({ id: d.refId, name: d.name, total: d.total, members: d.members })),
    (page - 1) * pageSize,
  );
  return { items, total, page, pageSize, year, communityName: c.name };
}

/** 网格汇总: every grid of the community (a handful), with its kept total; grids without points show 0. */
export async function gridRanking(ctx: Ctx, input: AreaRankingInput): Promise<Page<AreaRankRow> & { year: number; communityName: string }> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const c = await requireCommunity(ctx, input.communityId, (p) => canViewCommunity(ctx.actor, p));
  const [grids, docs] = await Promise.all([
    areas(ctx.store).find({ parentId: c._id }, { sort: [['order', 1]] }),
    rollups(ctx.store).find({ kind: 'grid', communityId: c._id, year }),
  ]);
  const kept = new Map(docs.map((d) => [d.refId, d]));
  const rows = grids
    .filter((g) => g.level === 'grid')
    .map((g) => ({ id: g._id, name: g.name, total: kept.get(g._id)?.total ?? 0, members: kept.get(g._id)?.members ?? 0 }))
    .sort((a, b) => b.total - a.total);
  const items = areaRows(rows, 0);
  return { items, total: items.length, page: 1, pageSize: items.length, year, communityName: c.name };
}
