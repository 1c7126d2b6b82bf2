/**
 * 12345 工单导入: the file goes up in parts (the body limit is 1 MB), is previewed (nothing written), then imported in steps
 * of HOTLINE_STEP tickets. Ticket and order ids follow from street and 工单编号, so a re-import creates nothing twice.
 */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { TREE_EDITORS, canEditNode } from '../../shared/areas/permissions';
import { AppError, invalid } from '../../shared/errors';
import type { HotlinePlan, HotlineTicket } from '../../shared/orders/hotline';
import { HOTLINE_MAX_BYTES, HOTLINE_MAX_ROWS, planHotline } from '../../shared/orders/hotline';
import type { BuildingIndex } from '../../shared/orders/hotlineAddress';
import { indexBuildings } from '../../shared/orders/hotlineAddress';
import type { HotlineImportInput, HotlinePreview, HotlinePreviewInput, HotlineStep, UploadPartInput } from '../../shared/orders/hotlineApi';
import { readRows } from '../areas/import';
import { levelOnPath, placeName } from '../../shared/areas/place';
import { areas, keptNode, trailOf } from '../areas/repo';
import { filingTally } from '../dashboard/events';
import type { Effect } from '../records/effects';
import { audited, counted } from '../records/make';
import { withEffects } from '../records/move';
import type { OrderDoc } from '../orders/repo';
import { newOrderDoc, orders } from '../orders/repo';
import { step } from '../orders/transition';
import type { Ctx } from '../runtime/types';
import type { HotlineSettingsDoc, TicketDoc } from './repo';
import { forget } from '../runtime/warm';
import { keptSettingsKey, settings, ticketId, ticketOrderId, tickets, uploads } from './repo';

/** Tickets one step files: 10,000 take ten calls, each a few batched writes. */
export const HOTLINE_STEP = 1000;
/** Per insertMany, as the tree import (backend/areas/import.ts INSERT_BATCH): the adapter's id read answers at most 1,000. */
const INSERT_BATCH = 500;

export async function uploadPart(ctx: Ctx, input: UploadPartInput): Promise<{ part: number }> {
  if (!ctx.actor.roles.some((g) => TREE_EDITORS.includes(g.role))) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以导入 12345 工单');
  const doc = { _id: `${input.uploadId}-${input.part}`, uploadId: input.uploadId, part: input.part, data: input.data, by: ctx.actor.userId, at: ctx.now() };
  await uploads(ctx.store).insertMany([doc]);
  return { part: input.part };
}

/** The street or community an import or a list is for (asked for, or the actor's own highest), refused outside their scope. */
export async function scopeOf(ctx: Ctx, areaId: string | undefined): Promise<{ root: Area; streetId: string }> {
  const own = ctx.actor.roles.filter((g) => TREE_EDITORS.includes(g.role)).sort((a, b) => a.areaPath.length - b.areaPath.length);
  const id = areaId ?? own[0]?.areaId;
  if (!id) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以处理 12345 工单');
  const root = await keptNode(ctx.store, id);
  if (!root || root.retired) throw invalid('areaId', '「导入到」的街道或社区不存在或已撤销');
  if (!canEditNode(ctx.actor, root)) throw invalid('areaId', `「导入到」不在您的辖区内：您不能处理「${root.name}」的 12345 工单`);
  if (root.level !== 'street' && root.level !== 'community') throw invalid('areaId', `「导入到」须为街道或社区，「${root.name}」不是`);
  return { root, streetId: idsOnPath(root.path)[0] ?? root._id };
}

async function fileOf(ctx: Ctx, input: HotlinePreviewInput): Promise<string[][]> {
  const ids = Array.from({ length: input.parts }, (_, i) => `${input.uploadId}-${i}`);
  const parts = await uploads(ctx.store).find({ _id: { $in: ids } });
  if (parts.length !== input.parts || parts.some((p) => p.by !== ctx.actor.userId)) throw invalid('uploadId', '文件没有传完整，请重新选择文件');
  const data = parts
    .sort((a, b) => a.part - b.part)
    .map((p) => Buffer.from(p.data, 'base64'))
    .reduce((a, b) => Buffer.concat([a, b]));
  // The limits for one export: 20 MB and 50,000 tickets (the page checks the size before sending too).
  if (data.length > HOTLINE_MAX_BYTES) throw invalid('data', `文件有 ${(data.length / 1024 / 1024).toFixed(1)} MB，一次最多导入 20 MB：请分几个文件导入`);
  return readRows(input.fileName, data.toString('base64'), HOTLINE_MAX_ROWS);
}

interface Planned {
  root: Area;
  streetId: string;
  plan: HotlinePlan;
  rows: string[][];
  known: Map<string, Area>;
  saved: HotlineSettingsDoc | null;
}

/** The file, the street's mapping and the scope's tree: 3 reads (the tree a page of 1,000 at a time on CloudBase). */
async function planFor(ctx: Ctx, input: HotlinePreviewInput): Promise<Planned> {
  const { root, streetId } = await scopeOf(ctx, input.areaId);
  const [rows, saved, below, above] = await Promise.all([
    fileOf(ctx, input),
    settings(ctx.store).get(streetId),
    areas(ctx.store).find({ path: { $prefix: root.path } }),
    root.ancestors.length ? areas(ctx.store).find({ _id: { $in: root.ancestors } }) : Promise.resolve([]),
  ]);
  const tree = [...above, ...below];
  const index: BuildingIndex = indexBuildings(tree);
  return { root, streetId, rows, saved, plan: planHotline(rows, saved?.mapping ?? {}, index), known: new Map(tree.map((a) => [a._id, a])) };
}

