/** Bench section: the SQLite DocumentStore on 100k order-like documents, through the port. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collection, Filter, FindOptions, IndexSpec } from '../../backend/store/port';
import type { SqliteStore } from '../../backend/store/sqlite';
import { openSqliteStore } from '../../backend/store/sqlite';
import type { Param } from '../../backend/store/sqlite-sql';
import { compileFilter, compileSort, fieldExpr } from '../../backend/store/sqlite-sql';
import type { OrderDoc } from './orders';
import { EPOCH, makeOrder, orderId } from './orders';
import type { BenchContext, Section, SectionResult, Summary } from './report';
import { fmt, mib, nowUs, rng, summarize, table, timeEach } from './report';

const COLLECTION = 'bench_orders';
const INDEXES: IndexSpec[] = [
  {
    fields: [
      ['status', 1],
      ['areaPath', 1],
    ],
  },
  {
    fields: [
      ['areaPath', 1],
      ['createdAt', -1],
    ],
  },
];
function fileSize(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

/** The SQL the adapter runs for a find, rebuilt with its own compilers, for EXPLAIN QUERY PLAN. */
function explainFind(store: SqliteStore, filter: Filter, options: FindOptions): string {
  const params: Param[] = [];
  let sql = `SELECT doc FROM "${COLLECTION}" WHERE ${compileFilter(filter, params)}${compileSort(options.sort)}`;
  if (options.limit !== undefined || options.skip) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(options.limit ?? -1, options.skip ?? 0);
  }
  return explainSql(store, sql, params);
}

function explainSql(store: SqliteStore, sql: string, params: Param[]): string {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('; ');
}

async function insertAll(col: Collection<OrderDoc>, n: number, rand: () => number): Promise<number> {
  let spent = 0;
  for (let start = 0; start < n; start += 1000) {
    const batch: OrderDoc[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) batch.push(makeOrder(i, n, rand));
    const t = nowUs();
    for (const doc of batch) await col.insert(doc);
    spent += nowUs() - t;
  }
  return spent / 1e6;
}

const us = (s: Summary) => [`${fmt(s.mean, 1)} µs`, `${fmt(s.p95, 1)} µs`];
const ms = (s: Summary) => [`${fmt(s.mean / 1000, 2)} ms`, `${fmt(s.p95 / 1000, 2)} ms`];
const times = (base: number, reps: number) => Math.max(1, Math.round(base * reps));

async function measureInserts(store: SqliteStore, n: number, reps: number, rand: () => number) {
  await store.ensureIndexes(COLLECTION, INDEXES);
  const insertRate = n / (await insertAll(store.collection<OrderDoc>(COLLECTION), n, rand));
  // The same port calls inside one explicit transaction, for scale: the port has no batch insert.
  const txN = times(10_000, reps);
  await store.ensureIndexes('bench_orders_tx', INDEXES);
  const txCol = store.collection<OrderDoc>('bench_orders_tx');
  const txDocs = Array.from({ length: txN }, (_, i) => makeOrder(i, txN, rand));
  const t = nowUs();
  store.db.exec('BEGIN');
  for (const d of txDocs) await txCol.insert(d);
  store.db.exec('COMMIT');
  return { insertRate, txN, txRate: txN / ((nowUs() - t) / 1e6) };
}

const PAGE_OPTS: FindOptions = { sort: [['createdAt', -1]], limit: 20, skip: 40 };
/** 3 statuses × 24 communities, in rotation. */
const pageFilter = (i: number): Filter => ({
  status: ['open', 'in_progress', 'done'][i % 3],
  areaPath: { $prefix: `/S1/Z${(i % 4) + 1}/C${(i % 4) * 6 + (i % 6) + 1}/` },
});

async function measureReads(store: SqliteStore, col: Collection<OrderDoc>, n: number, reps: number, rand: () => number) {
  const ids = Array.from({ length: 10_000 }, () => orderId(Math.floor(rand() * n)));
  const getS = summarize(await timeEach(ids.length, (i) => col.get(ids[i] ?? '')));
  let rows = 0;
  const pageS = summarize(
    await timeEach(times(300, reps), async (i) => {
      rows += (await col.find(pageFilter(i), PAGE_OPTS)).length;
    }),
  );
  let matching = 0;
  for (let i = 0; i < pageS.n; i++) matching += await col.count(pageFilter(i));
  return { getS, pageS, pageRows: rows / pageS.n, pageMatching: matching / pageS.n, pagePlan: explainFind(store, pageFilter(0), PAGE_OPTS) };
}

