/**
 * 政和 积分奉献机制's yearly duty: every in-work member serves the community at least once a year (any credit
 * that year) and holds at least one volunteer post (认领志愿服务岗) — who is behind, and the year-end export
 * for 评优评先.
 */
import { isPointsStaffAt } from '../../shared/points/permissions';
import type { DutyInput, DutyRow, DutyView, ExportInput, ExportView } from '../../shared/points/schemas';
import type { Area } from '../../shared/areas/model';
import type { PostStint } from '../../shared/users/roles';
import { shanghaiYear, shanghaiYearStart } from '../../shared/time';
import { posts } from '../activities/repo';
import { recordAudit } from '../audit/record';
import { exportXlsx, scanAll, tableSheet } from '../exports/xlsx';
import type { Ctx } from '../runtime/types';
import { keptByIds } from '../runtime/warm';
import { users } from '../users/repo';
import { requireCommunity } from './community';
import { rollups, totals } from './repo';
import { namesFor } from './names';

/** The same test on the stints kept on the member's record (`postStints`): no read. */
export function heldPostIn(stints: Record<string, PostStint> | undefined, year: number): boolean {
  const [start, end] = [shanghaiYearStart(year), shanghaiYearStart(year + 1)];
  return Object.values(stints ?? {}).some((s) => (s.since ?? 0) < end && (s.until === null || s.until === undefined || s.until >= start));
}

interface RosterRow extends DutyRow {
  rank: number;
  credits: number;
}

/** The post a stint kept on its member's record is on: the stint's id is `<post>:<member>:<since>` (activities/posts.ts). */
function postOfStint(key: string, memberId: string): string {
  const id = Buffer.from(key.slice(1), 'hex').toString('utf8');
  return id.slice(0, id.lastIndexOf(':')).slice(0, -(memberId.length + 1));
}

/**
 * The community's in-work members — everyone holding the member role on it (a 双报到 approval grants it, as does
 * staff by hand) — with their year's total, credits and post. Two reads side by side: the members (with the
 * stints kept on their records) and the community's totals of the year (placed there with their grid and
 * organisation); the posts of the stints, whose community never changes, from the warm instance. Never the ledger.
 */
async function roster(ctx: Ctx, community: Area, year: number): Promise<RosterRow[]> {
  const people = new Map<string, { name: string; stints: Record<string, PostStint> }>();
  const kept = new Map<string, { total: number; credits: number; gridId: string | null; orgId: string | null }>();
  await Promise.all([
    (async () => {
      for await (const u of scanAll(users(ctx.store), { roleAreaIds: { $has: community._id } })) {
        if (u.roles.some((g) => g.role === 'member' && g.areaId === community._id)) people.set(u._id, { name: u.name, stints: u.postStints ?? {} });
      }
    })(),
    (async () => {
      for await (const t of scanAll(totals(ctx.store), { communityId: community._id, year })) kept.set(t.memberId, t);
    })(),
  ]);
  // Stints held some time in the year, and the posts they are on: only this community's posts count.
  const held = [...people].flatMap(([memberId, p]) =>
    Object.entries(p.stints)
      .filter(([key, stint]) => heldPostIn({ [key]: stint }, year))
      .map(([key]) => ({ memberId, postId: postOfStint(key, memberId) })),
  );
  const postIds = [...new Set(held.map((h) => h.postId))];
  const found = postIds.length ? await keptByIds(ctx.store, 'posts/community/', postIds, (ids) => posts(ctx.store).find({ _id: { $in: ids } })) : [];
  const here = new Set(found.filter((p) => p.communityId === community._id).map((p) => p._id));
  const posted = new Set(held.filter((h) => here.has(h.postId)).map((h) => h.memberId));

  const base = [...people].map(([memberId, p]) => {
    const t = kept.get(memberId);
    return { memberId, name: p.name, gridId: t?.gridId ?? null, orgId: t?.orgId ?? null, total: t?.total ?? 0, credits: t?.credits ?? 0 };
  });
  const names = await namesFor(ctx, base);
  base.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 1;
  return base.map((m, i) => {
    const prev = base[i - 1];
    if (prev && prev.total !== m.total) rank = i + 1;
    return {
      rank,
      memberId: m.memberId,
      name: m.name,
      gridName: (m.gridId && names.grid.get(m.gridId)) || '',
      orgName: (m.orgId && names.org.get(m.orgId)) || '',
      total: m.total,
      credits: m.credits,
      served: m.credits > 0,
      holdsPost: posted.has(m.memberId),
    };
  });
}

const behind = (r: DutyRow) => !r.served || !r.holdsPost;

export async function dutyCheck(ctx: Ctx, input: DutyInput): Promise<DutyView> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const community = await requireCommunity(ctx, input.communityId, (p) => isPointsStaffAt(ctx.actor, p));
  const all = await roster(ctx, community, year);
  // Who is behind comes first, then by name.
  const ordered = [...all].sort((a, b) => Number(behind(b)) - Number(behind(a)) || a.name.localeCompare(b.name, 'zh-CN'));
  const shown = input.behindOnly ? ordered.filter(behind) : ordered;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const items = shown.slice((page - 1) * pageSize, page * pageSize).map(({ rank: _rank, credits: _credits, ...row }) => row);
  return {
    items,
    total: shown.length,
    page,
    pageSize,
    year,
    communityName: community.name,
    members: all.length,
    served: all.filter((r) => r.served).length,
    holdingPost: all.filter((r) => r.holdsPost).length,
    complete: all.filter((r) => !behind(r)).length,
  };
}

/** Year-end workbook for 评优评先: members by points with their duty, organisations, grids. */
export async function exportYear(ctx: Ctx, input: ExportInput): Promise<ExportView> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const community = await requireCommunity(ctx, input.communityId, (p) => isPointsStaffAt(ctx.actor, p));
  const rows = await roster(ctx, community, year);
  const yes = (b: boolean) => (b ? '是' : '否');
  const area = (kind: 'org' | 'grid') => scanAll(rollups(ctx.store), { kind, communityId: community._id, year });
  async function* areaRows(kind: 'org' | 'grid') {
    for await (const r of area(kind)) yield { name: r.name, total: r.total, members: r.members, perMember: r.members ? Math.round((r.total / r.members) * 10) / 10 : 0 };
  }
  const areaColumns = (label: string) => [
    { header: label, key: 'name', width: 28 },
    { header: '年度积分', key: 'total', width: 12 },
    { header: '党员数', key: 'members', width: 10 },
    { header: '人均积分', key: 'perMember', width: 12 },
  ];
  const file = await exportXlsx(ctx, {
    title: `${community.name}${year}年度党员积分`,
    sheets: [
      tableSheet(
        '党员积分',
        [
          ['排名', 8, (r) => r.rank],
          ['姓名', 12, (r) => r.name],
          ['网格', 12, (r) => r.gridName],
          ['报到单位', 28, (r) => r.orgName],
          ['年度积分', 10, (r) => r.total],
          ['服务次数', 10, (r) => r.credits],
          ['下沉服务', 10, (r) => yes(r.served)],
          ['认领岗位', 10, (r) => yes(r.holdsPost)],
          ['年度履责', 10, (r) => (behind(r) ? '未达标' : '达标')],
        ],
        rows,
      ),
      { name: '单位排行', columns: areaColumns('报到单位'), rows: areaRows('org') },
      { name: '网格汇总', columns: areaColumns('网格'), rows: areaRows('grid') },
    ],
  });
  await recordAudit(ctx, { action: 'points.exportYear', targetType: 'community', targetId: community._id, areaPath: community.path, detail: { year, rows: file.rows } });
  return file;
}
