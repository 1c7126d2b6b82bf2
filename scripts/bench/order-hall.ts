/** Bench: the order hall on 100,000 orders, with the query plans of the statements it ran. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Area } from '../../shared/areas/model';
import type { Colour, OrderStatus } from '../../shared/orders/model';
import { OPEN_STATUSES } from '../../shared/orders/model';
import type { Skill } from '../../shared/users/roles';
import { MEMBER_SKILLS } from '../../shared/users/roles';
import { FUNCTIONS } from '../../backend/functions';
import type { OrderDoc } from '../../backend/orders/repo';
import { orders } from '../../backend/orders/repo';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import { SqliteStore, openSqliteStore } from '../../backend/store/sqlite';
import type { BenchContext, Figures } from './report';
import { fmt, mib, nowUs, rng, summarize, table } from './report';
import type { Place } from './serve-orders';
import { benchOrder, places } from './serve-orders';
import { C1, DAY, MEMBER, START, identityOf, quietLog } from './order-common';
import type { Measured } from './order-common';

/** Share of each status among all orders ever filed: mostly closed, ~10% in the pools. */
const STATUS_MIX: Array<[OrderStatus, number]> = [
  ['new', 0.05],
  ['triaged', 0.03],
  ['pooled', 0.1],
  ['assigned', 0.03],
  ['in_progress', 0.07],
  ['completed', 0.05],
  ['reopened', 0.01],
  ['closed', 0.58],
  ['rejected', 0.04],
  ['cancelled', 0.04],
];
const COLOUR_MIX: Array<[Colour, number]> = [
  ['red', 0.1],
  ['yellow', 0.3],
  ['green', 0.6],
];

function pick<T>(mix: Array<[T, number]>, r: number): T {
  let acc = 0;
  for (const [v, w] of mix) {
    acc += w;
    if (r < acc) return v;
  }
  return mix[mix.length - 1][0];
}

/** Order i: a random building of the street, a status by STATUS_MIX; open ones from the last 30 days, the rest over a year. */
export function hallOrder(i: number, all: Place[], rand: () => number): OrderDoc {
  const place = all[Math.floor(rand() * all.length)];
  const status = pick(STATUS_MIX, rand());
  const open = OPEN_STATUSES.includes(status);
  const createdAt = START - Math.floor(rand() * (open ? 30 : 365) * DAY);
  const colour: Colour | null = status === 'new' || ((status === 'rejected' || status === 'cancelled') && rand() < 0.5) ? null : pick(COLOUR_MIX, rand());
  const fromPool = status === 'pooled' || (['in_progress', 'completed', 'closed', 'reopened'].includes(status) && rand() < 0.5);
  const poolNode = rand() < 0.6 ? place.grid : place.community;
  const skill: Skill | null = rand() < 0.3 ? MEMBER_SKILLS[Math.floor(rand() * MEMBER_SKILLS.length)] : null;
  const held = ['assigned', 'in_progress', 'completed'].includes(status) || (status === 'closed' && rand() < 0.8);
  const holderId = held ? `u-m-${Math.floor(rand() * 2000)}` : null;
  return benchOrder(`o-h${String(i).padStart(7, '0')}`, place, status, createdAt, `u-r-${Math.floor(rand() * 20000)}`, {
    category: (['维修', '环境卫生', '助老助残', '安全隐患', '矛盾纠纷'] as const)[i % 5],
    colour,
    pool: fromPool ? { areaId: poolNode._id, areaPath: poolNode.path, skill } : null,
    holderId,
    holderName: holderId ? '党员' : null,
    completedAt: ['completed', 'closed'].includes(status) && held ? createdAt + 2 * DAY : null,
    closedAt: ['closed', 'rejected', 'cancelled'].includes(status) ? createdAt + 3 * DAY : null,
  });
}

interface HallVariant {
  name: string;
  data: Record<string, unknown>;
  mean: number;
  p95: number;
  total: number;
  rows: number;
}

interface Explained {
  sql: string;
  plan: string;
  indexed: boolean;
}

const HALL_INDEX = 'ix_orders_status_pool_areaPath_createdAt_createdBy__id_pool_skill';