/** 认领-like write: only while still open, set the assignee, append to the timeline, bump rev. */
async function measureUpdates(col: Collection<OrderDoc>, reps: number) {
  const openIds = (await col.find({ status: 'open' }, { limit: 5000 })).map((d) => d._id);
  const updN = Math.min(openIds.length, times(2000, reps));
  let matched = 0;
  const updS = summarize(
    await timeEach(updN, async (i) => {
      matched += await col.updateWhere(
        { _id: openIds[i] ?? '', status: 'open' },
        {
          $set: { updatedAt: EPOCH + i, assignee: { id: 'u-gridworker', name: '陈静' } },
          $push: { timeline: { at: EPOCH + i, by: 'u-gridworker', kind: 'claimed' } },
          $inc: { rev: 1 },
        },
      );
    }),
  );
  const after = await col.get(openIds[0] ?? '');
  const correct =
    Array.isArray(after?.timeline) && after.timeline.length === 2 && after.timeline[1]?.kind === 'claimed' && after.rev === 1 && after.assignee?.id === 'u-gridworker';
  // Once the order has moved on, the same conditional claim must match nothing.
  await col.updateWhere({ _id: openIds[0] ?? '' }, { $set: { status: 'assigned' } });
  const rematch = await col.updateWhere({ _id: openIds[0] ?? '', status: 'open' }, { $inc: { rev: 1 } });
  return { updS, matched, updN, correct: correct && rematch === 0 };
}

async function measureAggregates(store: SqliteStore, col: Collection<OrderDoc>, reps: number) {
  const countFilter: Filter = { status: 'open', areaPath: { $prefix: '/S1/Z2/' } };
  let counted = 0;
  const countS = summarize(await timeEach(times(100, reps), async () => (counted = await col.count(countFilter))));
  const params: Param[] = [];
  const countPlan = explainSql(store, `SELECT count(*) FROM "${COLLECTION}" WHERE ${compileFilter(countFilter, params)}`, params);
  let scanned = 0;
  const scanS = summarize(await timeEach(times(20, reps), async () => (scanned = await col.count({ colour: 'red' }))));
  const zone: Filter = { areaPath: { $prefix: '/S1/Z1/' } };
  let groups = 0;
  let grouped = 0;
  const groupS = summarize(
    await timeEach(times(20, reps), async () => {
      const rows = await col.group(zone, { by: ['status', 'colour'], sum: ['points'] });
      groups = rows.length;
      grouped = rows.reduce((s, r) => s + r.count, 0);
    }),
  );
  const zoneCount = await col.count(zone);
  const gp: Param[] = [];
  const groupPlan = explainSql(
    store,
    `SELECT ${fieldExpr('status')} AS g0, ${fieldExpr('colour')} AS g1, total(${fieldExpr('points')}) AS s0, count(*) AS n FROM "${COLLECTION}" WHERE ${compileFilter(zone, gp)} GROUP BY g0, g1`,
    gp,
  );
  const streetS = summarize(await timeEach(times(5, reps), () => col.group({ areaPath: { $prefix: '/S1/' } }, { by: ['status', 'colour'], sum: ['points'] })));
  return { countS, counted, countPlan, scanS, scanned, groupS, groups, grouped, zoneCount, groupPlan, streetS };
}

/** Close, then time open + the start-up index declaration + first read on the existing file. */
async function measureReopen(dir: string, n: number) {
  const bytes = fileSize(dir);
  let t = nowUs();
  const store = openSqliteStore({ dataDir: dir });
  try {
    await store.ensureIndexes(COLLECTION, INDEXES);
    const col = store.collection<OrderDoc>(COLLECTION);
    await col.get(orderId(n - 1));
    const openMs = (nowUs() - t) / 1000;
    t = nowUs();
    await col.find(pageFilter(1), PAGE_OPTS);
    return { bytes, openMs, firstPageMs: (nowUs() - t) / 1000 };
  } finally {
    await store.close();
  }
}

/** What a measure step resolves to. */
type Measured<F extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

