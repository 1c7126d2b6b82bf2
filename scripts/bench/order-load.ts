/** Bench: file, claim and complete through the HTTP server (child process) under 50 keep-alive connections. */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Area } from '../../shared/areas/model';
import { signToken } from '../../local/token';
import type { BenchContext, Figures } from './report';
import { fmt, nowUs, summarize, table } from './report';
import type { OrdersLoadPlan } from './serve-orders';
import { benchPooled, benchResident, places, pooledOwner } from './serve-orders';
import { serverStats, startServer, stopServer } from './child-server';
import { GOOD_ORDER } from './order-common';
import type { Measured } from './order-common';

const CONCURRENCY = 50;

export interface LoadReq {
  path: string;
  body: Buffer;
  auth: string;
}

export interface Target {
  port: number;
  agent: http.Agent;
  sockets: Set<Socket>;
}

interface LoadResult {
  latMs: Float64Array;
  errors: number;
  firstError: string;
  seconds: number;
}

/** One call; resolves to the body of an `ok` answer, rejects with a short description of anything else. */
export function post(t: Target, r: LoadReq): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: t.port,
        path: r.path,
        method: 'POST',
        agent: t.agent,
        headers: { 'content-type': 'application/json', 'content-length': r.body.length, authorization: `Bearer ${r.auth}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200 && text.startsWith('{"ok":true')) resolve(text);
          else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        });
      },
    );
    req.on('socket', (s: Socket) => t.sockets.add(s));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Closed loop: CONCURRENCY callers share the list, each sending the next request when its last one answers. */
async function closedLoop(t: Target, reqs: LoadReq[]): Promise<LoadResult> {
  const lat = new Float64Array(reqs.length);
  let next = 0;
  let errors = 0;
  let firstError = '';
  const start = nowUs();
  const caller = async () => {
    while (next < reqs.length) {
      const slot = next++;
      const t0 = nowUs();
      try {
        await post(t, reqs[slot]);
      } catch (e) {
        errors++;
        firstError ||= e instanceof Error ? e.message : String(e);
      }
      lat[slot] = (nowUs() - t0) / 1000;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  return { latMs: lat, errors, firstError, seconds: (nowUs() - start) / 1e6 };
}

interface PhaseRow {
  name: string;
  call: string;
  r: LoadResult;
  cpuPct: number;
}

export async function measureLoad(
  ctx: BenchContext,
  tree: Area[],
): Promise<{ rows: PhaseRow[]; plan: OrdersLoadPlan; warm: number; n: number; rssMiB: number; connections: number }> {
  const n = ctx.quick ? 400 : 4000;
  const warm = ctx.quick ? 50 : 300;
  const items = n + warm;
  const plan: OrdersLoadPlan = { residents: items, members: Math.ceil(items / 4), pooled: items };
  const secret = randomBytes(32).toString('hex');
  const { child, port } = await startServer(ctx.root, 'serve-orders.ts', { WG_BENCH_SECRET: secret, WG_BENCH_ORDERS_PLAN: JSON.stringify(plan) });
  const target: Target = { port, agent: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }), sockets: new Set() };
  try {
    const all = places(tree);
    const tokens = new Map<string, string>();
    const token = (who: string) => {
      let t = tokens.get(who);
      if (!t) tokens.set(who, (t = signToken(secret, who, Date.now()).token));
      return t;
    };
    const req = (fn: string, action: string, data: Record<string, unknown>, who: string): LoadReq => ({
      path: `/api/fn/${fn}`,
      body: Buffer.from(JSON.stringify({ action, data })),
      auth: token(who),
    });
    const phases: Array<{ name: string; call: string; reqs: LoadReq[] }> = [
      {
        name: 'create',
        call: '`orders.file`',
        // One order per resident (the 5-a-day quota never trips), on buildings all over the street.
        reqs: Array.from({ length: items }, (_, i) => req('orders', 'file', { ...GOOD_ORDER, buildingId: all[i % all.length].building._id }, benchResident(i))),
      },
      {
        name: 'claim',
        call: '`orders.claim`',
        reqs: Array.from({ length: items }, (_, i) => req('orders', 'claim', { orderId: benchPooled(i) }, pooledOwner(i))),
      },
      {
        name: 'complete',
        call: '`orders.complete`',
        reqs: Array.from({ length: items }, (_, i) => req('orders', 'complete', { orderId: benchPooled(i), note: '已上门处理好' }, pooledOwner(i))),
      },
    ];
    const rows: PhaseRow[] = [];
    for (const ph of phases) {
      const w = await closedLoop(target, ph.reqs.slice(0, warm));
      if (w.errors) throw new Error(`${ph.name} warm-up: ${w.errors} errors, first: ${w.firstError}`);
      child.send('reset');
      const r = await closedLoop(target, ph.reqs.slice(warm));
      const stats = await serverStats(child);
      rows.push({ name: ph.name, call: ph.call, r, cpuPct: ((stats.cpuUserMs + stats.cpuSystemMs) / 1000 / r.seconds) * 100 });
    }
    const stats = await serverStats(child);
    return { rows, plan, warm, n, rssMiB: stats.rssMiB, connections: target.sockets.size };
  } finally {
    target.agent.destroy();
    await stopServer(child);
  }
}

export function renderLoad(l: Measured<typeof measureLoad>, figures: Figures): string {
  const rows = l.rows.map((p) => {
    const s = summarize(p.r.latMs);
    figures[`${p.name} p50 ms`] = s.p50;
    figures[`${p.name} p95 ms`] = s.p95;
    figures[`${p.name} requests/s`] = s.n / p.r.seconds;
    figures[`${p.name} errors`] = p.r.errors;
    if (p.r.firstError) figures[`${p.name} first error`] = p.r.firstError;
    return [p.call, fmt(s.n), fmt(s.n / p.r.seconds), `${fmt(s.p50, 2)} ms`, `${fmt(s.p95, 2)} ms`, `${fmt(s.p99, 2)} ms`, `${fmt(s.max, 1)} ms`, p.r.errors, `${fmt(p.cpuPct)} %`];
  });
  figures['load connections opened'] = l.connections;
  const errors = l.rows.filter((p) => p.r.errors).map((p) => `${p.name}: \`${p.r.firstError}\``);
  return [
    `### b. Create, claim, complete under ${CONCURRENCY} keep-alive connections`,
    '',
    'Through the real gateway (`createLocalServer`) in a child process (`scripts/bench/serve-orders.ts`) over a temp SQLite',
    `store: the demo seed plus ${fmt(l.plan.residents)} residents spread over all 336 buildings, ${fmt(l.plan.members)} members (each registered`,
    `in one of the 28 communities) and ${fmt(l.plan.pooled)} orders pooled in those members' communities, four per member, all inserted`,
    `directly before the run. The generator is a closed loop of ${CONCURRENCY} callers on an \`http.Agent({keepAlive: true})\` to 127.0.0.1`,
    `(${l.connections} connections opened in all). Three phases one after another, each ${fmt(l.warm)} warm-up requests then ${fmt(l.n)} measured:`,
    "**create** — each request a different resident filing one order (so each is that resident's first of the day: the quota",
    'counter is created); **claim** — each member claims their own four pooled orders (no two requests race for one order);',
    "**complete** — the same members complete those orders. Server CPU is the child's over the measured part (100 % = one core);",
    'both processes share the 2 cores.',
    '',
    table(['call', 'requests', 'requests/s', 'p50', 'p95', 'p99', 'max', 'errors', 'server CPU'], rows),
    '',
    `Server RSS after the run: ${l.rssMiB} MiB.${errors.length ? ` First errors: ${errors.join('; ')}.` : ''}`,
  ].join('\n');
}
