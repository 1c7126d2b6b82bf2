/** 一屏知全域: the known scenario's figures exactly, counters agreeing with the recompute after random runs, idempotent counting. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { moveTally } from '../../backend/dashboard/events';
import { applyPending } from '../../backend/records/apply';
import { counted } from '../../backend/records/make';
import { compareCounters, recomputeCounters } from '../../backend/dashboard/recompute';
import { counterId, counters } from '../../backend/dashboard/repo';
import { orders } from '../../backend/orders/repo';
import { localPorts } from '../../backend/ports/local';
import type { Deps } from '../../backend/runtime/types';
import type { ExportView, SummaryView } from '../../shared/dashboard/schemas';
import { OPEN_STATUSES, orderNumber } from '../../shared/orders/model';
import { BACKLOG_FIELDS } from '../../backend/records/pending';
import { PENDING_BACKLOG_COUNTS } from '../../backend/records/pendingRebuild';
import { RANGE_FIGURES, runScenario, SCENARIO_DAY, SCENARIO_START, TODAY_FIGURES } from '../support/dashboard';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { fetchable, okData, runScript, runTimer, startTestServer } from '../support/server';

let s: TestServer;
let ids: Awaited<ReturnType<typeof runScenario>>;
beforeAll(async () => {
  s = await startTestServer({ start: SCENARIO_START });
  ids = await runScenario(s);
});
afterAll(() => s.close());

const summary = async (data: Record<string, unknown>, who: string = PEOPLE.staff) => okData(await s.call<SummaryView>('dashboard', 'summary', data, who));

describe('the known scenario', () => {
  test('今天 for the community: counts, the 三率, medians, splits and the open backlog match exactly', async () => {
    const v = await summary({ areaId: NODES.community1, period: 'today' });
    const f = TODAY_FIGURES;
    expect(v.period).toEqual({ kind: 'today', from: SCENARIO_DAY, to: SCENARIO_DAY, days: 1 });
    expect(v.totals).toMatchObject({
      filed: f.filed,
      rejected: f.rejected,
      cancelled: f.cancelled,
      responded: f.responded,
      completed: f.completed,
      rated: f.rated,
      ratedGood: f.ratedGood,
      reopened: f.reopened,
    });
    expect(v.rates.responseRate).toEqual(f.responseRate);
    expect(v.rates.resolutionRate).toEqual(f.resolutionRate);
    expect(v.rates.satisfactionRate).toEqual(f.satisfactionRate);
    expect(v.rates.reopenRate).toEqual(f.reopenRate);
    expect(v.medians).toEqual({ responseMinutes: f.medianResponse, resolutionMinutes: f.medianResolution });
    expect(Object.fromEntries(v.byCategory.filter((c) => c.count).map((c) => [c.category, c.count]))).toEqual(f.byCategory);
    expect(Object.fromEntries(v.byColour.map((c) => [c.colour, c.count]))).toEqual(f.byColour);
    expect(v.open).toEqual(f.open);
    expect(v.trend).toEqual([{ day: SCENARIO_DAY, filed: 5, responded: 3, completed: 2 }]);
    expect(v.node).toMatchObject({ id: NODES.community1, level: 'community' });
    expect(v.node.trail).toContain('长征镇');
  });

  test('every level above the building sees the same figures; a sibling grid and another community see none of them', async () => {
    const street = await summary({ areaId: NODES.street, period: 'today' }, PEOPLE.street);
    const grid = await summary({ areaId: NODES.grid1, period: 'today' }, PEOPLE.gridLeader);
    const building = await summary({ areaId: NODES.building1, period: 'today' }, PEOPLE.gridWorker);
    for (const v of [street, grid, building]) {
      expect(v.totals.filed).toBe(5);
      expect(v.rates.responseRate).toEqual(TODAY_FIGURES.responseRate);
    }
    expect((await summary({ areaId: NODES.grid2, period: 'today' })).totals.filed).toBe(0);
    expect((await summary({ areaId: NODES.community2, period: 'today' }, PEOPLE.otherStaff)).totals.filed).toBe(0);
  });

  test('a custom range covering every deadline gives the 响应率, 解决率 and on-time rate over all of them', async () => {
    const v = await summary({ areaId: NODES.community1, period: 'custom', from: SCENARIO_DAY, to: '2026-11-30' });
    expect(v.period.days).toBe(11);
    expect(v.trend).toHaveLength(11);
    expect(v.rates.responseRate).toMatchObject(RANGE_FIGURES.responseRate);
    expect(v.rates.resolutionRate).toMatchObject(RANGE_FIGURES.resolutionRate);
    expect(v.rates.onTimeRate).toMatchObject(RANGE_FIGURES.onTimeRate);
  });

  test('members: the seeded 双报到 member is registered, and served once the 5-star order credited points', async () => {
    const v = await summary({ areaId: NODES.community1, period: 'year' });
    expect(v.members).toMatchObject({ registered: 1, served: 1, year: 2026 });
    expect(v.points.reduce((a, b) => a + b.count, 0)).toBe(1);
  });

  test('the overdue list shows the late 红 order after the sweep flags it', async () => {
    s.clock.now = SCENARIO_START + 26 * 3600_000; // o3's 24 h resolve-by has passed
    okData(await runTimer(s, 'orders', 'sweep'));
    const v = await summary({ areaId: NODES.community1, period: 'today' });
    expect(v.overdue.items.map((o) => o.id)).toContain(ids.o3);
    expect(v.overdue.total).toBe(v.overdue.items.length);
    s.clock.now = SCENARIO_START + 360 * 60_000;
  });

  test('the open backlog and overdue count are the kept ones, equal to the open orders; stored before they were kept, the migration counts them', async () => {
    const live = async () => {
      const open = (await orders(s.store).find({ status: { $in: [...OPEN_STATUSES] }, path: { $prefix: `/${NODES.street}/` } })).filter((o) =>
        o.path.includes(`/${NODES.community1}/`),
      );
      return {
        byStatus: Object.fromEntries(OPEN_STATUSES.map((st) => [st, open.filter((o) => o.status === st).length]).filter(([, n]) => n)),
        overdue: open.filter((o) => o.overdue).length,
      };
    };
    const want = await live();
    expect(Object.keys(want.byStatus).length).toBeGreaterThan(1);
    const shown = async () => {
      const v = await summary({ areaId: NODES.community1, period: 'today' });
      return { byStatus: v.open, overdue: v.overdue.total };
    };
    expect(await shown()).toEqual(want);
    await counters(s.store).updateWhere({ day: 'open' }, { $unset: Object.fromEntries(BACKLOG_FIELDS.map((f) => [`p.${f}`, true])) });
    expect((await shown()).byStatus).toEqual({});
    expect(await PENDING_BACKLOG_COUNTS.run(s.store)).toBeGreaterThan(0);
    expect(await shown()).toEqual(want);
    expect(await PENDING_BACKLOG_COUNTS.run(s.store)).toBe(0);
  });

  test('the stored counters agree with the recompute from the timelines', async () => {
    const { expected, orders: n } = await recomputeCounters(s.store);
    expect(n).toBe(5);
    const { docs, mismatches } = await compareCounters(s.store, expected);
    expect(mismatches).toEqual([]);
    expect(docs).toBeGreaterThan(5);
  });
});

async function sheetOf(file: ExportView, name: string): Promise<ExcelJS.Worksheet> {
  const res = await fetch(fetchable(s, file.url));
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('exports', () => {
  test('点单明细: one row per order filed in the period, by 单号, with its description and timeline summary, and no contact details', async () => {
    const file = okData(await s.call<ExportView>('dashboard', 'exportOrders', { areaId: NODES.community1, period: 'today' }, PEOPLE.staff));
    expect(file.rows).toBe(5);
    // The period is the date: it is not repeated.
    expect(file.name).toBe(`点单明细-梅川第一居委会-${SCENARIO_DAY}.xlsx`);
    const ws = await sheetOf(file, '点单明细');
    expect(ws.rowCount).toBe(6);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['单号', '提交时间', '类别', '问题描述', '颜色', '状态', '分拣时间', '派单时间', '接单时间', '办结时间', '评分', '办理党员']));
    const col = (h: string) => header.indexOf(h) + 1;
    const row = [...Array(5).keys()].map((i) => ws.getRow(i + 2)).find((r) => r.getCell(col('单号')).value === orderNumber(ids.o1));
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(ids.o1);
    expect(String(row?.getCell(col('单号')).value)).toMatch(/^2026112\d-[0-9A-F]{6}$/);
    expect(row?.getCell(col('问题描述')).value).toBe((await s.store.collection<{ _id: string; description: string }>('orders').get(ids.o1))?.description);
    expect(row?.getCell(col('分拣时间')).value).toBe('2026-11-20 10:10');
    expect(row?.getCell(col('派单时间')).value).toBe('2026-11-20 10:20');
    expect(row?.getCell(col('接单时间')).value).toBe('2026-11-20 10:30');
    expect(row?.getCell(col('办结时间')).value).toBe('2026-11-20 12:00');
    expect(row?.getCell(col('评分')).value).toBe(5);
    expect(row?.getCell(col('状态')).value).toBe('已完结');
    expect(row?.getCell(col('办理党员')).value).toBe('张伟');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('13912345678');
    const audit = await s.store.collection('audit').find({ action: 'dashboard.exportOrders' });
    expect(audit).toHaveLength(1);
  });

  test("another period holds none of them; another community's staff cannot export this one", async () => {
    const file = okData(await s.call<ExportView>('dashboard', 'exportOrders', { areaId: NODES.community1, period: 'custom', from: '2026-11-01', to: '2026-11-19' }, PEOPLE.staff));
    expect(file.rows).toBe(0);
    expect(file.name).toBe('点单明细-梅川第一居委会-2026-11-01至2026-11-19.xlsx');
    expect(await s.call('dashboard', 'exportOrders', { areaId: NODES.community1, period: 'today' }, PEOPLE.otherStaff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('积分台账: the member registered under the node with the year total, and the ledger entry from the 5-star order', async () => {
    const file = okData(await s.call<ExportView>('dashboard', 'exportLedger', { areaId: NODES.community1, year: 2026 }, PEOPLE.staff));
    const totalsSheet = await sheetOf(file, '年度积分');
    expect(totalsSheet.rowCount).toBe(2);
    expect(totalsSheet.getRow(2).getCell(1).value).toBe('张伟');
    expect(Number(totalsSheet.getRow(2).getCell(5).value)).toBeGreaterThan(0);
    const entries = await sheetOf(file, '积分明细');
    expect(entries.rowCount).toBe(2);
    // Words and the order's 单号, never codes or internal ids.
    expect(entries.getRow(2).getCell(4).value).toBe('完成点单');
    expect(entries.getRow(2).getCell(6).value).toBe(`点单 ${orderNumber(ids.o1)}`);
    expect(file.rows).toBe(2);
  });
});

describe('npm run check:counters', () => {
  const check = () => runScript(s, 'scripts/check-counters.ts');

  test('passes on the scenario, and fails naming the doc and field once a counter is tampered with', async () => {
    const ok = await check();
    expect(ok.out).toContain('计数器与点单时间线一致');
    expect(ok.code).toBe(0);
    const id = counterId(NODES.grid1, SCENARIO_DAY);
    await counters(s.store).updateWhere({ _id: id }, { $inc: { 'c.rated': 1 } });
    try {
      const bad = await check();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`不一致 ${id} c.rated: 存储 3，重算 2`);
    } finally {
      await counters(s.store).updateWhere({ _id: id }, { $inc: { 'c.rated': -1 } });
    }
  }, 60000);
});

describe('counting is idempotent', () => {
  test('applying a counted move again (a drain after a crash, two drains at once) adds nothing', async () => {
    const deps: Deps = {
      store: s.store,
      now: () => s.clock.now,
      log: { error: (m) => s.logged.push(m), info: () => undefined },
      ports: localPorts(path.join(s.dataDir, 'uploads')),
    };
    const after = await orders(s.store).get(ids.o1);
    if (!after) throw new Error('o1 missing');
    // The accept as it was counted: the order before it, and the tally its move carried.
    const index = after.timeline.findIndex((e) => e.code === 'accept');
    const at = after.timeline[index]?.at ?? 0;
    const before = {
      ...after,
      status: 'assigned' as const,
      respondedAt: null,
      completedAt: null,
      closedAt: null,
      rating: null,
      closeReason: null,
      timeline: after.timeline.slice(0, index),
    };
    const tally = moveTally(before, 'accept', { status: 'in_progress', respondedAt: at }, at);
    const replay = (key: string, times = 1) => {
      const scaled = new Map([...tally].map(([day, fields]) => [day, new Map([...fields].map(([f, n]) => [f, n * times]))]));
      return { collection: 'orders', docs: [{ _id: 'o-replay-probe', fx: [{ key, at, effects: counted(before.path, scaled) }], fxLast: key }] };
    };
    const id = counterId(NODES.community1, SCENARIO_DAY);
    const was = await counters(s.store).get(id);
    await Promise.all([applyPending(deps, [replay('x-probe-1')]), applyPending(deps, [replay('x-probe-1')])]);
    await applyPending(deps, [replay('x-probe-1')]);
    const once = await counters(s.store).get(id);
    expect(once?.c?.responded).toBe((was?.c?.responded ?? 0) + 1);
    // A batch under a key never applied before counts (so the check above could fail).
    await applyPending(deps, [replay('x-probe-2')]);
    expect((await counters(s.store).get(id))?.c?.responded).toBe((was?.c?.responded ?? 0) + 2);
    // Put back what the probes added: the recompute checks below compare against real orders only.
    await applyPending(deps, [replay('x-probe-undo', -2)]);
    expect((await counters(s.store).get(id))?.c).toEqual({ ...was?.c });
    expect(s.logged).toEqual([]);
  });

  it('keeps on a counter only the keys of batches some record still carries: a day of orders does not grow the document', async () => {
    const day = await counters(s.store).get(counterId(NODES.community1, SCENARIO_DAY));
    expect(day?.c?.filed).toBeGreaterThan(0);
    // The probes above were never on a record that could be cleared, so their keys stay to guard a replay; nothing else does.
    expect((day?.applied ?? []).filter((k) => !k.startsWith('x-probe'))).toEqual([]);
  });
});

describe('a random run of transitions', () => {
  let r: TestServer;
  beforeAll(async () => {
    r = await startTestServer({ start: SCENARIO_START });
  });
  afterAll(() => r.close());

  test('after 40 orders moved at random over three weeks, every counter doc equals the recompute', async () => {
    let seed = 20261120;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const call = async (action: string, data: Record<string, unknown>, who: string) => r.call('orders', action, data, who);
    const residents = [PEOPLE.resident, PEOPLE.otherResident];
    const live: string[] = [];
    for (let step = 0; step < 400; step++) {
      r.clock.now += Math.floor(rand() * 90 * 60_000); // up to 90 minutes between events
      if (live.length < 40 && (live.length === 0 || rand() < 0.15)) {
        const res = await r.call<{ id: string }>(
          'orders',
          'file',
          {
            buildingId: pick([NODES.building1, NODES.building1, NODES.buildingOther]),
            category: pick(['维修', '环境卫生', '助老助残', '其他']),
            description: `随机点单第 ${step} 步：楼道需要处理`,
            contactName: '王阿姨',
            contactMobile: '13912345678',
          },
          pick(residents),
        );
        if (res.ok) live.push(res.data.id);
        continue;
      }
      const orderId = pick(live);
      const o = await orders(r.store).get(orderId);
      if (!o) continue;
      const staff = o.path.includes(NODES.community2) ? PEOPLE.otherStaff : PEOPLE.staff;
      const member = o.path.includes(NODES.community2) ? PEOPLE.memberOutOfScope : PEOPLE.member;
      const by = { orderId };
      if (o.status === 'new')
        await (rand() < 0.15
          ? call('reject', { ...by, reason: '重复提交，已合并处理' }, staff)
          : call('triage', { ...by, colour: pick(['red', 'yellow', 'green']), ...(rand() < 0.2 ? { category: '安全隐患' } : {}) }, staff));
      else if (o.status === 'triaged' || o.status === 'reopened')
        await (rand() < 0.5 ? call('dispatch', { ...by, memberId: member }, staff) : call('pool', { ...by, level: 'community' }, staff));
      else if (o.status === 'assigned')
        await (rand() < 0.2 ? call('decline', { ...by, reason: '这几天出差不在本地' }, member) : rand() < 0.1 ? call('cancel', by, o.createdBy) : call('accept', by, member));
      else if (o.status === 'pooled') await (rand() < 0.1 ? call('cancel', by, o.createdBy) : call('claim', by, member));
      else if (o.status === 'in_progress')
        await (rand() < 0.1 && o.pool ? call('release', { ...by, reason: '技能不对口，退回' }, member) : call('complete', { ...by, note: '已经处理好了' }, member));
      else if (o.status === 'completed') await call('rate', { ...by, stars: pick([1, 2, 3, 4, 5, 5]) }, o.createdBy);
    }
    const { expected, orders: n } = await recomputeCounters(r.store);
    expect(n).toBeGreaterThan(20);
    const { mismatches } = await compareCounters(r.store, expected);
    expect(mismatches).toEqual([]);
    const all = await orders(r.store).find({});
    expect(new Set(all.map((o) => o.status)).size).toBeGreaterThan(4);
    expect(r.logged).toEqual([]);
  });

  test('concurrent first filings of a new day create each counter doc once and count every filing', async () => {
    r.clock.now = Date.parse('2026-12-31T04:00:00Z');
    const who = Object.values(PEOPLE);
    const filed = await Promise.all(
      [...who, ...who].map((p) =>
        r.call('orders', 'file', { buildingId: NODES.building1, category: '其他', description: '跨年夜小区路灯全部不亮', contactName: '居民', contactMobile: '13800000000' }, p),
      ),
    );
    expect(filed.every((f) => f.ok)).toBe(true);
    for (const node of [NODES.street, NODES.community1, NODES.grid1, NODES.building1]) {
      expect((await counters(r.store).get(counterId(node, '2026-12-31')))?.c?.filed).toBe(filed.length);
    }
    expect((await compareCounters(r.store, (await recomputeCounters(r.store)).expected)).mismatches).toEqual([]);
  });
});
