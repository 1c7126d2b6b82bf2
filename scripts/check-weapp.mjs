#!/usr/bin/env node
/**
 * Offline checks of the WeChat build with WeChat's own miniprogram-ci: code analysis (analyseCode)
 * and the devtools' code-quality rules (checkCodeQuality). Runs on build/weapp through the root
 * project.config.json, with a dummy appid and a throw-away private key made under .cache/ (no
 * upload happens, so neither needs to be real). Exits 1 if either check reports a failure.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ci from 'miniprogram-ci';
import { MAIN_BUDGET_KB } from './weapp-size.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, '.cache', 'weapp-check');
const DUMMY_APPID = 'wx0000000000000000';

function dummyKeyPath() {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `private.${DUMMY_APPID}.key`);
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  return file;
}

function createProject() {
  return new ci.Project({
    appid: DUMMY_APPID,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: dummyKeyPath(),
    ignores: ['node_modules/**/*', '.git/**/*', '.cache/**/*', 'build/h5/**/*', '**/*.LICENSE.txt'],
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** analyseCode: module graph of the package; failures are modules that would not build or resolve. */
async function runAnalyse(project) {
  const failures = [];
  const origWarn = console.warn;
  console.warn = (...args) => failures.push(args.map(String).join(' '));
  let result;
  try {
    result = await ci.analyseCode(project);
  } finally {
    console.warn = origWarn;
  }
  console.log('== analyseCode');
  if (!result) return ['analyseCode returned nothing'];
  const packages = new Map();
  for (const f of result.files ?? []) {
    const name = f.subPackage ?? '主包';
    const p = packages.get(name) ?? { files: 0, bytes: 0 };
    packages.set(name, { files: p.files + 1, bytes: p.bytes + (f.size ?? 0) });
  }
  for (const [name, p] of packages) console.log(`  ${name}: ${p.files} files, ${kb(p.bytes)}`);
  console.log(`  ${(result.modules ?? []).length} modules resolved`);
  // Our own budget for the main package (README): what every first open downloads, counted as WeChat counts it.
  const main = packages.get('主包')?.bytes ?? 0;
  if (main > MAIN_BUDGET_KB * 1024) failures.push(`主包 ${kb(main)} 超出预算 ${MAIN_BUDGET_KB} KB：先给主包腾地方（把只在分包用的代码移进分包）`);
  for (const f of failures) console.log(`  ✖ ${f}`);
  return failures;
}

/** checkCodeQuality: the devtools' 代码质量 panel (package size, compression, lazy loading …). */
async function runQuality(project) {
  const items = await ci.checkCodeQuality(project);
  console.log('== checkCodeQuality');
  for (const item of items) {
    const detail = item.detail && typeof item.detail === 'object' ? ` ${JSON.stringify(item.detail)}` : '';
    console.log(`  ${item.success ? '✔' : '✖'} ${item.name}: ${item.text ?? ''}${item.success ? '' : detail}`);
  }
  return items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text ?? ''}`);
}

async function main() {
  ci.locales.setLocale('zh');
  if (!fs.existsSync(path.join(root, 'build', 'weapp', 'app.json'))) {
    console.error('build/weapp 不存在：请先运行 npm run build:weapp');
    process.exit(2);
  }
  const project = createProject();
  const failures = [...(await runAnalyse(project)), ...(await runQuality(project))];
  if (failures.length) {
    console.error(`\ncheck:weapp failed (${failures.length}):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log('\ncheck:weapp passed');
  // miniprogram-ci leaves a file watcher open; nothing else is pending.
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
