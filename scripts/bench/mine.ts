/** Bench: 我的点单 (`orders.mine`: filed by me or followed by me) through handle() on 10,000 and 1,000,000 orders, with the plans SQLite ran. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS } from '../../backend/functions';
import { orders } from '../../backend/orders/repo';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import { SqliteStore, openSqliteStore } from '../../backend/store/sqlite';
import { users } from '../../backend/users/repo';
import { demoAreas } from '../../local/seed';
import { START, quietLog } from './order-common';
import { hallOrder } from './order-hall';
import type { BenchContext } from './report';
import { fmt, mib, nowUs, rng, summarize } from './report';
import { places } from './serve-orders';

/** Residents file five orders each on average; one order in 20 is followed by a neighbour. */
const PER_RESIDENT = 5;
const CALLERS = 100;
const filer = (i: number, n: number) => `u-r-${i % (n / PER_RESIDENT)}`;
const follower = (i: number, n: number) => (i % 20 === 0 ? `u-r-${(i * 7 + 3) % (n / PER_RESIDENT)}` : null);

export interface MineRun {
  orders: number;
  loadSeconds: number;
  fileMiB: number;
  variants: Array<{ name: string; mean: number; p95: number; total: number }>;
  plans: string[];
  scanned: boolean;
}

async function measureOne(ctx: BenchContext, n: number, template: Buffer): Promise<MineRun> {
  const reps = ctx.quick ? 60 : 300;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-mine-'));
  const file = path.join(dir, 'wangge.db');
  fs.writeFileSync(file, template);
  const store = openSqliteStore({ dataDir: dir });
  try {
    const all = places(demoAreas());
    const rand = rng(20261207);
    const t0 = nowUs();
    for (let start = 0; start < n; start += 10_000) {
      store.db.exec('BEGIN');
      for (let i = start; i < Math.min(n, start + 10_000); i++) {
        const f = follower(i, n);
        const followers = f && f !== filer(i, n) ? [f] : [];
        await orders(store).insert({ ...hallOrder(i, all, rand), createdBy: filer(i, n), followers, followerCount: followers.length });
      }
      store.db.exec('COMMIT');
    }
    const loadSeconds = (nowUs() - t0) / 1e6;
    const home = all[0]!.building;
    for (let k = 0; k < CALLERS; k++) {
      await users(store).insert({
        _id: `u-r-${k}`,
        name: `居民${k}`,
        homeAreaId: home._id,
        homePath: home.path,
        roles: [{ role: 'resident', areaId: home._id, areaPath: home.path, grantedBy: 'bench', grantedAt: START }],
        roleNames: ['resident'],
        staffAreaIds: [],
        rev: 0,
        createdAt: START,
      });
    }
    const deps: Deps = { store, now: () => START, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
    const variants: MineRun['variants'] = [];
    for (const [name, data] of [
      ['page 1', {}],
      ['open ones', { scope: 'open' }],
      ['done ones, page 2', { scope: 'done', page: 2, pageSize: 10 }],
    ] as Array<[string, Record<string, unknown>]>) {
      const once = async (k: number) => {
        const env = await handle(FUNCTIONS.orders!, { action: 'mine', data }, { kind: 'local', userId: `u-r-${k % CALLERS}` }, deps);
        if (!env.ok) throw new Error(`orders.mine failed: ${env.error.code} ${env.error.message}`);
        return (env.data as { total: number }).total;
      };
      for (let i = 0; i < 10; i++) await once(i);
      const lat = new Float64Array(reps);
      let total = 0;
      for (let i = 0; i < reps; i++) {
        const t = nowUs();
        total += await once(i);
        lat[i] = (nowUs() - t) / 1000;
      }
      const s = summarize(lat);
      variants.push({ name, mean: s.mean, p95: s.p95, total: total / reps });
    }
    // The statements one call ran, as SQLite expanded them, and their plans (a second connection that logs them).
    const captured: string[] = [];
    const spyDb = new Database(file, { verbose: (m?: unknown) => captured.push(String(m)) });
    const spy = new SqliteStore(spyDb);
    try {
      const env = await handle(FUNCTIONS.orders!, { action: 'mine', data: { scope: 'open' } }, { kind: 'local', userId: 'u-r-7' }, { ...deps, store: spy });
      if (!env.ok) throw new Error('orders.mine failed on the logging connection');
      const plans = captured
        .filter((sql) => /^SELECT/.test(sql) && sql.includes('FROM "orders"'))
        .map((sql) => (spyDb.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; '));
      return { orders: n, loadSeconds, fileMiB: mib(fs.statSync(file).size), variants, plans, scanned: plans.some((p) => /\bSCAN orders\b/.test(p)) };
    } finally {
      await spy.close();
    }
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureMine(ctx: BenchContext, template: Buffer): Promise<MineRun[]> {
  const sizes = ctx.quick ? [10_000, 100_000] : [10_000, 1_000_000];
  const out: MineRun[] = [];
  for (const n of sizes) out.push(await measureOne(ctx, n, template));
  return out;
}

export function renderMine(runs: MineRun[]): string {
  const rows = runs.flatMap((r) => r.variants.map((v) => `| ${fmt(r.orders)} | \`orders.mine\` ${v.name} | ${fmt(v.mean, 2)} ms | ${fmt(v.p95, 2)} ms | ${fmt(v.total, 1)} |`));
  return [
    `A temp SQLite file (the seeded demo store, every declared index, no \`ANALYZE\`) with orders as in 3c, filed by residents five each`,
    'on average, one in 20 followed by a neighbour. `orders.mine` through `handle()` as 100 of those residents in turn (actor read +',
    '`find` page ∥ `count`), each variant after 10 warm-up calls. Loading: ' +
      runs.map((r) => `${fmt(r.orders)} orders in ${fmt(r.loadSeconds, 1)} s (file ${r.fileMiB} MiB)`).join(', ') +
      '.',
    '',
    '| orders | call | mean | p95 | total matching (mean) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...runs.flatMap((r) => [
      `Plans at ${fmt(r.orders)} orders (\`scope: open\`) — ${r.scanned ? '**a table scan**' : 'no table scan'}:`,
      '',
      ...r.plans.map((p) => `- \`${p}\``),
      '',
    ]),
  ].join('\n');
}
