/**
 * Starts the real local gateway with the demo street seeded, for tests, in the mode the run asks for:
 * `local` (functions in-process on a fresh temp SQLite store) or, with WG_TEST_BACKEND=cloud, `cloud`
 * (the CloudBase simulator running the deployable bundles in containers, the store reached through the real SDK).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { ensureAllIndexes } from '../../backend/collections';
import type { Logger } from '../../backend/runtime/types';
import { shapeOf } from '../../backend/store/index-check';
import type { DocumentStore, IndexSpec } from '../../backend/store/port';
import { recordingStore } from '../../backend/store/recording';
import type { CloudSim } from '../../local/cloudsim';
import { startCloudSim } from '../../local/cloudsim';
import { cloudFunctionRunner } from '../../local/cloudsim/gateway';
import { FUNCTIONS } from '../../backend/functions';
import type { FunctionName } from '../../shared/api';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import { openSqliteStore } from '../../backend/store/sqlite';
import { seedDemo } from '../../local/seed';
import { createLocalServer } from '../../local/server';
import { signToken } from '../../local/token';
import { QueryLog, appFrame } from './indexes';

/** Which backend this run tests: every integration suite runs in both (scripts/test.mjs). */
export const BACKEND: 'local' | 'cloud' = process.env.WG_TEST_BACKEND === 'cloud' ? 'cloud' : 'local';

