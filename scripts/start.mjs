#!/usr/bin/env node
// npm start: build the h5 app when its sources changed, then run the local server (embedded SQLite);
// WG_BACKEND=cloud: the same server over the CloudBase + WeChat simulator running the function bundles.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'build', 'h5', 'index.html');

/** Newest modification time under the folders the h5 build is made from. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p));
    else latest = Math.max(latest, fs.statSync(p).mtimeMs);
  }
  return latest;
}

const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((d) => path.join(root, d));
const stale = !fs.existsSync(stamp) || Math.max(...sources.map(newest)) > fs.statSync(stamp).mtimeMs;
if (stale && !process.env.WG_SKIP_BUILD) {
  console.log('正在构建网页版（h5）…');
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Cloud mode runs the deployable bundles: build them when the code they are made from changed.
if (process.env.WG_BACKEND === 'cloud' && !process.env.WG_SKIP_BUILD) {
  const bundle = path.join(root, 'build', 'functions', 'users', 'index.js');
  const code = ['backend', 'shared', 'cloudfunctions'].map((d) => path.join(root, d));
  if (!fs.existsSync(bundle) || Math.max(...code.map(newest)) > fs.statSync(bundle).mtimeMs) {
    console.log('正在打包云函数（云模式运行的就是这些包）…');
    const build = spawnSync('npm', ['run', 'build:functions'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'local', 'main.ts')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
