#!/usr/bin/env node
// npm test: type check, build what the tests exercise (h5 for the browser), then every jest suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const steps = [
  ['类型检查（服务端与共享）', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['类型检查（小程序）', 'npx', ['tsc', '--noEmit', '-p', 'miniprogram']],
  ['浏览器与字体', 'node', ['scripts/ensure-browser.mjs']],
  ['构建网页版', 'npm', ['run', 'build:h5']],
  ['构建小程序', 'npm', ['run', 'build:weapp']],
  ['微信代码检查', 'npm', ['run', 'check:weapp']],
  ['全部测试', 'npx', ['jest', '--runInBand', '--json', '--outputFile=build/jest-results.json', ...process.argv.slice(2)]],
];
for (const [title, cmd, args] of steps) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (run.status !== 0) {
    console.error(`✗ ${title} 失败`);
    summary();
    process.exit(run.status ?? 1);
  }
}
summary();

/** One plain closing line that any CI reader understands. */
function summary() {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(root, 'build', 'jest-results.json'), 'utf8'));
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  } catch {
    // jest did not get to run: the failing step above already said why.
  }
}