export async function measureHall(ctx: BenchContext, tree: Area[], template: Buffer) {
  const n = ctx.quick ? 10_000 : 100_000;
  const reps = ctx.quick ? 60 : 300;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-hall-'));
  const file = path.join(dir, 'wangge.db');
  fs.writeFileSync(file, template);
  const store = openSqliteStore({ dataDir: dir });
  try {
    const all = places(tree);
    const rand = rng(20261120);
    const col = orders(store);
    const t0 = nowUs();
    for (let start = 0; start < n; start += 10_000) {
      store.db.exec('BEGIN');
      for (let i = start; i < Math.min(n, start + 10_000); i++) await col.insert(hallOrder(i, all, rand));
      store.db.exec('COMMIT');
    }
    const loadSeconds = (nowUs() - t0) / 1e6;
    store.db.exec('ANALYZE');
    const byStatus = await col.group({}, { by: ['status'] });
    const pooled = byStatus.find((g) => g.key.status === 'pooled')?.count ?? 0;
    const c1 = await store.collection<Area>('areas').get(C1);

    const deps: Deps = { store, now: () => START, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
    const me = identityOf(MEMBER);
    const variants: HallVariant[] = [];
    for (const [name, data] of [
      ['page 1', {}],
      ['page 1, skill 维修', { skill: '维修' }],
      ['page 5', { page: 5 }],
    ] as Array<[string, Record<string, unknown>]>) {
      const once = async () => {
        const env = await handle(FUNCTIONS.orders, { action: 'hall', data }, me, deps);
        if (!env.ok) throw new Error(`orders.hall failed: ${env.error.code} ${env.error.message}`);
        return env.data as { total: number; items: unknown[] };
      };
      for (let i = 0; i < 10; i++) await once();
      const lat = new Float64Array(reps);
      let last = { total: 0, items: [] as unknown[] };
      for (let i = 0; i < reps; i++) {
        const t = nowUs();
        last = await once();
        lat[i] = (nowUs() - t) / 1000;
      }
      const s = summarize(lat);
      variants.push({ name, data, mean: s.mean, p95: s.p95, total: last.total, rows: last.items.length });
    }

    // The statements the action really ran, as SQLite expanded them, from a second connection that logs them.
    const captured: string[] = [];
    const spyDb = new Database(file, { verbose: (m?: unknown) => captured.push(String(m)) });
    const spy = new SqliteStore(spyDb);
    try {
      const env = await handle(FUNCTIONS.orders, { action: 'hall', data: {} }, me, { ...deps, store: spy });
      if (!env.ok) throw new Error('orders.hall failed on the logging connection');
      const explained: Explained[] = captured
        .filter((sql) => /^SELECT/.test(sql) && sql.includes('FROM "orders"'))
        .map((sql) => {
          const plan = (spyDb.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
          return { sql, plan, indexed: plan.includes(HALL_INDEX) && !/\bSCAN orders\b/.test(plan) };
        });
      return { n, loadSeconds, pooled, byStatus, memberScope: c1?.path ?? '?', variants, explained, reps, fileMiB: mib(fs.statSync(file).size) };
    } finally {
      await spy.close();
    }
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function renderHall(h: Measured<typeof measureHall>, figures: Figures): string {
  figures['hall orders'] = h.n;
  figures['hall pooled orders (street)'] = h.pooled;
  for (const v of h.variants) {
    figures[`hall ${v.name} mean ms`] = v.mean;
    figures[`hall ${v.name} p95 ms`] = v.p95;
  }
  h.explained.forEach((e, i) => (figures[`hall plan ${i + 1}`] = e.plan));
  figures['hall index used'] = h.explained.length === 2 && h.explained.every((e) => e.indexed) ? 'yes' : 'NO';
  const mix = h.byStatus
    .sort((a, b) => b.count - a.count)
    .map((g) => `${g.key.status} ${fmt((g.count / h.n) * 100, 1)} %`)
    .join(', ');
  return [
    `### c. The order hall on ${fmt(h.n)} orders`,
    '',
    `A temp SQLite file (the seeded demo store, every declared index) with ${fmt(h.n)} orders on random buildings of the 28 communities ×`,
    `3 grids × 4 buildings (${mix}); open ones from the last 30 days, the rest over a year; pooled ones in a grid (60 %) or`,
    `community (40 %) pool, 30 % asking for a skill. ${fmt(h.pooled)} pooled orders street-wide; file ${h.fileMiB} MiB (loaded in`,
    `${fmt(h.loadSeconds, 1)} s through the port, 10,000 per transaction; then \`ANALYZE\`). \`orders.hall\` through \`handle()\` as`,
    `the demo member \`${MEMBER}\` (member of \`${h.memberScope}\`): actor read + \`find\` page ∥ \`count\`, ${h.reps} calls each after 10 warm-up calls.`,
    '',
    table(
      ['call', 'mean', 'p95', 'total matching', 'rows returned'],
      h.variants.map((v) => [`\`orders.hall ${JSON.stringify(v.data)}\` (${v.name})`, `${fmt(v.mean, 2)} ms`, `${fmt(v.p95, 2)} ms`, fmt(v.total), v.rows]),
    ),
    '',
    `The two statements \`orders.hall {}\` ran on \`orders\`, as SQLite expanded them (captured with better-sqlite3's \`verbose\` on a`,
    `second connection), and \`EXPLAIN QUERY PLAN\` of each — index \`${HALL_INDEX}\` on (status, pool.areaPath, createdAt desc, createdBy, _id desc, pool.skill):`,
    '',
    ...h.explained.flatMap((e) => ['```sql', e.sql, '```', '', `Plan: \`${e.plan}\` — ${e.indexed ? 'index used, no table scan' : '**NOT served by the index**'}`, '']),
  ].join('\n');
}