export async function previewHotline(ctx: Ctx, input: HotlinePreviewInput): Promise<HotlinePreview> {
  const { root, streetId, plan, rows } = await planFor(ctx, input);
  let existing = 0;
  for (let i = 0; i < plan.tickets.length; i += 1000) {
    const ids = plan.tickets.slice(i, i + 1000).map((t) => ticketId(streetId, t.ticket));
    existing += (await tickets(ctx.store).find({ _id: { $in: ids } })).length;
  }
  const placed = plan.tickets.filter((t) => t.buildingId).length;
  return {
    areaName: root.name,
    tickets: plan.tickets.length,
    existing,
    placed,
    queued: plan.tickets.length - placed,
    problems: plan.problems.slice(0, 200),
    problemCount: plan.problems.length,
    header: (rows[0] ?? [])
      .map((c) => String(c ?? '').trim())
      .filter((c) => c && c.length <= 20)
      .slice(0, 60),
  };
}

/** A 12345 ticket's order: filed for the caller (no account: createdBy names the hotline, so no staff member is its filer). */
export function ticketOrder(
  ctx: Ctx,
  streetId: string,
  t: Pick<HotlineTicket, 'ticket' | 'content' | 'category' | 'contact' | 'phone' | 'deadline'>,
  building: Area,
  known: Map<string, Area>,
  extra: Effect[] = [],
) {
  const grid = levelOnPath(building, 'grid', known);
  const order = newOrderDoc({
    _id: ticketOrderId(streetId, t.ticket),
    category: t.category,
    description: t.content,
    photos: [],
    contactName: t.contact ?? '12345来电',
    contactMobile: t.phone ?? '',
    anonymousToMembers: false,
    buildingId: building._id,
    path: building.path,
    place: placeName(building, known),
    trail: trailOf(building.path, known),
    createdBy: `12345:${streetId}`,
    createdByName: t.contact ?? '12345来电',
    createdAt: ctx.now(),
    owner: grid ? { areaId: grid._id, areaPath: grid.path, roles: ['grid_worker', 'grid_leader'] } : null,
    timeline: [step(ctx, '12345热线', 'file', { ticket: t.ticket })],
  });
  const doc: OrderDoc = { ...order, source: '12345', hotline: { ticket: t.ticket, deadline: t.deadline } };
  return withEffects(ctx, 'orders', doc, [...counted(doc.path, filingTally(doc)), ...extra]);
}

/**
 * One step: the tickets from `from`, those not imported before. Orders first (for tickets on a building), then the
 * tickets: a step cut short between the two leaves orders whose tickets the same file's re-run adds, never the reverse.
 */
export async function importHotline(ctx: Ctx, input: HotlineImportInput): Promise<HotlineStep> {
  const { root, streetId, plan, rows, known, saved } = await planFor(ctx, input);
  const slice = plan.tickets.slice(input.from, input.from + HOTLINE_STEP);
  const next = input.from + HOTLINE_STEP < plan.tickets.length ? input.from + HOTLINE_STEP : null;
  if (slice.length === 0) return { total: plan.tickets.length, created: 0, queued: 0, next };
  const had = new Set((await tickets(ctx.store).find({ _id: { $in: slice.map((t) => ticketId(streetId, t.ticket)) } })).map((d) => d._id));
  const fresh = slice.filter((t) => !had.has(ticketId(streetId, t.ticket)));
  const now = ctx.now();
  const docs: TicketDoc[] = fresh.map(({ row, buildingId, ...t }) => {
    const building = buildingId ? known.get(buildingId) : undefined;
    return {
      ...t,
      _id: ticketId(streetId, t.ticket),
      streetId,
      path: building?.path ?? root.path,
      cells: rows[row - 1] ?? [],
      orderId: ticketOrderId(streetId, t.ticket),
      placed: !!building,
      importedAt: now,
      importedBy: ctx.actor.userId,
    };
  });
  const onBuilding = fresh.filter((t) => t.buildingId);
  // The step's audit rides on its first order (as the tree import's on its first node).
  const detail = { importFile: input.fileName, imported: onBuilding.length, queued: docs.length - onBuilding.length, parentName: root.name };
  const audit = audited(ctx, { action: 'hotline.import', targetType: 'area', targetId: root._id, areaPath: root.path, detail });
  const made = onBuilding.map((t, i) => ticketOrder(ctx, streetId, t, known.get(t.buildingId as string) as Area, known, i === 0 ? [audit] : []));
  for (let i = 0; i < made.length; i += INSERT_BATCH) await orders(ctx.store).insertMany(made.slice(i, i + INSERT_BATCH));
  for (let i = 0; i < docs.length; i += INSERT_BATCH) await tickets(ctx.store).insertMany(docs.slice(i, i + INSERT_BATCH));
  // The answer names at most the 10 orders effects.drain takes at once (it refuses more); the effects timer applies the rest.
  ctx.pending?.splice(10);
  // The export lays tickets out as the file that brought them: the street keeps the last file's header.
  if (input.from === 0 && rows[0]) {
    const header = rows[0];
    if (saved) await settings(ctx.store).updateWhere({ _id: streetId }, { $set: { header } });
    else await settings(ctx.store).insertMany([{ _id: streetId, mapping: {}, header, updatedAt: now, updatedBy: ctx.actor.userId }]);
    forget(ctx.store, keptSettingsKey(streetId));
  }
  return { total: plan.tickets.length, created: made.length, queued: docs.length - made.length, next };
}
