/** The dashboard's xlsx exports, streamed a page at a time: a node's orders in a period with a timeline summary, and its members' points ledger and totals. */
import { COLOUR_NAMES, STATUS_NAMES, orderNumber } from '../../shared/orders/model';
import { POINT_REASONS } from '../../shared/points/schemas';
import type { ExportLedgerInput, ExportOrdersInput, ExportView } from '../../shared/dashboard/schemas';
import { recordAudit } from '../audit/record';
import type { Column } from '../exports/xlsx';
import { exportXlsx, scanAll, sheetTime, tableSheet } from '../exports/xlsx';
import { registrations } from '../members/repo';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { ledger, totals } from '../points/repo';
import { sourceWords } from '../points/sources';
import type { Ctx } from '../runtime/types';
import type { OrderCode } from '../../shared/orders/machine';
import { RESPONSE_CODES } from './events';
import { requireDashboardNode, resolvePeriod } from './scope';

/** When the first entry with one of these codes happened (a 急时 order was triaged and pooled by filing itself). */
function firstAt(o: OrderDoc, codes: readonly OrderCode[]): number | null {
  return o.timeline.find((e) => codes.includes(e.code as OrderCode))?.at ?? null;
}

/** The order, by its 单号, and when each step of its timeline first happened. */
const ORDER_COLUMNS: Column<OrderDoc>[] = [
  ['单号', 18, (o) => orderNumber(o._id, o.createdAt)],
  ['提交时间', 18, (o) => sheetTime(o.createdAt)],
  ['位置', 40, (o) => o.trail || o.place],
  ['类别', 10, (o) => o.category],
  ['问题描述', 50, (o) => o.description],
  ['颜色', 6, (o) => (o.colour ? COLOUR_NAMES[o.colour] : '')],
  ['状态', 8, (o) => STATUS_NAMES[o.status]],
  ['分拣时间', 18, (o) => sheetTime(firstAt(o, ['triage', 'emergency']))],
  ['派单时间', 18, (o) => sheetTime(firstAt(o, ['dispatch', 'pool', 'emergency']))],
  ['接单时间', 18, (o) => sheetTime(firstAt(o, RESPONSE_CODES))],
  ['办结时间', 18, (o) => sheetTime(firstAt(o, ['complete']))],
  ['响应期限', 18, (o) => sheetTime(o.respondBy)],
  ['办结期限', 18, (o) => sheetTime(o.resolveBy)],
  ['评分', 6, (o) => o.rating?.stars ?? null],
  ['完结时间', 18, (o) => sheetTime(o.closedAt)],
  ['办理党员', 10, (o) => o.holderName ?? ''],
  ['曾超时', 8, (o) => (o.overdue ? '是' : '否')],
  ['时间线条数', 10, (o) => o.timeline.length],
];

/** Orders filed under the node in the period (no contact details: the sheet leaves the app). */
export async function exportOrders(ctx: Ctx, input: ExportOrdersInput): Promise<ExportView> {
  const node = await requireDashboardNode(ctx, input.areaId);
  const days = resolvePeriod(input, ctx.now());
  const filter = { path: { $prefix: node.path }, createdAt: { $gte: days.startMs, $lt: days.endMs } };
  // The period is in the name already: no second date after it.
  const period = days.from === days.to ? days.from : `${days.from}至${days.to}`;
  const file = await exportXlsx(ctx, {
    title: `点单明细-${node.name}-${period}`,
    dated: false,
    sheets: [tableSheet('点单明细', ORDER_COLUMNS, scanAll(orders(ctx.store), filter, 500))],
  });
  await recordAudit(ctx, {
    action: 'dashboard.exportOrders',
    targetType: 'area',
    targetId: node._id,
    areaPath: node.path,
    detail: { from: days.from, to: days.to, rows: file.rows },
  });
  return file;
}

/** 积分台账: each approved member registered under the node, their year total, and every ledger entry of the year. */
export async function exportLedger(ctx: Ctx, input: ExportLedgerInput): Promise<ExportView> {
  const node = await requireDashboardNode(ctx, input.areaId);
  const filter = { status: 'approved', path: { $prefix: node.path } };
  async function* withTotals() {
    for await (const r of scanAll(registrations(ctx.store), filter, 200)) yield { r, t: await totals(ctx.store).get(`${r.memberId}:${input.year}`) };
  }
  async function* entries() {
    for await (const r of scanAll(registrations(ctx.store), filter, 200)) {
      const found = await ledger(ctx.store).find({ memberId: r.memberId, year: input.year }, { sort: [['at', 1]] });
      const sources = await sourceWords(ctx, found);
      for (const [i, e] of found.entries()) yield { name: r.name, e, source: sources[i] ?? '' };
    }
  }
  const file = await exportXlsx(ctx, {
    title: `积分台账-${node.name}-${input.year}年`,
    sheets: [
      tableSheet(
        '年度积分',
        [
          ['姓名', 10, ({ r }) => r.name],
          ['报到证号', 18, ({ r }) => r.certNo ?? ''],
          ['所在党组织', 24, ({ r }) => r.partyOrg],
          ['工作单位', 24, ({ r }) => r.workUnit],
          ['年度积分', 10, ({ t }) => t?.total ?? 0],
          ['服务次数', 10, ({ t }) => t?.credits ?? 0],
        ],
        withTotals(),
      ),
      tableSheet(
        '积分明细',
        [
          ['姓名', 10, ({ name }) => name],
          ['时间', 18, ({ e }) => sheetTime(e.at)],
          ['积分', 8, ({ e }) => e.delta],
          ['事由', 12, ({ e }) => POINT_REASONS[e.reason] ?? e.reason],
          ['说明', 40, ({ e }) => e.note],
          ['来源', 36, ({ source }) => source],
        ],
        entries(),
      ),
    ],
  });
  await recordAudit(ctx, { action: 'dashboard.exportLedger', targetType: 'area', targetId: node._id, areaPath: node.path, detail: { year: input.year, rows: file.rows } });
  return file;
}
