/** 在职党员信息库: every registration in the viewer's subtree, filtered and paged, and the 双报到 台账 export of the same. */
import type { Area, AreaLevel } from '../../shared/areas/model';
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { ServedFilter } from '../../shared/members/model';
import { viewerScopes } from '../../shared/members/permissions';
import type { ExportLibraryInput, LibraryInput, LibraryPage, LibraryRow } from '../../shared/members/schemas';
import { shanghaiDay } from '../../shared/time';
import { recordAudit } from '../audit/record';
import type { ExportedFile } from '../exports/xlsx';
import { exportXlsx, scanAll } from '../exports/xlsx';
import { shanghaiYear, totals } from '../points/ledger';
import { requireLevel } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { RegistrationDoc } from './repo';
import { registrations } from './repo';
import type { Names } from './views';
import { namesFor, toRegistrationView } from './views';

/** Rows enriched a batch at a time: one read of names and one of point totals per batch. */
const BATCH = 200;

async function requireNode(ctx: Ctx, id: string, field: string, level: AreaLevel, scopes: string[]): Promise<Area> {
  const node = await requireLevel(ctx.store, id, field, level);
  if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的党员');
  return node;
}

/** The store filter for the viewer's subtree (narrowed to a community or grid) and the plain filters. */
async function libraryFilter(ctx: Ctx, input: ExportLibraryInput): Promise<{ filter: Filter; areaPath: string }> {
  const scopes = viewerScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '在职党员信息库仅供网格长、社区工作人员和街道查看');
  const community = input.communityId ? await requireNode(ctx, input.communityId, 'communityId', 'community', scopes) : null;
  const grid = input.gridId ? await requireNode(ctx, input.gridId, 'gridId', 'grid', community ? [community.path] : scopes) : null;
  const narrowed = grid ?? community;
  const filter: Filter = narrowed ? { path: { $prefix: narrowed.path } } : { $or: scopes.map((p) => ({ path: { $prefix: p } })) };
  if (input.status) filter.status = input.status;
  if (input.skill) filter.skills = { $has: input.skill };
  if (input.orgId) filter.orgId = input.orgId;
  return { filter, areaPath: narrowed?.path ?? scopes[0] ?? '/' };
}

/** Views plus this year's points (points_totals `<member>:<year>`); "served" is any points this year. */
async function rowsOf(ctx: Ctx, docs: RegistrationDoc[], year: number, names?: Names): Promise<LibraryRow[]> {
  if (docs.length === 0) return [];
  const [known, found] = await Promise.all([namesFor(ctx.store, docs, names), totals(ctx.store).find({ _id: { $in: [...new Set(docs.map((d) => `${d.memberId}:${year}`))] } })]);
  const points = new Map(found.map((t) => [t.memberId, t.total]));
  return docs.map((d) => {
    const pointsThisYear = points.get(d.memberId) ?? 0;
    return { ...toRegistrationView(d, known, ctx.actor), pointsThisYear, servedThisYear: pointsThisYear > 0 };
  });
}

function servedMatches(row: LibraryRow, served: ServedFilter | undefined): boolean {
  return served === undefined || row.servedThisYear === (served === 'yes');
}

/** Every matching row, in `_id` order, a batch at a time (names cached across batches). */
async function* libraryRows(ctx: Ctx, filter: Filter, served: ServedFilter | undefined, year: number): AsyncIterable<LibraryRow> {
  const names: Names = { areas: new Map(), orgs: new Map(), transferFrom: new Map() };
  const batch: RegistrationDoc[] = [];
  const flush = async () => (await rowsOf(ctx, batch.splice(0), year, names)).filter((r) => servedMatches(r, served));
  for await (const doc of scanAll(registrations(ctx.store), filter, BATCH)) {
    batch.push(doc);
    if (batch.length >= BATCH) yield* await flush();
  }
  yield* await flush();
}

export async function memberLibrary(ctx: Ctx, input: LibraryInput): Promise<LibraryPage> {
  const { filter } = await libraryFilter(ctx, input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const year = shanghaiYear(ctx.now());
  if (input.served === undefined) {
    const skip = (page - 1) * pageSize;
    const docs = await registrations(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip,
    });
    // A page that is not full ends the list, so it tells the total: counted only when there may be more (beside the totals).
    const ends = docs.length < pageSize && (page === 1 || docs.length > 0);
    const [items, total] = await Promise.all([rowsOf(ctx, docs, year), ends ? Promise.resolve(skip + docs.length) : registrations(ctx.store).count(filter)]);
    return { items, total, page, pageSize, year };
  }
  // "Served" lives in another collection: walk the subtree's registrations and page what matches.
  const all: LibraryRow[] = [];
  for await (const row of libraryRows(ctx, filter, input.served, year)) all.push(row);
  all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize, year };
}

const day = (at: number | null) => (at === null ? null : shanghaiDay(at));

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '手机号', key: 'mobile', width: 14 },
  { header: '状态', key: 'status', width: 8 },
  { header: '报到证编号', key: 'certNo', width: 16 },
  { header: '社区', key: 'community', width: 16 },
  { header: '网格', key: 'grid', width: 10 },
  { header: '楼栋', key: 'building', width: 8 },
  { header: '所在党组织', key: 'partyOrg', width: 22 },
  { header: '工作单位', key: 'workUnit', width: 22 },
  { header: '报到单位', key: 'org', width: 22 },
  { header: '技能特长', key: 'skills', width: 16 },
  { header: '可服务时间', key: 'times', width: 20 },
  { header: '今年积分', key: 'points', width: 9 },
  { header: '今年是否服务', key: 'served', width: 11 },
  { header: '申请日期', key: 'createdAt', width: 12 },
  { header: '审核日期', key: 'decidedAt', width: 12 },
  { header: '转出日期', key: 'endedAt', width: 12 },
];

async function* ledgerRows(rows: AsyncIterable<LibraryRow>): AsyncIterable<Record<string, string | number | null>> {
  for await (const r of rows) {
    yield {
      name: r.name,
      mobile: r.mobile,
      status: r.statusName,
      certNo: r.certNo,
      community: r.communityName,
      grid: r.gridName,
      building: r.buildingName,
      partyOrg: r.partyOrg,
      workUnit: r.workUnit,
      org: r.orgName,
      skills: r.skills.join('、'),
      times: r.availableTimes.join('、'),
      points: r.pointsThisYear,
      served: r.servedThisYear ? '是' : '否',
      createdAt: day(r.createdAt),
      decidedAt: day(r.decidedAt),
      endedAt: day(r.endedAt),
    };
  }
}

/** 双报到台账 (xlsx), streamed row by row; exporting personal data is audited with the filters used. */
export async function exportLibrary(ctx: Ctx, input: ExportLibraryInput): Promise<ExportedFile> {
  const { filter, areaPath } = await libraryFilter(ctx, input);
  const year = shanghaiYear(ctx.now());
  const file = await exportXlsx(ctx, {
    title: '双报到台账',
    sheets: [{ name: '在职党员信息库', columns: COLUMNS, rows: ledgerRows(libraryRows(ctx, filter, input.served, year)) }],
  });
  await recordAudit(ctx, { action: 'members.exportLibrary', targetType: 'export', targetId: file.fileId, areaPath, detail: { filters: input, rows: file.rows } });
  return file;
}
