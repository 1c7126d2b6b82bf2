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
import { postHolders } from '../activities/repo';
import { recordAudit } from '../audit/record';
import { exportXlsx, scanAll, tableSheet } from '../exports/xlsx';
import { registrations } from '../members/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { users } from '../users/repo';
import { requireCommunity } from './community';
import { rollups, totals } from './repo';
import { namesFor } from './names';

/** Held a post at some time in the year: began by its end, and not ended before its start. */
function heldDuring(year: number): Filter {
  return { since: { $lt: shanghaiYearStart(year + 1) }, $or: [{ until: null }, { until: { $gte: shanghaiYearStart(year) } }] };
}

/** The same test on the stints kept on the member's record (`postStints`): no read. */
export function heldPostIn(stints: Record<string, PostStint> | undefined, year: number): boolean {
  const [start, end] = [shanghaiYearStart(year), shanghaiYearStart(year + 1)];
  return Object.values(stints ?? {}).some((s) => (s.since ?? 0) < end && (s.until === null || s.until === undefined || s.until >= start));
}

interface RosterRow extends DutyRow {
  rank: number;
  credits: number;
}

/**
 * The community's in-work members — approved 双报到 registrations, plus members granted the role by hand who
 * live here — with their year's total, credits and post. Reads the community's registrations, totals and post
 * holders once each (a few thousand documents at most), never the ledger.
 */
async function roster(ctx: Ctx, community: Area, year: number): Promise<RosterRow[]> {
  const people = new Map<string, { name: string; gridId: string | null; orgId: string | null }>();
  for await (const r of scanAll(registrations(ctx.store), { communityId: community._id, status: 'approved' })) {
    people.set(r.memberId, { name: r.name, gridId: r.gridId || null, orgId: r.orgId });
  }
  for await (const u of scanAll(users(ctx.store), { homePath: { $prefix: community.path } })) {
    if (!people.has(u._id) && u.roles.some((g) => g.role === 'member' && g.areaId === community._id)) {
      people.set(u._id, { name: u.name, gridId: null, orgId: null });
    }
  }
  const kept = new Map<string, { total: number; credits: number; gridId: string | null; orgId: string | null }>();
  for await (const t of scanAll(totals(ctx.store), { communityId: community._id, year })) kept.set(t.memberId, t);
  const posted = new Set<string>();
  for await (const h of scanAll(postHolders(ctx.store), { communityId: community._id, ...heldDuring(year) })) posted.add(h.memberId);

  const base = [...people].map(([memberId, p]) => {
    const t = kept.get(memberId);
    return { memberId, name: p.name, gridId: t?.gridId ?? p.gridId, orgId: t?.orgId ?? p.orgId, total: t?.total ?? 0, credits: t?.credits ?? 0 };
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
