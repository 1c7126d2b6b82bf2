/** Starts the real local gateway on a fresh temp SQLite store, with the demo street seeded, for tests. */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { ensureAllIndexes } from '../../backend/collections';
import type { Logger } from '../../backend/runtime/types';
import type { SqliteStore } from '../../backend/store/sqlite';
import { FUNCTIONS } from '../../backend/functions';
import type { FunctionName } from '../../shared/api';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import { openSqliteStore } from '../../backend/store/sqlite';
import { seedDemo } from '../../local/seed';
import { createLocalServer } from '../../local/server';
import { signToken } from '../../local/token';

export interface TestServer {
  url: string;
  store: SqliteStore;
  dataDir: string;
  secret: string;
  /** The clock every function sees; tests move it. */
  clock: { now: number };
  /** Errors the runtime logged (an unexpected exception lands here). */
  logged: string[];
  tokenFor(userId: string): string;
  call<T = unknown>(fn: string, action: string, data?: unknown, userId?: string | null): Promise<Envelope<T>>;
  post(pathname: string, body: string, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'wg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(options: { staticDir?: string; start?: number } = {}): Promise<TestServer> {
  const dataDir = tempDir();
  const store = openSqliteStore({ dataDir });
  await ensureAllIndexes(store);
  const clock = { now: options.start ?? Date.parse('2026-11-20T02:00:00Z') };
  await seedDemo(store, clock.now);
  const logged: string[] = [];
  const log: Logger = {
    error: (m, d) => logged.push(`${m} ${d instanceof Error ? d.stack : String(d)}`),
    info: () => undefined,
  };
  const secret = 'test-secret';
  const uploadsDir = path.join(dataDir, 'uploads');
  const deps = { store, now: () => clock.now, log, ports: localPorts(uploadsDir) };
  const server = createLocalServer({ deps, secret, devSignIn: true, staticDir: options.staticDir, uploadsDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenFor = (userId: string) => signToken(secret, userId, clock.now).token;
  const post = async (pathname: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url + pathname, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  return {
    url,
    store,
    dataDir,
    secret,
    clock,
    logged,
    tokenFor,
    post,
    async call<T>(fn: string, action: string, data?: unknown, userId: string | null = null) {
      const headers: Record<string, string> = userId ? { authorization: `Bearer ${tokenFor(userId)}` } : {};
      const { json } = await post(`/api/fn/${fn}`, JSON.stringify({ action, data }), headers);
      return json as Envelope<T>;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
  const deps = { store: s.store, now: () => s.clock.now, log: { error: (m: string) => s.logged.push(m), info: () => undefined }, ports: localPorts(`${s.dataDir}/uploads`) };
  return (await handle(FUNCTIONS[fn]!, { action }, { kind: 'system' }, deps)) as Envelope<T>;
}
