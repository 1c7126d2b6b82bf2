/**
 * `npm start`: opens the embedded store, seeds the demo street once, serves the app and functions.
 * `WG_BACKEND=cloud npm start`: the same URL and sign-in, but every call runs the deployable bundle in the
 * CloudBase + WeChat simulator (local/cloudsim), whose database the seed reaches through the real SDK.
 */
import path from 'node:path';
import { ensureAllIndexes } from '../backend/collections';
import { FUNCTIONS, TIMERS } from '../backend/functions';
import { consoleLogger, handle } from '../backend/runtime/handle';
import { localPorts } from '../backend/ports/local';
import { drainDue } from '../backend/records/drain';
import { openSqliteStore } from '../backend/store/sqlite';
import { seedDemo } from './seed';
import { startCloudSim } from './cloudsim';
import { cloudFunctionRunner } from './cloudsim/gateway';
import { createLocalServer } from './server';
import { loadSecret } from './token';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(process.env.WG_DATA_DIR ?? path.join(root, '.data'));
  const port = Number(process.env.PORT ?? 8080);
  const cloud = process.env.WG_BACKEND === 'cloud';
  if (process.env.WG_BACKEND && !cloud && process.env.WG_BACKEND !== 'local') throw new Error(`WG_BACKEND must be local or cloud, not ${process.env.WG_BACKEND}`);
  const sim = cloud ? await startCloudSim({ dataDir: path.join(dataDir, 'cloud'), functionsDir: path.join(root, 'build', 'functions'), timers: true }) : null;
  const store = sim ? sim.adminStore() : openSqliteStore({ dataDir });
  await ensureAllIndexes(store);
  const seeded = await seedDemo(store, Date.now());
  const deps = { store, now: Date.now, log: consoleLogger, ports: localPorts(path.join(dataDir, 'uploads')) };
  // The cloud runs timer actions (overdue sweep, lapsed claims…) on triggers; locally the server runs them every minute.
  const timer = sim
    ? null
    : setInterval(() => {
        for (const t of TIMERS) {
          const fn = FUNCTIONS[t.fn];
          if (!fn) continue;
          void handle(fn, { action: t.action }, { kind: 'system' }, deps).then((r) => {
            if (!r.ok) consoleLogger.error(`定时任务失败：${t.fn}.${t.action}`, r.error);
          });
        }
      }, 60_000);
  timer?.unref();
  // At start-up: whatever a crash left pending is applied before the first request (the cloud's timer does it within a minute).
  if (!sim) {
    const drained = await drainDue(deps, 10_000, true);
    if (drained.batches) console.log(`启动时补做了 ${drained.records} 条记录的 ${drained.batches} 批后续处理（消息、统计、积分）`);
  }
  const server = createLocalServer({
    ...(sim
      ? {
          functions: cloudFunctionRunner(sim, store),
          extraRoute: sim.simRoute,
          fileLink: (id: string) => sim!.storage.tempUrl(id),
          keepPhoto: (bytes: Buffer, name: string) => sim.storage.put(`photos/${name}`, bytes),
        }
      : {}),
    deps,
    uploadsDir: path.join(dataDir, 'uploads'),
    secret: loadSecret(dataDir),
    staticDir: path.join(root, 'build', 'h5'),
    devSignIn: true,
  });
  server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
    const url = `http://${process.env.HOST ?? '127.0.0.1'}:${port}/`;
    console.log(`\n网格连心 ${sim ? '云开发模拟环境（CloudBase + 微信模拟器，运行 build/functions 的云函数包）' : '本地环境'}已启动：${url}`);
    if (sim) console.log(`模拟的 CloudBase 接口：${sim.apiUrl}（调用统计：${url}__sim/stats）`);
    console.log(`数据目录：${dataDir}${seeded.areas ? `（首次启动，已生成演示街道 长征镇：${seeded.areas} 个区域、${seeded.people} 位演示人员）` : ''}`);
    console.log('登录：打开上面的网址，在「开发登录」页选择一位演示人员（居民、党员、网格员、网格长、社区、街道）。\n');
  });
  const stop = () =>
    server.close(
      () =>
        void store
          .close()
          .then(() => sim?.close())
          .then(() => process.exit(0)),
    );
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('启动失败：', e);
  process.exit(1);
});
