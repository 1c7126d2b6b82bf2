/** 12345 工单 after the import: the street's column mapping, the 待定位 queue and placing by hand, the export back with results. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Area } from '../../shared/areas/model';
import { isWithin } from '../../shared/areas/model';
import { hasRoleAt } from '../../shared/users/permissions';
import { canEditNode } from '../../shared/areas/permissions';
import { AppError, invalid } from '../../shared/errors';
import type { HotlineField } from '../../shared/orders/hotline';
import { HOTLINE_DEFAULT_HEADERS, HOTLINE_FIELDS, HOTLINE_REQUIRED, HOTLINE_RESULT_COLUMNS, formatHotlineTime, normaliseMapping } from '../../shared/orders/hotline';
import type { HotlineAreaInput, HotlineExportInput, HotlineMappingView, PlaceTicketInput, QueuedTicket, SetMappingInput } from '../../shared/orders/hotlineApi';
import { RETURN_VISIT_NAMES, STATUS_NAMES } from '../../shared/orders/model';
import { keptNode, keptPathOf } from '../areas/repo';
import { forget, warm } from '../runtime/warm';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import type { Ctx } from '../runtime/types';
import { DuplicateKeyError } from '../store/port';
import { scopeOf, ticketOrder } from './import';
import type { HotlineSettingsDoc, TicketDoc } from './repo';
import { keptSettingsKey, settings, tickets } from './repo';

/** The mapping decides every community's imports, so only the street's admins change it; community staff read it. */
const mayMap = (ctx: Ctx, streetId: string) => hasRoleAt(ctx.actor, ['street_admin'], `/${streetId}/`);

function mappingView(ctx: Ctx, street: Area, doc: HotlineSettingsDoc | null): HotlineMappingView {
  const headers = Object.fromEntries(HOTLINE_FIELDS.map((f) => [f, doc?.mapping[f] ?? HOTLINE_DEFAULT_HEADERS[f]])) as Record<HotlineField, string>;
  const fields = HOTLINE_FIELDS.map((f) => ({ field: f, label: HOTLINE_DEFAULT_HEADERS[f], header: headers[f], required: HOTLINE_REQUIRED.includes(f) }));
  return { streetId: street._id, streetName: street.name, headers, fields, saved: !!doc && Object.keys(doc.mapping).length > 0, canEdit: mayMap(ctx, street._id) };
}

/** The street's node (kept warm) and its settings, read together. */
async function streetAndSettings(ctx: Ctx, streetId: string, root: Area): Promise<[Area, HotlineSettingsDoc | null]> {
  const [street, doc] = await Promise.all([root._id === streetId ? root : keptNode(ctx.store, streetId), settings(ctx.store).get(streetId)]);
  return [street ?? { ...root, _id: streetId, name: '' }, doc];
}

export async function readMapping(ctx: Ctx, input: HotlineAreaInput): Promise<HotlineMappingView> {
  const { root, streetId } = await scopeOf(ctx, input.areaId);
  const [street, doc] = await streetAndSettings(ctx, streetId, root);
  return mappingView(ctx, street, doc);
}

