/**
 * Bench section "Dashboard (issue 6)": `dashboard.summary` latency and store round trips on 10,000 and on
 * 1,000,000 orders (same counter docs, same open backlog, the rest history) — the read count must not
 * change — and an xlsx export of 100,000 orders run in a child process, with its peak memory.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Area } from '../../shared/areas/model';
import type { Colour, OrderStatus } from '../../shared/orders/model';
import { COLOURS, ORDER_CATEGORIES } from '../../shared/orders/model';
import { CATEGORY_KEYS, MINUTE_BUCKETS } from '../../shared/dashboard/model';
import { daysBetween } from '../../shared/dashboard/period';
import { shanghaiDay } from '../../shared/time';
import { counterId, counters } from '../../backend/dashboard/repo';
import type { CounterDoc } from '../../backend/dashboard/repo';
import { FUNCTIONS } from '../../backend/functions';
import type { OrderDoc } from '../../backend/orders/repo';
import { orders } from '../../backend/orders/repo';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import { countingStore } from '../../backend/store/counting';
import type { SqliteStore } from '../../backend/store/sqlite';
import { openSqliteStore } from '../../backend/store/sqlite';
import { demoAreas, STREET_ID } from '../../local/seed';
import { C1, DAY, START, identityOf, quietLog, seededTemplate } from './order-common';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { fmt, mib, nowUs, rng, summarize, table } from './report';
import type { Place } from './serve-orders';
import { benchOrder, places } from './serve-orders';

const STREET_ADMIN = 'u-street';
/** The live backlog: open orders do not pile up with history, so both sizes carry the same number. */
const OPEN_BACKLOG = 2_000;
const HISTORY_DAYS = 730;
const OPEN: OrderStatus[] = ['new', 'triaged', 'pooled', 'assigned', 'in_progress', 'completed', 'reopened'];
const DONE: OrderStatus[] = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'rejected', 'cancelled'];

/** Order i of n: the first OPEN_BACKLOG are open (last 30 days, 10 % overdue), the rest history over two years. */
function makeOrder(i: number, all: Place[], rand: () => number): OrderDoc {
  const place = all[Math.floor(rand() * all.length)] as Place;
  const open = i < OPEN_BACKLOG;
  const status = open ? (OPEN[i % OPEN.length] as OrderStatus) : (DONE[i % DONE.length] as OrderStatus);
  const createdAt = START - Math.floor(rand() * (open ? 30 : HISTORY_DAYS) * DAY);
  const colour = COLOURS[i % 3] as Colour;
  return benchOrder(`o-d${String(i).padStart(8, '0')}`, place, status, createdAt, `u-r-${i % 20000}`, {
    category: ORDER_CATEGORIES[i % ORDER_CATEGORIES.length],
    colour: status === 'new' ? null : colour,
    overdue: open && i % 10 === 0,
    holderName: status === 'closed' ? '党员' : null,
    completedAt: status === 'closed' ? createdAt + 2 * DAY : null,
    closedAt: DONE.includes(status) ? createdAt + 3 * DAY : null,
    rating: status === 'closed' ? { stars: 3 + (i % 3), comment: null } : null,
  });
}

async function insertOrders(store: SqliteStore, n: number, tree: Area[]): Promise<number> {
  const all = places(tree);
  const rand = rng(20261120);
  const col = orders(store);
  const t0 = nowUs();
  for (let start = 0; start < n; start += 20_000) {
    store.db.exec('BEGIN');
    for (let i = start; i < Math.min(n, start + 20_000); i++) await col.insert(makeOrder(i, all, rand));
    store.db.exec('COMMIT');
  }
  return (nowUs() - t0) / 1e6;
}

/** A year of counter docs for every node (values plausible, not derived: the bench measures cost; the tests prove the values). */
async function insertCounters(store: SqliteStore, tree: Area[], perDay: number): Promise<number> {
  const rand = rng(7);
  const days = daysBetween(shanghaiDay(START - 365 * DAY), shanghaiDay(START)).days;
  const col = counters(store);
  let n = 0;
  store.db.exec('BEGIN');
  for (const node of tree) {
    const share = perDay / Math.max(1, tree.filter((a) => a.level === node.level).length);
    for (const day of days) {
      const filed = Math.round(share * (0.5 + rand()));
      const doc: CounterDoc = {
        _id: counterId(node._id, day),
        nodeId: node._id,
        day,
        c: {
          filed,
          responded: Math.round(filed * 0.9),
          respondDue: filed,
          respondedOnTime: Math.round(filed * 0.85),
          resolveDue: filed,
          solveDue: filed,
          completedOnTime: Math.round(filed * 0.8),
          confirmed: Math.round(filed * 0.75),
          completed: Math.round(filed * 0.85),
          completions: Math.round(filed * 0.9),
          rated: Math.round(filed * 0.7),
          ratedGood: Math.round(filed * 0.6),
          reopened: Math.round(filed * 0.03),
          responseMinutes: filed * 90,
          resolutionMinutes: filed * 1500,
        },
        cat: Object.fromEntries(ORDER_CATEGORIES.map((c, i) => [CATEGORY_KEYS[c], Math.round(filed / (i + 2))])),
        col: { red: Math.round(filed * 0.1), yellow: Math.round(filed * 0.3), green: Math.round(filed * 0.6) },
        rh: Object.fromEntries(MINUTE_BUCKETS.map((_, i) => [`b${i}`, Math.round(filed / (i + 2))])),
        sh: Object.fromEntries(MINUTE_BUCKETS.map((_, i) => [`b${i}`, Math.round(filed / (12 - i))])),
      };
      await col.insert(doc);
      n++;
    }
  }
  store.db.exec('COMMIT');
  return n;
}

