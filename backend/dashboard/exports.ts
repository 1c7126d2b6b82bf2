/** The dashboard's xlsx exports, streamed a page at a time: a node's orders in a period with a timeline summary, and its members' points ledger and totals. */
import { COLOUR_NAMES, STATUS_NAMES } from '../../shared/orders/model';
import type { ExportLedgerInput, ExportOrdersInput, ExportView } from '../../shared/dashboard/schemas';
import { recordAudit } from '../audit/record';
import type { Cell } from '../exports/xlsx';
import { exportXlsx, scanAll } from '../exports/xlsx';
import { registrations } from '../members/repo';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { ledger, totals } from '../points/repo';
import type { Ctx } from '../runtime/types';
import { TIMELINE_WORDS } from './events';
import { requireDashboardNode, resolvePeriod } from './scope';

const stamp = (at: number | null | undefined): string => {
  if (!at) return '';
  const d = new Date(at + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
};

function firstAt(o: OrderDoc, match: (words: string) => boolean): number | null {
  return o.timeline.find((e) => match(e.action))?.at ?? null;
}

/** One spreadsheet row: the order and when each step of its timeline first happened. */
function orderRow(o: OrderDoc): Record<string, Cell> {
  const respond = TIMELINE_WORDS.respond as readonly string[];
  return {
    id: o._id,
    filed: stamp(o.createdAt),
    place: o.trail || o.place,
    category: o.category,
    colour: o.colour ? COLOUR_NAMES[o.colour] : '',
    status: STATUS_NAMES[o.status],
    triaged: stamp(firstAt(o, (w) => w.startsWith('分拣为') || w === '急时自动派单')),
    dispatched: stamp(firstAt(o, (w) => w.startsWith('派单给') || w.startsWith('派到') || w === '急时自动派单')),
    responded: stamp(firstAt(o, (w) => respond.includes(w))),
    completed: stamp(firstAt(o, (w) => w === '办结')),
    respondBy: stamp(o.respondBy),
    resolveBy: stamp(o.resolveBy),
    rating: o.rating?.stars ?? null,
    closed: stamp(o.closedAt),
    handler: o.holderName ?? '',
    overdue: o.overdue ? '是' : '否',
    steps: o.timeline.length,
  };
}

const ORDER_COLUMNS = [
  { header: '编号', key: 'id', width: 24 },
  { header: '提交时间', key: 'filed', width: 18 },
  { header: '位置', key: 'place', width: 40 },
  { header: '类别', key: 'category', width: 10 },
  { header: '颜色', key: 'colour', width: 6 },
  { header: '状态', key: 'status', width: 8 },
  { header: '分拣时间', key: 'triaged', width: 18 },
  { header: '派单时间', key: 'dispatched', width: 18 },
  { header: '接单时间', key: 'responded', width: 18 },
  { header: '办结时间', key: 'completed', width: 18 },
  { header: '响应期限', key: 'respondBy', width: 18 },
  { header: '办结期限', key: 'resolveBy', width: 18 },
  { header: '评分', key: 'rating', width: 6 },
  { header: '完结时间', key: 'closed', width: 18 },
  { header: '办理党员', key: 'handler', width: 10 },
  { header: '曾超时', key: 'overdue', width: 8 },
  { header: '时间线条数', key: 'steps', width: 10 },
];

/** Orders filed under the node in the period (no contact details: the sheet leaves the app). */
export async function exportOrders(ctx: Ctx, input: ExportOrdersInput): Promise<ExportView> {
  const node = await requireDashboardNode(ctx, input.areaId);
  const days = resolvePeriod(input, ctx.now());
  const filter = { path: { $prefix: node.path }, createdAt: { $gte: days.startMs, $lt: days.endMs } };
  async function* rows() {
    for await (const o of scanAll(orders(ctx.store), filter, 500)) yield orderRow(o);
  }
  const file = await exportXlsx(ctx, { title: `点单明细-${node.name}-${days.from}至${days.to}`, sheets: [{ name: '点单明细', columns: ORDER_COLUMNS, rows: rows() }] });
  await recordAudit(ctx, { action: 'dashboard.exportOrders', targetType: 'area', targetId: node._id, areaPath: node.path, detail: { from: days.from, to: days.to, rows: file.rows } });
  return { url: file.url, name: file.name, rows: file.rows };
}

/** 积分台账: each approved member registered under the node, their year total, and every ledger entry of the year. */
export async function exportLedger(ctx: Ctx, input: ExportLedgerInput): Promise<ExportView> {
  const node = await requireDashboardNode(ctx, input.areaId);
  const filter = { status: 'approved', path: { $prefix: node.path } };
  async function* totalsRows() {
    for await (const r of scanAll(registrations(ctx.store), filter, 200)) {
      const t = await totals(ctx.store).get(`${r.memberId}:${input.year}`);
      yield { name: r.name, certNo: r.certNo ?? '', partyOrg: r.partyOrg, workUnit: r.workUnit, total: t?.total ?? 0, credits: t?.credits ?? 0 };
    }
  }
  async function* entryRows() {
    for await (const r of scanAll(registrations(ctx.store), filter, 200)) {
      const entries = await ledger(ctx.store).find({ memberId: r.memberId, year: input.year }, { sort: [['at', 1]] });
      for (const e of entries) yield { name: r.name, at: stamp(e.at), delta: e.delta, reason: e.reason, note: e.note, source: `${e.sourceType}:${e.sourceId}` };
    }
  }
  const file = await exportXlsx(ctx, {
    title: `积分台账-${node.name}-${input.year}年`,
    sheets: [
      {
        name: '年度积分',
        columns: [
          { header: '姓名', key: 'name', width: 10 },
          { header: '报到证号', key: 'certNo', width: 18 },
          { header: '所在党组织', key: 'partyOrg', width: 24 },
          { header: '工作单位', key: 'workUnit', width: 24 },
          { header: '年度积分', key: 'total', width: 10 },
          { header: '服务次数', key: 'credits', width: 10 },
        ],
        rows: totalsRows(),
      },
      {
        name: '积分明细',
        columns: [
          { header: '姓名', key: 'name', width: 10 },
          { header: '时间', key: 'at', width: 18 },
          { header: '积分', key: 'delta', width: 8 },
          { header: '事由', key: 'reason', width: 16 },
          { header: '说明', key: 'note', width: 40 },
          { header: '来源', key: 'source', width: 30 },
        ],
        rows: entryRows(),
      },
    ],
  });
  await recordAudit(ctx, { action: 'dashboard.exportLedger', targetType: 'area', targetId: node._id, areaPath: node.path, detail: { year: input.year, rows: file.rows } });
  return { url: file.url, name: file.name, rows: file.rows };
}
