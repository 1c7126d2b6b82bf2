#!/usr/bin/env node
// npm test: type check, build what the tests exercise (h5 for the browser, the function bundles for cloud
// mode), every jest suite on the local runtime, then the integration suites and the browser order loop again
// in cloud mode (WG_TEST_BACKEND=cloud: the CloudBase + WeChat simulator running the deployable bundles).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
const steps = [
  ['类型检查（服务端与共享）', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['类型检查（小程序）', 'npx', ['tsc', '--noEmit', '-p', 'miniprogram']],
  ['代码检查（ESLint 与 Prettier）', 'npm', ['run', 'lint']],
  ['浏览器与字体', 'node', ['scripts/ensure-browser.mjs']],
  ['构建网页版', 'npm', ['run', 'build:h5']],
  ['构建小程序', 'npm', ['run', 'build:weapp']],
  ['微信代码检查', 'npm', ['run', 'check:weapp']],
  ['构建云函数包', 'npm', ['run', 'build:functions']],
  ['全部测试（本地模式）', 'npx', ['jest', '--runInBand', '--json', '--outputFile=build/jest-results.json', ...process.argv.slice(2)]],
  [
    '集成与浏览器点单闭环测试（云模式）',
    'npx',
    ['jest', '--runInBand', '--json', '--outputFile=build/jest-cloud-results.json', ...(process.argv.length > 2 ? process.argv.slice(2) : CLOUD_SUITES)],
    { WG_TEST_BACKEND: 'cloud' },
  ],
];
// A previous run's results must never be counted for this one.
for (const file of ['jest-results.json', 'jest-cloud-results.json']) fs.rmSync(path.join(root, 'build', file), { force: true });
for (const [title, cmd, args, env = {}] of steps) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  if (run.status !== 0) {
    console.error(`✗ ${title} 失败`);
    summary();
    process.exit(run.status ?? 1);
  }
}
summary();

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
}
