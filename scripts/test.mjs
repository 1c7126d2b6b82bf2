#!/usr/bin/env node
// npm test: type check, build what the tests exercise (h5 for the browser, the function bundles for cloud
// mode), every jest suite on the local runtime, then the integration suites and the browser order loop again
// in cloud mode (WG_TEST_BACKEND=cloud: the CloudBase + WeChat simulator running the deployable bundles).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * What runs again in cloud mode: every integration suite, the browser order loop, and tests/cloud (what only the
 * cloud path can show). Not the SQLite-only
 * suites (the store's own contract and SQL plans, the local server's SIGKILL tests) nor the bundle build check.
 */
const CLOUD_SUITES = [
  'tests/integration',
  'tests/cloud',
  'tests/e2e/orders.test.ts',
  '--testPathIgnorePatterns',
  'store.sqlite.test.ts',
  'durability.test.ts',
  'storm.test.ts',
  'function-bundles.test.ts',
];
/**
 * Jest workers: the CI machine's 2 cores (jest's own default, cores − 1, is one). Suites share nothing: each starts
 * its own server on a free port with its own temp folder (tests/support/server.ts), browser and simulator.
 * WG_TEST_WORKERS=1 runs them one at a time again.
 */
const WORKERS = `--maxWorkers=${process.env.WG_TEST_WORKERS ?? 2}`;
/**
 * Before jest: two lanes side by side, each step single-threaded enough that the pair fills the 2 cores. The
 * builds stay in order in their own lane (check:weapp reads build/weapp); the checks read only sources.
 */
const lanes = [
  [
    ['类型检查（服务端与共享）', 'npx', ['tsc', '--noEmit', '-p', '.']],
    ['类型检查（小程序）', 'npx', ['tsc', '--noEmit', '-p', 'miniprogram']],
    ['代码检查（ESLint 与 Prettier）', 'npm', ['run', 'lint']],
    ['构建云函数包', 'npm', ['run', 'build:functions']],
  ],
  [
    ['浏览器与字体', 'node', ['scripts/ensure-browser.mjs']],
    ['构建网页版', 'npm', ['run', 'build:h5']],
    ['构建小程序', 'npm', ['run', 'build:weapp']],
    ['微信代码检查', 'npm', ['run', 'check:weapp']],
  ],
];
const steps = [
  ['全部测试（本地模式）', 'npx', ['jest', WORKERS, '--json', '--outputFile=build/jest-results.json', ...process.argv.slice(2)]],
  [
    '集成与浏览器点单闭环测试（云模式）',
    'npx',
    ['jest', WORKERS, '--json', '--outputFile=build/jest-cloud-results.json', ...(process.argv.length > 2 ? process.argv.slice(2) : CLOUD_SUITES)],
    { WG_TEST_BACKEND: 'cloud' },
  ],
];
const started = Date.now();
const env = (extra = {}) => ({ ...process.env, FORCE_COLOR: '0', ...extra });
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
/** Each step's wall time, written to build/test-timings.json for docs/benchmarks.md (`npm run bench -- --only suite`). */
const timings = [];
const timed = (title, lane, t0) => timings.push({ step: title, lane, seconds: Math.round((Date.now() - t0) / 100) / 10 });
// A previous run's results must never be counted for this one.
for (const file of ['jest-results.json', 'jest-cloud-results.json']) fs.rmSync(path.join(root, 'build', file), { force: true });
const failed = (await Promise.all(lanes.map(runLane))).find((title) => title !== null);
if (failed) stop(failed, 1);
for (const [title, cmd, args, extra] of steps) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: env(extra) });
  if (run.status !== 0) stop(title, run.status ?? 1);
  timed(title, null, t0);
  console.log(`✓ ${title}（${seconds(t0)}）`);
}
summary();

/** One lane's steps in order, each one's output printed whole when it ends; the title of the first to fail, or null. */
async function runLane(lane) {
  for (const [title, cmd, args] of lane) {
    const t0 = Date.now();
    const { code, output } = await new Promise((resolve) => {
      const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: env() });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', (e) => resolve({ code: 1, output: output + String(e) }));
      child.on('close', (code) => resolve({ code, output }));
    });
    console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}\n${output.trimEnd()}`);
    if (code !== 0) return title;
    timed(title, lanes.indexOf(lane) + 1, t0);
    console.log(`✓ ${title}（${seconds(t0)}）`);
  }
  return null;
}

function stop(title, code) {
  console.error(`✗ ${title} 失败`);
  summary();
  process.exit(code);
}

/** One plain closing line that any CI reader understands. */
function summary() {
  let passed = 0;
  let failed = 0;
  let ran = false;
  for (const file of ['jest-results.json', 'jest-cloud-results.json']) {
    try {
      const r = JSON.parse(fs.readFileSync(path.join(root, 'build', file), 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      ran = true;
    } catch {
      // That jest run did not happen: the failing step above already said why.
    }
  }
  if (ran) console.log(`\ntests: ${passed} passed, ${failed} failed`);
  console.log(`npm test: ${seconds(started)}`);
  const total = Math.round((Date.now() - started) / 100) / 10;
  const record = { at: new Date(started).toISOString(), workers: WORKERS, cores: os.availableParallelism(), total, steps: timings, passed, failed };
  fs.mkdirSync(path.join(root, 'build'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build', 'test-timings.json'), `${JSON.stringify(record, null, 2)}\n`);
}
