/** Bench child process: the local gateway over a seeded temp store on 127.0.0.1; port and stats over IPC. */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureAllIndexes } from '../../backend/collections';
import { localPorts } from '../../backend/ports/local';
import { consoleLogger } from '../../backend/runtime/handle';
import type { SqliteStore } from '../../backend/store/sqlite';
import { openSqliteStore } from '../../backend/store/sqlite';
import { seedDemo } from '../../local/seed';
import { createLocalServer } from '../../local/server';

export type ServeMessage = { kind: 'ready'; port: number } | { kind: 'stats'; rssMiB: number; cpuUserMs: number; cpuSystemMs: number };

/**
 * Seeds a temp store (demo street, then `extraSeed`), serves the gateway on 127.0.0.1 and answers the
 * parent's IPC: `stats` (RSS and CPU since the last `reset`), `stop`. Used by both bench servers.
 */
export async function serveOverIpc(prefix: string, secret: string, extraSeed?: (store: SqliteStore, now: number) => Promise<void>): Promise<void> {
  const send = (m: ServeMessage) => process.send?.(m);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = openSqliteStore({ dataDir });
  await ensureAllIndexes(store);
  await seedDemo(store, Date.now());
  if (extraSeed) await extraSeed(store, Date.now());
  const uploadsDir = path.join(dataDir, 'uploads');
  const server = createLocalServer({ deps: { store, now: Date.now, log: consoleLogger, ports: localPorts(uploadsDir) }, secret, devSignIn: false, uploadsDir });
  let cpu0 = process.cpuUsage();
  // WG_BENCH_CPU_PROF=<folder>: a V8 CPU profile of each measured part (reset → stats), for Chrome DevTools.
  const profileDir = process.env.WG_BENCH_CPU_PROF;
  const inspector = profileDir ? new Session() : null;
  inspector?.connect();
  let profiling = false;

  const stop = () => {
    server.closeAllConnections();
    server.close(() => {
      void store.close().then(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    });
  };
  process.on('message', (m: unknown) => {
    if (m === 'reset') {
      cpu0 = process.cpuUsage();
      if (inspector && !profiling) void inspector.post('Profiler.enable').then(() => inspector.post('Profiler.start'));
      profiling = Boolean(inspector);
    } else if (m === 'stats') {
      if (inspector && profiling) {
        profiling = false;
        void inspector
          .post('Profiler.stop')
          .then(({ profile }) => fs.writeFileSync(path.join(profileDir!, `server-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(profile)));
      }
      const cpu = process.cpuUsage(cpu0);
      send({ kind: 'stats', rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 });
    } else if (m === 'stop') stop();
  });
  process.on('disconnect', stop);
  server.listen(0, '127.0.0.1', () => send({ kind: 'ready', port: (server.address() as AddressInfo).port }));
}

if (require.main === module) {
  const secret = process.env.WG_BENCH_SECRET;
  if (!secret || !process.send) throw new Error('start me from scripts/bench/http.ts (needs WG_BENCH_SECRET and an IPC channel)');
  serveOverIpc('wg-bench-http-', secret).catch((e: unknown) => {
    console.error('bench server failed:', e);
    process.exit(1);
  });
}