/** Saved per street: only the headers that differ from the hotline's usual ones. */
export async function setMapping(ctx: Ctx, input: SetMappingInput): Promise<HotlineMappingView> {
  const { root, streetId } = await scopeOf(ctx, input.areaId);
  if (!mayMap(ctx, streetId)) throw new AppError('FORBIDDEN', '列对应按街道保存，只有街道管理员可以修改；请联系街道管理员');
  const mapping = normaliseMapping(input.mapping);
  if ('error' in mapping) throw invalid(`mapping.${mapping.field as string}`, mapping.error as string);
  const [street, had] = await streetAndSettings(ctx, streetId, root);
  const stamp = { updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  // A first save inserts (one request; insertMany is two in CloudBase); a racing first save makes it a duplicate, then it updates.
  const update = () => settings(ctx.store).updateWhere({ _id: streetId }, { $set: { mapping, ...stamp } });
  if (had) await update();
  else
    await settings(ctx.store)
      .insert({ _id: streetId, mapping, ...stamp })
      .catch((e) => (e instanceof DuplicateKeyError ? update() : Promise.reject(e)));
  forget(ctx.store, keptSettingsKey(streetId));
  return mappingView(ctx, street, { ...(had ?? { _id: streetId }), mapping, ...stamp });
}

/** 待定位: the scope's tickets no building matched, oldest call first (2 reads). */
export async function queue(ctx: Ctx, input: HotlineAreaInput): Promise<{ items: QueuedTicket[]; total: number }> {
  const { root, streetId } = await scopeOf(ctx, input.areaId);
  const filter = { streetId, placed: false, path: { $prefix: root.path } };
  const [found, total] = await Promise.all([tickets(ctx.store).find(filter, { sort: [['calledAt', 1]], limit: 100 }), tickets(ctx.store).count(filter)]);
  const items = found.map((t) => ({
    id: t._id,
    ticket: t.ticket,
    address: t.address,
    content: t.content,
    calledAt: t.calledAt,
    reason: t.unplaced?.reason ?? 'unknown',
    candidates: t.unplaced?.candidates ?? [],
  }));
  return { items, total };
}

/**
 * Placing a queued ticket files its order on the building (3 requests: the caller, the ticket, the order). The ticket's
 * mark rides on the order as an effect; the order's id follows from the ticket, so a second placing finds it taken.
 */
export async function placeTicket(ctx: Ctx, input: PlaceTicketInput): Promise<{ orderId: string }> {
  const ticket = await tickets(ctx.store).get(input.ticketId);
  if (!ticket || !canEditNode(ctx.actor, { path: ticket.path })) throw new AppError('NOT_FOUND', '工单不存在或您无权处理');
  if (ticket.placed) throw new AppError('CONFLICT', `工单「${ticket.ticket}」已定位到楼栋，无需再定位`);
  const { node: building, known } = await keptPathOf(ctx.store, input.buildingId, '楼栋');
  if (building.level !== 'building') throw invalid('buildingId', '「楼栋」请选择具体的楼栋');
  if (!isWithin(building.path, `/${ticket.streetId}/`) || !canEditNode(ctx.actor, building))
    throw invalid('buildingId', `「楼栋」不在您的辖区内：不能把工单定位到「${building.name}」`);
  const audit = audited(ctx, {
    action: 'hotline.place',
    targetType: 'order',
    targetId: ticket.orderId,
    areaPath: building.path,
    detail: { ticket: ticket.ticket, place: building.name },
  });
  const mark: Effect = { type: 'set', collection: 'hotline_tickets', id: ticket._id, set: { placed: true, path: building.path, placedAt: ctx.now(), placedBy: ctx.actor.userId } };
  // insert, not insertIfAbsent (two requests in CloudBase): the id is the ticket's, so a second placing is a duplicate.
  await orders(ctx.store)
    .insert(ticketOrder(ctx, ticket.streetId, ticket, building, known, [audit, mark]))
    .catch((e) => Promise.reject(e instanceof DuplicateKeyError ? new AppError('CONFLICT', `工单「${ticket.ticket}」刚被他人定位，请刷新`) : e));
  return { orderId: ticket.orderId };
}

/** 办理结果 / 办结时间 / 回访结果 of a ticket's order (a queued ticket's result says it waits). */
function outcome(t: TicketDoc, o: OrderDoc | undefined): string[] {
  if (!t.placed || !o) return ['待定位', '', ''];
  const result = o.completion?.note || (o.status === 'rejected' ? `已驳回：${o.rejectReason ?? ''}` : STATUS_NAMES[o.status]);
  const visit = o.returnVisit ? RETURN_VISIT_NAMES[o.returnVisit.result] : o.rating ? `${o.rating.stars} 星` : '';
  return [result, o.completedAt ? formatHotlineTime(o.completedAt) : '', visit];
}

/** The scope's tickets in call order, a page of 1,000 and their orders at a time, written as xlsx or CSV. */
export async function exportHotline(ctx: Ctx, input: HotlineExportInput): Promise<{ url: string; name: string }> {
  const { root, streetId } = await scopeOf(ctx, input.areaId);
  const saved = await warm(ctx.store, keptSettingsKey(streetId), () => settings(ctx.store).get(streetId));
  const header = saved?.header ?? HOTLINE_FIELDS.map((f) => saved?.mapping[f] ?? HOTLINE_DEFAULT_HEADERS[f]);
  const out: string[][] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await tickets(ctx.store).find({ streetId, calledAt: { $gte: 0 } }, { sort: [['calledAt', 1]], limit: 1000, skip });
    const mine = page.filter((t) => isWithin(t.path, root.path));
    const ids = mine.filter((t) => t.placed).map((t) => t.orderId);
    const found = ids.length ? await orders(ctx.store).find({ _id: { $in: ids } }) : [];
    const byId = new Map(found.map((o) => [o._id, o]));
    for (const t of mine) out.push([...header.map((_, i) => t.cells[i] ?? ''), ...outcome(t, byId.get(t.orderId))]);
    if (page.length < 1000) break;
  }
  const title = `12345工单办理结果-${root.name}`;
  const tmp = path.join(os.tmpdir(), `wg-hotline-${randomBytes(8).toString('hex')}.${input.format}`);
  const columns = [...header, ...HOTLINE_RESULT_COLUMNS];
  try {
    if (input.format === 'csv') {
      const line = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
      fs.writeFileSync(tmp, `\uFEFF${[line(columns), ...out.map(line)].join('\r\n')}\r\n`);
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('工单');
      sheet.addRow(columns).font = { bold: true };
      for (const r of out) sheet.addRow(r);
      await book.xlsx.writeFile(tmp);
    }
    const file = await ctx.ports.files.save(tmp, `${title}.${input.format}`);
    return { url: file.url, name: `${title}.${input.format}` };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
