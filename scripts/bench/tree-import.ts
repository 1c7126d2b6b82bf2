/**
 * Bench section "Tree import": a street admin imports 5,000 buildings under 250 grids from one CSV (issue 16, point 2),
 * as the page does (preview, then `areas.import` until nothing remains), then the same file again; locally through
 * `handle()` on SQLite (every DocumentStore call counted) and in cloud mode through the deployable bundle in the
 * simulator (every CloudBase request counted by `/__sim/stats`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Area } from '../../shared/areas/model';
import type { ImportPreview, ImportStep } from '../../shared/areas/schemas';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import { countingStore } from '../../backend/store/counting';
import { SqliteStore } from '../../backend/store/sqlite';
import type { DocumentStore } from '../../backend/store/port';
import { startCloudSim } from '../../local/cloudsim';
import { cloudFunctionRunner } from '../../local/cloudsim/gateway';
import { START, identityOf, quietLog, seedBenchStreet, seededTemplate } from './order-common';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { table } from './report';

const ADMIN = 'u-street';
const COMMUNITIES = 10;
const GRIDS = 25;
const BUILDINGS = 20;

interface Run {
  mode: string;
  steps: number;
  previewMs: number;
  importMs: number;
  requests: number;
  rerunMs: number;
  rerunRequests: number;
  created: number;
}

/** 10 居委会 × 25 grids × 20 buildings, grid rows with a phone, as the template is filled. */
async function sheetFor(store: DocumentStore): Promise<{ fileName: string; data: string }> {
  const names = (await store.collection<Area>('areas').find({ level: 'community' }))
    .sort((a, b) => a.order - b.order)
    .slice(0, COMMUNITIES)
    .map((c) => c.name);
  const lines = ['片区,社区,网格,楼栋,电话'];
  for (const c of names)
    for (let g = 1; g <= GRIDS; g++) {
      lines.push(`,${c},导入第${g}网格,,021-6234${String(g).padStart(4, '0')}`);
      for (let b = 1; b <= BUILDINGS; b++) lines.push(`,${c},导入第${g}网格,${g}-${b}号楼,`);
    }
  return { fileName: '街道网格树.csv', data: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') };
}

type Call = (action: string, data: Record<string, unknown>) => Promise<unknown>;

/** Preview, then steps until none remain, then the same file again; `requests` reads the counter since its last call. */
async function drive(mode: string, call: Call, requests: () => number, file: Record<string, unknown>): Promise<Run> {
  requests();
  let t = performance.now();
  const preview = (await call('previewImport', file)) as ImportPreview;
  if (preview.problemCount) throw new Error(`bench sheet has problems: ${preview.problems[0]?.message}`);
  const previewMs = performance.now() - t;
  t = performance.now();
  let steps = 0;
  let created = 0;
  for (let remaining = 1; remaining > 0 && steps < 20; steps++) {
    const r = (await call('import', file)) as ImportStep;
    remaining = r.remaining;
    created += r.created;
  }
  const importMs = performance.now() - t;
  const used = requests();
  t = performance.now();
  const again = (await call('import', file)) as ImportStep;
  if (again.created !== 0) throw new Error(`re-import created ${again.created}`);
  return { mode, steps, previewMs, importMs, requests: used, rerunMs: performance.now() - t, rerunRequests: requests(), created };
}

async function local(): Promise<Run> {
  const sqlite = new SqliteStore(new Database(await seededTemplate()));
  try {
    const counting = countingStore(sqlite);
    const deps: Deps = { store: counting.store, now: () => START, log: quietLog, ports: localPorts(path.join(os.tmpdir(), 'wg-bench-import-uploads')) };
    const call: Call = async (action, data) => {
      const env = await handle(FUNCTIONS.areas, { action, data }, identityOf(ADMIN), deps);
      if (!env.ok) throw new Error(`areas.${action}: ${env.error.message}`);
      return env.data;
    };
    let seen = 0;
    const requests = () => {
      const n = counting.counts().total - seen;
      seen += n;
      return n;
    };
    return await drive('local (SQLite, handle())', call, requests, await sheetFor(sqlite));
  } finally {
    await sqlite.close();
  }
}

async function cloud(root: string): Promise<Run> {
  const functionsDir = path.join(root, 'build', 'functions');
  if (!fs.existsSync(path.join(functionsDir, 'areas', 'index.js'))) throw new Error('import bench needs the bundles: npm run build:functions');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-import-'));
  const sim = await startCloudSim({ dataDir, functionsDir, clock: () => START, containersPerFunction: 1, posterFont: null, log: () => undefined });
  try {
    await seedBenchStreet(sim.adminStore());
    const runner = cloudFunctionRunner(sim, sim.adminStore());
    const call: Call = async (action, data) => {
      const r = await runner.call('areas', { action, data }, identityOf(ADMIN));
      const body = r.body as { ok?: boolean; data?: unknown };
      if (r.status !== 200 || !body.ok) throw new Error(`areas.${action}: ${JSON.stringify(body).slice(0, 200)}`);
      return body.data;
    };
    let seen = 0;
    const requests = () => {
      const rows = sim.stats().filter((r) => r.fn === 'areas');
      const total = rows.reduce((n, r) => n + r.reads + r.writes, 0);
      const n = total - seen;
      seen = total;
      return n;
    };
    return await drive('cloud (bundle in the simulator)', call, requests, await sheetFor(sim.adminStore()));
  } finally {
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const runs = [await local(), await cloud(ctx.root)];
  const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const figures: Figures = {};
  for (const r of runs) {
    figures[`import 5,000 buildings, ${r.mode}`] = `${ms(r.importMs)} in ${r.steps} calls, ${r.requests} database requests (preview ${ms(r.previewMs)})`;
    figures[`re-import same file, ${r.mode}`] = `${ms(r.rerunMs)}, ${r.rerunRequests} requests, 0 created`;
  }
  const markdown = [
    `A street admin imports one CSV of ${COMMUNITIES} 居委会 × ${GRIDS} grids × ${BUILDINGS} buildings (${COMMUNITIES * GRIDS} grids, ${(COMMUNITIES * GRIDS * BUILDINGS).toLocaleString('en')} buildings)`,
    'into the demo street as the page does: `areas.previewImport` once, then `areas.import` until nothing remains (1,000 nodes a',
    'call, `insertMany` batches of 500), then the same file again (which must create nothing). Locally each call goes through',
    '`handle()` on SQLite and every DocumentStore call is counted; in cloud mode the deployable `areas` bundle runs in the',
    'simulator and every CloudBase request is counted (`/__sim/stats`; the CloudBase adapter pages reads by 1,000 and reads a',
    "batch's ids before inserting it). Requests include the preview's and the actor reads.",
    '',
    table(
      ['mode', 'nodes created', 'import calls', 'import time', 'database requests', 'preview', 're-import (0 created)'],
      runs.map((r) => [r.mode, r.created, r.steps, ms(r.importMs), r.requests, ms(r.previewMs), `${ms(r.rerunMs)}, ${r.rerunRequests} requests`]),
    ),
  ].join('\n');
  return { markdown, figures };
}

export const treeImportSection: Section = { id: 'import', title: 'Tree import from a spreadsheet (issue 16)', run };
