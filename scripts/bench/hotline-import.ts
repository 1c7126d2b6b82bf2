/**
 * Bench section "12345 import": a street admin imports 10,000 hotline tickets from one CSV (issue 14, point 3) as the page
 * does (upload in parts, preview, then `hotline.import` until `next` is null), then the same file again; locally through
 * `handle()` on SQLite (every DocumentStore call counted) and in cloud mode through the deployable `hotline` bundle in the
 * simulator (every CloudBase request counted by `/__sim/stats`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Area } from '../../shared/areas/model';
import type { HotlinePreview, HotlineStep } from '../../shared/orders/hotlineApi';
import { HOTLINE_PART_CHARS } from '../../shared/orders/hotlineApi';
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
const ROWS = 10_000;

interface Run {
  mode: string;
  steps: number;
  previewMs: number;
  importMs: number;
  requests: number;
  rerunMs: number;
  rerunRequests: number;
  created: number;
  queued: number;
  bytes: number;
}

/** 10,000 tickets on the street's buildings (community + building named), one in 20 at an address no building matches. */
async function sheetFor(store: DocumentStore): Promise<{ text: string }> {
  const all = await store.collection<Area>('areas').find({ level: { $in: ['community', 'building'] } });
  const names = new Map(all.filter((a) => a.level === 'community').map((c) => [c._id, c.name]));
  const addresses = all.filter((a) => a.level === 'building').map((b) => `${names.get(b.ancestors.find((id) => names.has(id)) ?? '')}${b.name}`);
  const lines = ['工单编号,来电时间,诉求内容,诉求地址,联系人,联系电话,办理时限,诉求分类'];
  for (let i = 0; i < ROWS; i++) {
    const address = i % 20 === 19 ? `真如路${i}弄` : addresses[i % addresses.length];
    lines.push(
      `GD20261201${String(i).padStart(5, '0')},2026-12-01 09:30,楼道灯不亮，晚上出入不便，请尽快维修,${address},王阿姨,138${String(i).padStart(8, '0')},2026-12-05,城乡建设/路灯`,
    );
  }
  return { text: lines.join('\r\n') };
}

type Call = (action: string, data: Record<string, unknown>) => Promise<unknown>;

async function drive(mode: string, call: Call, requests: () => number, text: string): Promise<Run> {
  const data = Buffer.from(text, 'utf8').toString('base64');
  const send = async (uploadId: string) => {
    const parts = Math.ceil(data.length / HOTLINE_PART_CHARS);
    for (let p = 0; p < parts; p++) await call('upload', { uploadId, part: p, data: data.slice(p * HOTLINE_PART_CHARS, (p + 1) * HOTLINE_PART_CHARS) });
    return { uploadId, parts, fileName: '12345工单.csv' };
  };
  requests();
  let t = performance.now();
  const file = await send('benchup1');
  const preview = (await call('preview', file)) as HotlinePreview;
  if (preview.problemCount) throw new Error(`bench sheet has problems: ${preview.problems[0]?.message}`);
  const previewMs = performance.now() - t;
  t = performance.now();
  let steps = 0;
  let created = 0;
  let queued = 0;
  for (let from: number | null = 0; from !== null && steps < 20; steps++) {
    const r = (await call('import', { ...file, from })) as HotlineStep;
    from = r.next;
    created += r.created;
    queued += r.queued;
  }
  const importMs = performance.now() - t;
  const used = requests();
  t = performance.now();
  const again = await send('benchup2');
  let made = 0;
  for (let from: number | null = 0; from !== null;) {
    const r = (await call('import', { ...again, from })) as HotlineStep;
    from = r.next;
    made += r.created + r.queued;
  }
  if (made !== 0) throw new Error(`re-import created ${made}`);
  return { mode, steps, previewMs, importMs, requests: used, rerunMs: performance.now() - t, rerunRequests: requests(), created, queued, bytes: Buffer.byteLength(text) };
}