interface Variant {
  name: string;
  data: Record<string, unknown>;
}

const VARIANTS = (tree: Area[]): Variant[] => {
  const grid = tree.find((a) => a.level === 'grid' && a.parentId === C1) as Area;
  return [
    { name: 'street, 本年 (366 days)', data: { areaId: STREET_ID, period: 'year' } },
    { name: 'community, 本月', data: { areaId: C1, period: 'month' } },
    { name: 'grid, 本周', data: { areaId: grid._id, period: 'week' } },
    { name: 'street, 今天', data: { areaId: STREET_ID, period: 'today' } },
  ];
};

interface SizeResult {
  n: number;
  loadSeconds: number;
  counterDocs: number;
  fileMiB: number;
  rows: Array<{ name: string; mean: number; p95: number; reads: number; sequential: number; byOp: string }>;
}

async function measureSize(n: number, reps: number, template: Buffer, tree: Area[]): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-dash-'));
  fs.writeFileSync(path.join(dir, 'wangge.db'), template);
  const store = openSqliteStore({ dataDir: dir });
  try {
    const loadSeconds = await insertOrders(store, n, tree);
    const counterDocs = await insertCounters(store, tree, n / HISTORY_DAYS);
    store.db.exec('ANALYZE');
    const counting = countingStore(store);
    const deps: Deps = { store: counting.store, now: () => START, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
    const rows: SizeResult['rows'] = [];
    for (const v of VARIANTS(tree)) {
      const once = async () => {
        const env = await handle(FUNCTIONS.dashboard!, { action: 'summary', data: v.data }, identityOf(STREET_ADMIN), deps);
        if (!env.ok) throw new Error(`dashboard.summary failed: ${env.error.code} ${env.error.message}`);
      };
      for (let i = 0; i < 10; i++) await once();
      counting.reset();
      await once();
      const c = counting.counts();
      const lat = new Float64Array(reps);
      for (let i = 0; i < reps; i++) {
        const t = nowUs();
        await once();
        lat[i] = (nowUs() - t) / 1000;
      }
      const s = summarize(lat);
      rows.push({
        name: v.name,
        mean: s.mean,
        p95: s.p95,
        reads: c.total,
        sequential: c.sequential,
        byOp: Object.entries(c.byOp)
          .map(([op, k]) => `${op} ${k}`)
          .join(', '),
      });
    }
    return { n, loadSeconds, counterDocs, fileMiB: mib(fs.statSync(path.join(dir, 'wangge.db')).size), rows };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface ExportResult {
  n: number;
  rows: number;
  bytes: number;
  seconds: number;
  maxRssMiB: number;
  baseRssMiB: number;
  peakHeapMiB: number;
}

/** Child mode: export every order of the store as the street admin, report rows, time and memory on stdout. */
async function exportChild(dir: string): Promise<void> {
  const store = openSqliteStore({ dataDir: dir });
  const deps: Deps = { store, now: () => START, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
  const baseRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  const t = nowUs();
  const env = await handle(
    FUNCTIONS.dashboard!,
    { action: 'exportOrders', data: { areaId: STREET_ID, period: 'custom', from: shanghaiDay(START - 365 * DAY), to: shanghaiDay(START) } },
    identityOf(STREET_ADMIN),
    deps,
  );
  const seconds = (nowUs() - t) / 1e6;
  clearInterval(sampler);
  if (!env.ok) throw new Error(`export failed: ${env.error.code} ${env.error.message}`);
  const out = env.data as { rows: number; url: string };
  const file = path.join(dir, 'uploads', path.basename(out.url));
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ rows: out.rows, bytes, seconds, maxRssMiB: mib(process.resourceUsage().maxRSS * 1024), baseRssMiB: mib(baseRss), peakHeapMiB: mib(peakHeap) })}\n`,
  );
}

async function measureExport(n: number, template: Buffer, tree: Area[], root: string): Promise<ExportResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-export-'));
  fs.writeFileSync(path.join(dir, 'wangge.db'), template);
  const store = openSqliteStore({ dataDir: dir });
  try {
    const all = places(tree);
    const rand = rng(99);
    store.db.exec('BEGIN');
    // Every order inside the exported year, so the sheet has exactly n rows.
    for (let i = 0; i < n; i++) await orders(store).insert({ ...makeOrder(i + OPEN_BACKLOG, all, rand), createdAt: START - Math.floor((i / n) * 364 * DAY) });
    store.db.exec('COMMIT');
  } finally {
    await store.close();
  }
  try {
    const child = fork(__filename, ['--export-child', dir], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`export child exited with ${code}`);
    return { n, ...(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Omit<ExportResult, 'n'>) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function render(sizes: SizeResult[], exp: ExportResult, figures: Figures): string {
  const [small, big] = sizes as [SizeResult, SizeResult];
  const same = small.rows.every((r, i) => r.reads === big.rows[i]?.reads);
  figures['dashboard reads same at both sizes'] = same ? 'yes' : 'NO';
  for (const s of sizes)
    for (const r of s.rows) {
      figures[`dashboard ${fmt(s.n)} ${r.name} reads`] = r.reads;
      figures[`dashboard ${fmt(s.n)} ${r.name} mean ms`] = r.mean;
    }
  figures['export orders rows'] = exp.rows;
  figures['export orders seconds'] = exp.seconds;
  figures['export orders max RSS MiB'] = exp.maxRssMiB;
  return [
    `Two temp SQLite files (the seeded demo store, every declared index), one with ${fmt(small.n)} and one with ${fmt(big.n)} orders on random`,
    `buildings of the street: the same open backlog of ${fmt(OPEN_BACKLOG)} orders (last 30 days, 10 % overdue) in both, the rest closed,`,
    `rejected or cancelled history over two years; and the same ${fmt(small.counterDocs)} counter docs (a year of days × every node).`,
    `\`dashboard.summary\` through \`handle()\` as the street admin; store round trips counted by \`backend/store/counting.ts\``,
    `(every port call is one; "sequential" are those not overlapped by another), latency over repeated calls after 10 warm-ups.`,
    '',
    table(
      ['call', ...sizes.flatMap((s) => [`${fmt(s.n)}: reads (sequential)`, `${fmt(s.n)}: mean / p95`])],
      small.rows.map((r, i) => [
        r.name,
        ...sizes.flatMap((s) => {
          const x = s.rows[i];
          return x ? [`${x.reads} (${x.sequential})`, `${fmt(x.mean, 2)} / ${fmt(x.p95, 2)} ms`] : ['', ''];
        }),
      ]),
    ),
    '',
    `Reads per call are ${same ? '**the same at both sizes**' : '**NOT the same**'}: ${small.rows[0]?.byOp ?? ''} (street, 本年). The counter docs are one \`find\``,
    `by \`_id $in\` (one doc per day); the open backlog by status is one \`group\`, the overdue list a \`find\` ∥ \`count\` on the`,
    `(status, path, createdAt) index; members and points distribution are counts on \`registrations\`/\`points_totals\`. Loading took`,
    `${sizes.map((s) => `${fmt(s.loadSeconds, 1)} s for ${fmt(s.n)} (file ${s.fileMiB} MiB)`).join(' and ')}.`,
    '',
    `**Export:** \`dashboard.exportOrders\` of ${fmt(exp.rows)} orders (the street, a custom year) in a child process: ${fmt(exp.seconds, 1)} s,`,
    `${fmt(exp.bytes / 1024 / 1024, 1)} MiB xlsx, peak RSS ${exp.maxRssMiB} MiB (${exp.baseRssMiB} MiB before the export started), peak JS heap`,
    `${exp.peakHeapMiB} MiB (sampled every 20 ms). Rows are read 500 at a time (keyset paging on \`_id\`) and written to a streaming`,
    `workbook, so memory does not grow with the row count.`,
  ].join('\n');
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const tree = demoAreas();
  const template = await seededTemplate();
  const sizes: SizeResult[] = [];
  for (const n of ctx.quick ? [10_000, 50_000] : [10_000, 1_000_000]) sizes.push(await measureSize(n, ctx.quick ? 10 : 40, template, tree));
  const exp = await measureExport(ctx.quick ? 10_000 : 100_000, template, tree, ctx.root);
  const figures: Figures = {};
  return { markdown: render(sizes, exp, figures), figures };
}

export const dashboardSection: Section = { id: 'dashboard', title: 'Dashboard (issue 6)', run };

if (process.argv[2] === '--export-child') {
  exportChild(process.argv[3] ?? '').catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
