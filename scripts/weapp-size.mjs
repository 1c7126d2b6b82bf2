#!/usr/bin/env node
/**
 * Sizes of the WeChat build (build/weapp): the main package and each subpackage, in KB, checked
 * against WeChat's 2 MB per-package cap and our own main-package budget.
 * Usage: node scripts/weapp-size.mjs [--json] [--top N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN_BUDGET_KB = 450;
const PACKAGE_CAP_KB = 2048;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'build', 'weapp');

/**
 * What WeChat uploads (developers.weixin.qq.com/miniprogram/dev/framework/structure.html, 允许上传的文件): the compiled
 * js, wxml, wxss and json, and files whose suffix is on its whitelist. Anything else, such as webpack's
 * vendors.js.LICENSE.txt, stays on the developer's disk; miniprogram-ci's analyseCode does not count it either.
 */
const UPLOADED = new Set(['js', 'wxml', 'wxss', 'json', 'wxs', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'cer', 'mp3', 'aac', 'm4a', 'mp4', 'wav', 'ogg', 'silk', 'wasm', 'br', 'cert']);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** { main: { kb, files }, subpackages: [{ root, kb, files }] } for a built weapp folder. */
export function measure(dir = outDir) {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  const packages = new Map([['main', []], ...roots.map((r) => [r, []])]);
  for (const file of walk(dir)) {
    if (!UPLOADED.has(path.extname(file).slice(1).toLowerCase())) continue;
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const owner = roots.find((r) => rel.startsWith(r)) ?? 'main';
    packages.get(owner).push({ file: rel, bytes: fs.statSync(file).size });
  }
  const summarise = (files) => ({
    kb: Math.round((files.reduce((n, f) => n + f.bytes, 0) / 1024) * 10) / 10,
    files: files.sort((a, b) => b.bytes - a.bytes),
  });
  return {
    main: summarise(packages.get('main')),
    subpackages: roots.map((r) => ({ root: r, ...summarise(packages.get(r)) })),
  };
}

function main() {
  if (!fs.existsSync(path.join(outDir, 'app.json'))) {
    console.error('build/weapp 不存在：请先运行 npm run build:weapp');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) || 5 : 5;
  const sizes = measure();
  if (args.includes('--json')) {
    console.log(JSON.stringify({ main: sizes.main.kb, subpackages: Object.fromEntries(sizes.subpackages.map((s) => [s.root, s.kb])) }));
  } else {
    console.log(`main package: ${sizes.main.kb} KB (budget ${MAIN_BUDGET_KB} KB, WeChat cap ${PACKAGE_CAP_KB} KB)`);
    for (const f of sizes.main.files.slice(0, top)) console.log(`    ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
    for (const s of sizes.subpackages) console.log(`subpackage ${s.root}: ${s.kb} KB`);
    const total = sizes.main.kb + sizes.subpackages.reduce((n, s) => n + s.kb, 0);
    console.log(`total: ${Math.round(total * 10) / 10} KB`);
  }
  const over = sizes.main.kb > MAIN_BUDGET_KB || sizes.subpackages.some((s) => s.kb > PACKAGE_CAP_KB);
  if (over) {
    console.error(`超出体积预算：主包须 ≤ ${MAIN_BUDGET_KB} KB，每个分包须 ≤ ${PACKAGE_CAP_KB} KB`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