export interface TestServer {
  url: string;
  backend: 'local' | 'cloud';
  /** The same database the functions use: SQLite locally, the simulator's through the real SDK in cloud mode. */
  store: DocumentStore;
  /** The store as the functions see it: locally, `store` with every query shape recorded for the index check. */
  functionStore: DocumentStore;
  /** The query shapes the functions issued; `close()` fails the suite when one has no declared index. */
  queries: QueryLog;
  /** Cloud mode only: the simulator (stats, WeChat side, direct invocations). */
  sim: CloudSim | null;
  /** Environment and arguments that point a maintenance script (check:points, check:counters) at this store. */
  script: { env: NodeJS.ProcessEnv; args: string[] };
  dataDir: string;
  secret: string;
  /** The clock every function sees; tests move it. */
  clock: { now: number };
  /** Errors the runtime logged (an unexpected exception lands here). */
  logged: string[];
  tokenFor(userId: string): string;
  call<T = unknown>(fn: string, action: string, data?: unknown, userId?: string | null): Promise<Envelope<T>>;
  /** A call from WeChat by an OPENID the app may not know yet (first contact): the platform's identity, no dev token. */
  callAsWechat<T = unknown>(openid: string, fn: FunctionName, action: string, data?: unknown): Promise<Envelope<T>>;
  post(pathname: string, body: string, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'wg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const FUNCTIONS_DIR = path.resolve(__dirname, '..', '..', 'build', 'functions');

export interface TestServerOptions {
  staticDir?: string;
  start?: number;
  containers?: number;
  /** The indexes the query check holds the app to (default: backend/collections.ts); `checkIndexesOnClose: false` leaves the verdict to the test. */
  indexes?: Record<string, IndexSpec[]>;
  checkIndexesOnClose?: boolean;
  /** Function environment variables as a deploy would set them (cloud mode: what the containers see; locally, this process while the server runs). */
  functionEnv?: Record<string, string>;
  /** false: start from an empty store, as a fresh environment before `npm run setup` (default: the demo street). */
  seed?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = tempDir();
  const clock = { now: options.start ?? Date.parse('2026-11-20T02:00:00Z') };
  const logged: string[] = [];
  const log: Logger = {
    error: (m, d) => logged.push(`${m} ${d instanceof Error ? d.stack : String(d)}`),
    info: () => undefined,
  };
  let sim: CloudSim | null = null;
  let store: DocumentStore;
  if (BACKEND === 'cloud') {
    if (!fs.existsSync(path.join(FUNCTIONS_DIR, 'users', 'index.js'))) throw new Error('cloud mode needs the bundles: run `npm run build:functions` first');
    // What the app logs as an error inside a container counts like the local runtime's logged errors.
    sim = await startCloudSim({
      dataDir,
      functionsDir: FUNCTIONS_DIR,
      clock: () => clock.now,
      containersPerFunction: options.containers ?? 8,
      log: (line) => {
        if (process.env.WG_SIM_LOG) console.log(line);
        if (/\[error\]|Error:|unhandled/.test(line)) logged.push(line);
      },
    });
    for (const [name, value] of Object.entries(options.functionEnv ?? {})) sim.setEnv(name, value);
    store = sim.adminStore();
  } else {
    store = openSqliteStore({ dataDir });
  }
  // Locally the functions run in this process: they see the deploy settings here, until the server closes.
  const envBefore = Object.fromEntries(Object.keys(sim ? {} : (options.functionEnv ?? {})).map((name) => [name, process.env[name]]));
  if (!sim) Object.assign(process.env, options.functionEnv ?? {});
  const restoreEnv = () => {
    for (const [name, value] of Object.entries(envBefore))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  };
  try {
    await ensureAllIndexes(store);
    if (options.seed !== false) await seedDemo(store, clock.now);
  } catch (e) {
    // The suite never gets a server to close: its simulator (API, containers) must not run on under the worker's next suites.
    await store.close();
    await sim?.close();
    restoreEnv();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const secret = 'test-secret';
  const uploadsDir = path.join(dataDir, 'uploads');
  // Seeding and the tests' own reads go to `store`; only what the functions ask is held to the indexes.
  const queries = new QueryLog(options.indexes);
  // Locally the functions' store records each query; in cloud mode the simulator reports what the bundles send.
  const functionStore = sim ? store : recordingStore(store, (q) => queries.record(shapeOf(q.collection, q.op, q.filter, q.sort), () => appFrame()));
  sim?.watchQueries((shape, from) => queries.record(shape, () => from));
  const deps = { store: functionStore, now: () => clock.now, log, ports: localPorts(uploadsDir) };
  const cloud = sim
    ? {
        functions: cloudFunctionRunner(sim, store),
        extraRoute: sim.simRoute,
        fileLink: (id: string) => sim!.storage.tempUrl(id),
        keepPhoto: (bytes: Buffer, name: string) => sim!.storage.put(`photos/${name}`, bytes),
      }
    : {};
  const server = createLocalServer({ deps, secret, devSignIn: true, staticDir: options.staticDir, uploadsDir, ...cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The web app's address, which a deploy gives the functions (web QR codes, 报到证 links).
  sim?.setEnv('WG_PUBLIC_URL', url);
  const tokenFor = (userId: string) => signToken(secret, userId, clock.now).token;
  const post = async (pathname: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url + pathname, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  return {
    url,
    backend: BACKEND,
    store,
    functionStore,
    queries,
    sim,
    script: sim ? { env: { ...process.env, ...sim.clientEnv }, args: [] } : { env: process.env, args: ['--data', dataDir] },
    dataDir,
    secret,
    clock,
    logged,
    tokenFor,
    post,
    async call<T>(fn: string, action: string, data?: unknown, userId: string | null = null) {
      const headers: Record<string, string> = userId ? { authorization: `Bearer ${tokenFor(userId)}` } : {};
      const { json } = await post(`/api/fn/${fn}`, JSON.stringify({ action, data }), headers);
      const answer = json as Envelope<T>;
      // As the mini-program's client does (miniprogram/src/api/call.ts): ask for the named records' effects
      // right after the answer. Awaited here, so a test's next step sees them; the answer itself is unchanged.
      if (answer.ok && answer.pending?.length) {
        const { json: drained } = await post('/api/fn/effects', JSON.stringify({ action: 'drain', data: { refs: answer.pending } }), headers);
        if (!(drained as Envelope<unknown>).ok) throw new Error(`effects.drain after ${fn}.${action} failed: ${JSON.stringify(drained)}`);
      }
      return answer;
    },
    async callAsWechat<T>(openid: string, fn: FunctionName, action: string, data?: unknown) {
      if (sim) {
        const r = await sim.invoke(fn, { kind: 'call', openid, appid: sim.appid, event: { action, data } });
        if (!r.ok) throw new Error(`${fn}.${action} failed on the platform: ${r.errMsg}`);
        const answer = r.result as Envelope<T>;
        if (answer.ok && answer.pending?.length)
          await sim.invoke('effects', { kind: 'call', openid, appid: sim.appid, event: { action: 'drain', data: { refs: answer.pending } } });
        return answer;
      }
      const answer = (await handle(FUNCTIONS[fn]!, { action, data }, { kind: 'wechat', openid }, deps)) as Envelope<T>;
      if (answer.ok && answer.pending?.length) await handle(FUNCTIONS.effects!, { action: 'drain', data: { refs: answer.pending } }, { kind: 'wechat', openid }, deps);
      return answer;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await sim?.close();
      restoreEnv();
      fs.rmSync(dataDir, { recursive: true, force: true });
      const unindexed = options.checkIndexesOnClose === false ? null : queries.report();
      if (unindexed) throw new Error(unindexed);
    },
  };
}

/**
 * Runs a maintenance script (`scripts/check-points.ts`…) against the test's store and waits for it without
 * blocking: in cloud mode the simulator that answers the script lives in this process.
 */
export function runScript(s: TestServer, script: string, args: string[] = []): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const root = path.resolve(__dirname, '..', '..');
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [script, ...args, ...s.script.args], { cwd: root, env: s.script.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** What a stored photo's URL looks like: a gateway path locally, a cloud storage fileID in cloud mode. */
export const PHOTO_URL = BACKEND === 'cloud' ? /^cloud:\/\/[^/]+\/photos\/[a-f0-9]+\.(png|jpg|webp)$/ : /^\/uploads\/[a-f0-9]+\.(png|jpg|webp)$/;

/** Where a browser fetches a file URL the API returned: a gateway path, a cloud fileID through /api/file, or a link as it is. */
export function fetchable(s: TestServer, url: string): string {
  if (url.startsWith('/')) return s.url + url;
  if (url.startsWith('cloud://')) return `${s.url}/api/file?id=${encodeURIComponent(url)}`;
  return url;
}

/** Unwraps a successful envelope or fails the test with the error it carried. */
export function okData<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export function errorOf<T>(env: Envelope<T>): { code: string; message: string; fields?: Record<string, string> } {
  if (env.ok) throw new Error(`expected an error, got ok: ${JSON.stringify(env.data).slice(0, 200)}`);
  return env.error;
}

/** Runs a timer action (orders.sweep, wishes.lapse…) as the platform's timer would: system identity, the test clock. */
export async function runTimer<T = unknown>(s: TestServer, fn: FunctionName, action: string): Promise<Envelope<T>> {
  const answer = await fire<T>(s, fn, action);
  // What the timer's moves caused is applied by the effects function's own one-minute trigger: fired here too, so
  // a test sees the minute after (a test of the drain itself fires effects.sweep alone).
  if (answer.ok && answer.pending?.length && fn !== 'effects') await fire(s, 'effects', 'sweep');
  return answer;
}

async function fire<T>(s: TestServer, fn: FunctionName, action: string): Promise<Envelope<T>> {
  if (s.sim) {
    // In the cloud the trigger named after the action fires; the function runs it as the system.
    const r = await s.sim.fireTimer(fn, action);
    if (!r.ok) throw new Error(`timer ${fn}.${action} failed on the platform: ${r.errMsg}`);
    return r.result as Envelope<T>;
  }
  const deps = {
    store: s.functionStore,
    now: () => s.clock.now,
    log: { error: (m: string) => s.logged.push(m), info: () => undefined },
    ports: localPorts(`${s.dataDir}/uploads`),
  };
  return (await handle(FUNCTIONS[fn]!, { action }, { kind: 'system' }, deps)) as Envelope<T>;
}