async function local(): Promise<Run> {
  const sqlite = new SqliteStore(new Database(await seededTemplate()));
  try {
    const counting = countingStore(sqlite);
    const deps: Deps = { store: counting.store, now: () => START, log: quietLog, ports: localPorts(path.join(os.tmpdir(), 'wg-bench-hotline-uploads')) };
    const call: Call = async (action, data) => {
      const env = await handle(FUNCTIONS.hotline!, { action, data }, identityOf(ADMIN), deps);
      if (!env.ok) throw new Error(`hotline.${action}: ${env.error.message}`);
      return env.data;
    };
    let seen = 0;
    const requests = () => {
      const n = counting.counts().total - seen;
      seen += n;
      return n;
    };
    return await drive('local (SQLite, handle())', call, requests, (await sheetFor(sqlite)).text);
  } finally {
    await sqlite.close();
  }
}

async function cloud(root: string): Promise<Run> {
  const functionsDir = path.join(root, 'build', 'functions');
  if (!fs.existsSync(path.join(functionsDir, 'hotline', 'index.js'))) throw new Error('12345 bench needs the bundles: npm run build:functions');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-hotline-'));
  const sim = await startCloudSim({ dataDir, functionsDir, clock: () => START, containersPerFunction: 1, posterFont: null, log: () => undefined });
  try {
    await seedBenchStreet(sim.adminStore());
    const runner = cloudFunctionRunner(sim, sim.adminStore());
    const call: Call = async (action, data) => {
      const r = await runner.call('hotline', { action, data }, identityOf(ADMIN));
      const body = r.body as { ok?: boolean; data?: unknown };
      if (r.status !== 200 || !body.ok) throw new Error(`hotline.${action}: ${JSON.stringify(body).slice(0, 200)}`);
      return body.data;
    };
    let seen = 0;
    const requests = () => {
      const rows = sim.stats().filter((r) => r.fn === 'hotline');
      const total = rows.reduce((n, r) => n + r.reads + r.writes, 0);
      const n = total - seen;
      seen = total;
      return n;
    };
    return await drive('cloud (bundle in the simulator)', call, requests, (await sheetFor(sim.adminStore())).text);
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
    figures[`12345 import 10,000 tickets, ${r.mode}`] = `${ms(r.importMs)} in ${r.steps} calls, ${r.requests} database requests (upload + preview ${ms(r.previewMs)})`;
    figures[`12345 re-import same file, ${r.mode}`] = `${ms(r.rerunMs)}, ${r.rerunRequests} requests, 0 created`;
  }
  const markdown = [
    `A street admin imports one CSV of ${ROWS.toLocaleString('en')} 12345 tickets (${(runs[0]!.bytes / 1e6).toFixed(1)} MB of text; one in 20 at an address no building`,
    'matches, so it is queued) into the demo street as the page does: the file goes up in parts of 900,000 base64 characters',
    '(`hotline.upload`), `hotline.preview` once, then `hotline.import` until `next` is null (1,000 tickets a call, `insertMany`',
    'batches of 500 for orders and for tickets), then the same file again (which must create nothing). Locally each call goes',
    'through `handle()` on SQLite and every DocumentStore call is counted; in cloud mode the deployable `hotline` bundle runs in',
    "the simulator and every CloudBase request is counted (`/__sim/stats`). Requests include the upload's and the preview's.",
    '',
    table(
      ['mode', 'orders filed', 'queued', 'import calls', 'import time', 'database requests', 'upload + preview', 're-import (0 created)'],
      runs.map((r) => [r.mode, r.created, r.queued, r.steps, ms(r.importMs), r.requests, ms(r.previewMs), `${ms(r.rerunMs)}, ${r.rerunRequests} requests`]),
    ),
  ].join('\n');
  return { markdown, figures };
}

export const hotlineImportSection: Section = { id: 'hotline', title: '12345 ticket import (issue 14)', run };