function render(
  n: number,
  ins: Measured<typeof measureInserts>,
  rd: Measured<typeof measureReads>,
  up: Measured<typeof measureUpdates>,
  ag: Measured<typeof measureAggregates>,
  ro: Measured<typeof measureReopen>,
  rss: number,
): SectionResult {
  const figures = {
    docs: n,
    'insert docs/s (autocommit, via port)': Math.round(ins.insertRate),
    'insert docs/s (one BEGIN/COMMIT, via port)': Math.round(ins.txRate),
    'get mean µs': rd.getS.mean,
    'get p95 µs': rd.getS.p95,
    'sorted page mean ms': rd.pageS.mean / 1000,
    'sorted page p95 ms': rd.pageS.p95 / 1000,
    'sorted page rows returned (avg)': rd.pageRows,
    'sorted page matching docs sorted (avg)': rd.pageMatching,
    'sorted page plan': rd.pagePlan,
    'update mean µs': up.updS.mean,
    'update p95 µs': up.updS.p95,
    'update p99 µs': up.updS.p99,
    'update max µs': up.updS.max,
    'update matched': `${up.matched}/${up.updN}`,
    'update result correct': up.correct ? 'yes' : 'NO',
    'count (indexed) mean ms': ag.countS.mean / 1000,
    'count (indexed) p95 ms': ag.countS.p95 / 1000,
    'count (indexed) result': ag.counted,
    'count plan': ag.countPlan,
    'count (colour, full scan) mean ms': ag.scanS.mean / 1000,
    'group zone mean ms': ag.groupS.mean / 1000,
    'group zone p95 ms': ag.groupS.p95 / 1000,
    'group zone groups / docs': `${ag.groups} / ${ag.grouped} (count: ${ag.zoneCount})`,
    'group plan': ag.groupPlan,
    'group street mean ms': ag.streetS.mean / 1000,
    'file MiB': mib(ro.bytes),
    'cold open ms': ro.openMs,
    'first sorted page after open ms': ro.firstPageMs,
    'rss MiB': rss,
  };

  const rows: Array<Array<string | number>> = [
    ['insert, one autocommit transaction per doc (port `insert` awaited in a loop)', `${fmt(ins.insertRate)} docs/s`, '', `${fmt(n)} docs, 2 indexes maintained`],
    ['insert, same calls inside one BEGIN/COMMIT (for scale; the port has no batch)', `${fmt(ins.txRate)} docs/s`, '', `${fmt(ins.txN)} docs`],
    ['`get(id)`, random ids', ...us(rd.getS), `${fmt(rd.getS.n)} calls`],
    [
      "`find({status, areaPath: {$prefix: community}}, {sort: [['createdAt', -1]], limit: 20, skip: 40})`",
      ...ms(rd.pageS),
      `${rd.pageS.n} queries over 3 statuses × 24 社区; each sorts ${fmt(rd.pageMatching)} matching docs on average`,
    ],
    ["`updateWhere({_id, status: 'open'}, {$set, $push, $inc})`", ...us(up.updS), `${up.matched}/${up.updN} matched; result ${up.correct ? 'checked' : 'WRONG'}`],
    ["`count({status: 'open', areaPath: {$prefix: zone}})`", ...ms(ag.countS), `= ${fmt(ag.counted)}`],
    ["`count({colour: 'red'})`, no index: full scan, for scale", ...ms(ag.scanS), `= ${fmt(ag.scanned)}`],
    ["`group({areaPath: {$prefix: zone}}, {by: ['status', 'colour'], sum: ['points']})`", ...ms(ag.groupS), `${ag.groups} groups over ${fmt(ag.grouped)} docs`],
    ["same `group` over the whole street (`$prefix: '/S1/'`)", ...ms(ag.streetS), `${fmt(n)} docs`],
    ['cold open: `openSqliteStore` + `ensureIndexes` + first `get`', `${fmt(ro.openMs, 1)} ms`, '', `file ${mib(ro.bytes)} MiB; OS page cache warm`],
    ['first sorted page after reopen', `${fmt(ro.firstPageMs, 2)} ms`, '', 'statement prepared afresh'],
    ['RSS of the bench process afterwards', `${rss} MiB`, '', 'includes Node, tsx and the generator'],
  ];
  const markdown = [
    `Temp dir, SQLite adapter (\`openSqliteStore\`: WAL, synchronous=NORMAL), ${fmt(n)} order-like documents`,
    '(`status`, `colour`, `points`, `areaPath` like `/S1/Z1/C3/G2/B4/` over 4 片区 × 6 社区 × 3 网格 × 4 楼栋, `createdAt` over',
    'a year, nested `reporter`, `location.geo`, `timeline[]`; 0.6–0.9 KB of JSON each), indexes declared with `ensureIndexes`',
    'on (status, areaPath) and (areaPath, createdAt desc) before loading. Every call goes through the `DocumentStore` port.',
    '',
    table(['operation', 'mean', 'p95', 'notes'], rows),
    '',
    `Query plan of the sorted page: \`${rd.pagePlan}\``,
    '',
    `Query plan of the indexed count: \`${ag.countPlan}\``,
    '',
    `Query plan of the zone group: \`${ag.groupPlan}\``,
  ].join('\n');
  return { markdown, figures };
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const n = ctx.quick ? 10_000 : 100_000;
  const reps = ctx.quick ? 0.2 : 1;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-store-'));
  const rand = rng(20260101);
  const store = openSqliteStore({ dataDir: dir });
  try {
    const ins = await measureInserts(store, n, reps, rand);
    const col = store.collection<OrderDoc>(COLLECTION);
    const rd = await measureReads(store, col, n, reps, rand);
    const up = await measureUpdates(col, reps);
    const ag = await measureAggregates(store, col, reps);
    await store.close();
    const ro = await measureReopen(dir, n);
    return render(n, ins, rd, up, ag, ro, mib(process.memoryUsage().rss));
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const storeSection: Section = {
  id: 'store',
  title: 'Store on 100,000 documents',
  run,
};
