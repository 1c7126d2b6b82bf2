/** Bench: what each action of the mix costs the server — one caller through handle(), no HTTP — and its drain, on the mix's data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAllIndexes } from '../../backend/collections';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import { openSqliteStore } from '../../backend/store/sqlite';
import { demoAreas, seedDemo } from '../../local/seed';
import { GOOD_ORDER, quietLog } from './order-common';
import { fmt, nowUs } from './report';
import type { MixPlan } from './serve-mix';
import { filerOf, historyOrder, seedMix } from './serve-mix';
import { CLAIMS_PER_MEMBER, benchMember, benchPooled, benchResident, places } from './serve-orders';

export interface ActionCost {
  call: string;
  /** Mean wall time of the action through handle(), in µs (one caller: it is the server's time). */
  us: number;
  /** Mean time of the `effects.drain` that follows it, when its answer names pending records, and how often it does. */
  drainUs: number;
  drainShare: number;
}

/** Each action's cost on a fresh store with the mix's data; `calls` of each, writes on their own orders. */
export async function measureCosts(plan: MixPlan, calls: number): Promise<ActionCost[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-cost-'));
  const store = openSqliteStore({ dataDir: dir });
  try {
    await ensureAllIndexes(store);
    await seedDemo(store, Date.now());
    await seedMix(store, plan, Date.now());
    const deps = { store, now: Date.now, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
    let drainUs = 0;
    let drains = 0;
    const call = async (fn: string, action: string, data: unknown, who: string) => {
      const env = (await handle(FUNCTIONS[fn]!, { action, data }, { kind: 'local', userId: who }, deps)) as { ok: boolean; pending?: unknown[] };
      if (!env.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(env)}`);
      if (!env.pending?.length) return;
      // As the mini-program does right after the answer (miniprogram/src/api/effects.ts), timed apart.
      const t = nowUs();
      const drained = await handle(FUNCTIONS.effects!, { action: 'drain', data: { refs: env.pending.slice(0, 10) } }, { kind: 'local', userId: who }, deps);
      if (!drained.ok) throw new Error(`effects.drain after ${fn}.${action} failed: ${JSON.stringify(drained)}`);
      drainUs += nowUs() - t;
      drains++;
    };
    const all = places(demoAreas());
    const out: ActionCost[] = [];
    const time = async (name: string, run: (i: number) => Promise<void>, warm: boolean) => {
      // Warm-up on other callers, long enough for the JIT to settle.
      if (warm) for (let i = 0; i < 100; i++) await run(calls + i);
      drainUs = 0;
      drains = 0;
      const t = nowUs();
      for (let i = 0; i < calls; i++) await run(i);
      const total = nowUs() - t;
      out.push({ call: name, us: (total - drainUs) / calls, drainUs: drains ? drainUs / drains : 0, drainShare: drains / calls });
    };
    const resident = (i: number) => benchResident((i * 7919) % plan.residents);
    await time('orders.mine', (i) => call('orders', 'mine', {}, resident(i)), true);
    await time('orders.hall', (i) => call('orders', 'hall', {}, benchMember(i % plan.members)), true);
    await time('orders.detail', (i) => call('orders', 'detail', { orderId: historyOrder((i * 37) % plan.orders) }, filerOf(plan, (i * 37) % plan.orders)), true);
    await time('notifications.list', (i) => call('notifications', 'list', {}, i % 2 ? resident(i) : benchMember(i % plan.members)), true);
    await time('orders.file', (i) => call('orders', 'file', { ...GOOD_ORDER, buildingId: all[i % all.length]!.building._id }, resident(i)), true);
    // Member i claims, reports on and completes the first of their own pooled orders: no warm-up, each order once.
    const pooled = (i: number) => ({ orderId: benchPooled(i * CLAIMS_PER_MEMBER) });
    await time('orders.claim', (i) => call('orders', 'claim', pooled(i), benchMember(i)), false);
    await time('orders.progress', (i) => call('orders', 'progress', { ...pooled(i), note: '已联系物业，明天上午上门' }, benchMember(i)), false);
    await time('orders.complete', (i) => call('orders', 'complete', { ...pooled(i), note: '已上门处理好' }, benchMember(i)), false);
    return out;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const READS = new Set(['orders.mine', 'orders.hall', 'orders.detail', 'notifications.list']);

/** The cost table and the mean per action of the mix with the given shares (percent per call). */
export function renderCosts(bySize: Array<{ orders: number; costs: ActionCost[] }>, shares: Record<string, number>): string {
  const us = (v: number) => `${fmt(v)} µs`;
  const rows = bySize[0]!.costs.map((c, k) => [
    `\`${c.call}\``,
    `${shares[c.call] ?? 0} %`,
    ...bySize.flatMap((s) => {
      const x = s.costs[k]!;
      return [us(x.us), x.drainShare ? us(x.drainUs) : '—'];
    }),
  ]);
  const mean = (costs: ActionCost[], pick: (c: ActionCost) => number) => costs.reduce((n, c) => n + ((shares[c.call] ?? 0) / 100) * pick(c), 0);
  const reads = (c: ActionCost) => (READS.has(c.call) ? c.us : 0);
  const writes = (c: ActionCost) => (READS.has(c.call) ? 0 : c.us + c.drainShare * c.drainUs);
  const head = ['call', 'share', ...bySize.flatMap((s) => [`${fmt(s.orders)} orders: action`, 'its drain'])];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    `| **mean per action of the mix** | 100 % | ${bySize.map((s) => `**${us(mean(s.costs, (c) => c.us + c.drainShare * c.drainUs))}** | reads ${us(mean(s.costs, reads))}, writes with drains ${us(mean(s.costs, writes))}`).join(' | ')} |`,
  ];
  return lines.join('\n');
}
