/**
 * Bench section "Cloud mode": database requests per action as CloudBase bills them, counted by the
 * simulator (`/__sim/stats`) while the deployable bundles run each order scenario, beside the local
 * figure (every DocumentStore call on SQLite) for the same call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCloudSim } from '../../local/cloudsim';
import { cloudFunctionRunner } from '../../local/cloudsim/gateway';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { table } from './report';
import { GOAL, START, SYSTEM, identityOf, orderWalker, seedBenchStreet, seededTemplate } from './order-common';
import type { Scenario, ScenarioLab, TripRow } from './order-trips';
import { SCENARIOS, measureAllTrips } from './order-trips';

interface CloudRow {
  label: string;
  who: string;
  /** The second time the scenario runs in the same containers: what a person meets on a warm instance. */
  reads: number;
  writes: number;
  /** The first time, on a fresh container (its warm caches of areas and rules still empty). */
  cold: number;
  /** Requests of the drain call that applied this call's effects (0 when it caused none), billed apart from the answer. */
  drain: number;
  local: TripRow | undefined;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const functionsDir = path.join(ctx.root, 'build', 'functions');
  if (!fs.existsSync(path.join(functionsDir, 'orders', 'index.js'))) throw new Error('cloud bench needs the bundles: npm run build:functions');
  const local = await measureAllTrips(await seededTemplate());
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-cloud-'));
  const rows: CloudRow[] = [];
  try {
    // Seeded once; every scenario starts from a copy of that database, as the local figures start from a copy of theirs.
    const template = path.join(work, 'template');
    const seeding = await startCloudSim({ dataDir: template, functionsDir, posterFont: null, log: () => undefined });
    await seedBenchStreet(seeding.adminStore());
    await seeding.close();
    for (const [i, s] of SCENARIOS.entries()) {
      const dataDir = path.join(work, `s${i}`);
      fs.cpSync(template, dataDir, { recursive: true });
      rows.push(await inFreshSim(s, dataDir, functionsDir, local.rows));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const figures: Figures = {};
  for (const r of rows) figures[`cloud requests ${r.label}`] = `${r.reads + r.writes} (cold instance ${r.cold}, local ${r.local?.total ?? '—'})`;
  const over = rows.filter((r) => r.reads + r.writes > GOAL);
  figures['cloud: calls over 3 requests'] = `${over.length} of ${rows.length}`;
  const markdown = [
    '### Database requests per action in cloud mode',
    '',
    'Each scenario of the orders section runs again in cloud mode: the deployable bundle in its simulator container, its',
    '@cloudbase/node-sdk talking HTTP to the simulated CloudBase API, which counts every database request against the',
    'invocation that made it (`GET /__sim/stats`). A CloudBase bill is made of these. "Local" is the same call\'s DocumentStore',
    'calls on SQLite (actor + action, from the table above). They differ where one port call is two requests on CloudBase:',
    '`insertIfAbsent` is a read then an insert, a unique index is checked by a count before the insert, and the 100/1000-row',
    'read caps page long reads. Each scenario runs twice in the same containers: "cold" is the first run on a fresh',
    'instance, whose caches of areas and rules (backend/runtime/warm.ts) are still empty; the other columns are the second.',
    'Effects (audit, messages, counters, points) are applied after the answer by the `effects.drain` call the client makes;',
    'its requests are the "drain" column, not part of the answer\'s.',
    '',
    table(
      ['call', 'as', 'reads', 'writes', 'cloud requests', 'cold instance', 'drain', 'local round trips', `≤ ${GOAL}`],
      rows.map((r) => [`\`${r.label}\``, r.who, r.reads, r.writes, r.reads + r.writes, r.cold, r.drain || '—', r.local?.total ?? '—', r.reads + r.writes > GOAL ? '✗' : '✓']),
    ),
    '',
    `Over ${GOAL} requests: ${over.length} of ${rows.length} calls.`,
  ].join('\n');
  return { markdown, figures };
}

/** One scenario on its own copy of the seeded database: walk the order into its state, then count the measured call. */
async function inFreshSim(s: Scenario, dataDir: string, functionsDir: string, local: TripRow[]): Promise<CloudRow> {
  const clock = { now: START };
  const sim = await startCloudSim({ dataDir, functionsDir, clock: () => clock.now, containersPerFunction: 1, posterFont: null, log: () => undefined });
  try {
    const runner = cloudFunctionRunner(sim, sim.adminStore());
    const call = async (fn: string, action: string, data: Record<string, unknown>, who: string) => {
      if (who === SYSTEM) {
        const r = await sim.fireTimer(fn, action);
        if (!r.ok) throw new Error(`${fn}.${action} failed on the platform: ${r.errMsg}`);
        return (r.result as { data?: unknown }).data;
      }
      const r = await runner.call(fn, { action, data }, identityOf(who));
      const body = r.body as { ok?: boolean; data?: unknown; pending?: unknown[] };
      if (r.status !== 200 || !body.ok) throw new Error(`${fn}.${action} as ${who}: ${JSON.stringify(body).slice(0, 200)}`);
      // As the client does: the effects the answer names are applied by a drain call of their own, measured apart.
      if (body.pending?.length) await runner.call('effects', { action: 'drain', data: { refs: body.pending } }, identityOf(who));
      return body.data;
    };
    const act = (action: string, data: Record<string, unknown>, who: string) => call('orders', action, data, who);
    const orderIn = orderWalker(act, clock);
    const lab: ScenarioLab = { clock, orderIn };
    const label = `${s.fn}.${s.action}${s.variant ? ` (${s.variant})` : ''}`;
    const name = s.who === SYSTEM ? `timer:${s.action}` : s.action;
    const measure = async () => {
      const data = await s.prepare(lab);
      const drains = sim.stats().filter((r) => r.fn === 'effects').length;
      await call(s.fn, s.action, data, s.who);
      const row = sim
        .stats()
        .filter((r) => r.fn === s.fn && r.action === name)
        .pop();
      if (!row) throw new Error(`no stats row for ${label}`);
      const drain = sim
        .stats()
        .filter((r) => r.fn === 'effects')
        .slice(drains)[0];
      return { ...row, drain: drain ? drain.reads + drain.writes : 0 };
    };
    const cold = await measure();
    // Same state again, in the instance the first run warmed (the clock stays: a warm copy lasts WARM_TTL_MS).
    const warm = await measure();
    return { label, who: s.who, reads: warm.reads, writes: warm.writes, cold: cold.reads + cold.writes, drain: warm.drain, local: local.find((l) => l.label === label) };
  } finally {
    await sim.close();
  }
}

export const cloudSection: Section = {
  id: 'cloud',
  title: 'Cloud mode: requests per action (issue 10)',
  run,
};
