/** Loads every built function bundle on CloudBase's real Node runtimes (16.13, 18.15), offline, and times its require(). */
import { spawn } from 'node:child_process';
import { ensureRuntime } from './node-runtime.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Node.js versions CloudBase offers for functions. */
const ALL_VERSIONS = ['16.13.0', '18.15.0'];
/** The report's headline timing is for the oldest runtime: the slowest cold start we can be given. */
const TIMED_VERSION = '16.13.0';
const SAMPLES = 5;
/** A probe that has not exited by then left a handle open (socket, timer) or hung. */
const PROBE_TIMEOUT_MS = 8000;
/** After main() settles, how long the probe keeps listening for late network attempts / rejections. */
const SETTLE_MS = 300;

/**
 * Variables through which CloudBase / SCF hand a function its identity, keys and environment. The probe
 * runs without any of them: exactly a caller the platform did not identify.
 */
const PLATFORM_ENV = /^(TCB_|WX_|QQ_|TENCENTCLOUD|SCF_|_SCF_|CLOUDBASE_|CBR_|SUMERU_|LOGINTYPE$|TRIGGER_SRC$|HTTP_PROXY$|HTTPS_PROXY$|NO_PROXY$)/i;

function parseArgs(argv) {
  // `--dir`: bundles built elsewhere (`build-functions.mjs --out`); the report goes beside them.
  const opts = { versions: ALL_VERSIONS, only: null, samples: SAMPLES, dir: path.join(root, 'build', 'functions') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[(i += 1)];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--versions') opts.versions = value().split(',').filter(Boolean);
    else if (arg === '--only') opts.only = value().split(',').filter(Boolean);
    else if (arg === '--samples') opts.samples = Math.max(1, Number(value()) || SAMPLES);
    else if (arg === '--dir') opts.dir = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/check-function-runtimes.mjs [--versions 16.13.0,18.15.0] [--only users,areas] [--samples 5] [--dir build/functions]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

/**
 * Runs inside the target Node (so: plain ES2021, no imports). Before the bundle loads, DNS and socket
 * connects are replaced by immediate failures that are recorded: nothing leaves the machine, and any
 * attempt fails the check. Prints one JSON line; never calls process.exit, so a handle left open shows
 * up as a timeout in the parent.
 */
const PROBE = String.raw`
'use strict';
(function probe() {
const dns = require('dns');
const net = require('net');
const file = process.argv[1];
const mode = process.argv[2];
const network = [];
const rejections = [];
const exceptions = [];
function refused(host) {
  const e = new Error('network disabled by check-function-runtimes: ' + host);
  e.code = 'ENOTFOUND';
  e.hostname = host;
  return e;
}
function blockLookup(host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  network.push('dns ' + host);
  process.nextTick(() => cb(refused(host)));
}
dns.lookup = blockLookup;
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host, ...rest) => blockLookup(host, null, rest[rest.length - 1]);
}
if (dns.promises) {
  dns.promises.lookup = (host) => { network.push('dns ' + host); return Promise.reject(refused(host)); };
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // http/net call this with their normalized [options, callback] pair; users with (options) or (port, host).
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const o = first && typeof first === 'object' ? first : { port: first, host: args[1] };
  const target = String(o.host || o.hostname || o.path || 'localhost');
  network.push('connect ' + target + (o.port ? ':' + o.port : ''));
  process.nextTick(() => this.destroy(refused(target)));
  return this;
};
void connect;
process.on('unhandledRejection', (reason) => rejections.push(String(reason && reason.stack || reason)));
process.on('uncaughtException', (error) => exceptions.push(String(error && error.stack || error)));

const t0 = process.hrtime.bigint();
let mod;
try {
  mod = require(file);
} catch (e) {
  console.log(JSON.stringify({ loaded: false, loadError: String(e && e.stack || e) }));
  return;
}
const requireMs = Number(process.hrtime.bigint() - t0) / 1e6;
const typeofMain = typeof (mod && mod.main);
if (mode === 'load' || typeofMain !== 'function') {
  console.log(JSON.stringify({ loaded: true, requireMs, typeofMain, network }));
  return;
}
Promise.resolve()
  .then(() => mod.main({ action: 'me' }, {}))
  .then((value) => ({ settled: 'resolved', value }), (error) => ({ settled: 'rejected', error: String(error && error.stack || error) }))
  .then((outcome) => {
    setTimeout(() => {
      console.log(JSON.stringify(Object.assign({ loaded: true, requireMs, typeofMain, network, rejections, exceptions }, outcome)));
    }, ${SETTLE_MS});
  });
})();
`;

function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!PLATFORM_ENV.test(k) && !k.startsWith('NODE_')) env[k] = v;
  return env;
}

/** One fresh process: spawn, wait for exit (or kill at the deadline), parse the JSON line. */
function probe(nodeBin, bundle, mode) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(nodeBin, ['-e', PROBE, bundle, mode], { cwd: path.dirname(bundle), env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PROBE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{"loaded"'));
      let result = null;
      try {
        result = line ? JSON.parse(line) : null;
      } catch {
        result = null;
      }
      resolve({ result, code, signal, timedOut, elapsedMs: Date.now() - started, stdout, stderr });
    });
  });
}

/** Everything a bundle must satisfy when called by nobody, as a list of failures (empty = pass). */
function judge(run) {
  const problems = [];
  const r = run.result;
  if (run.timedOut) problems.push(`did not exit within ${PROBE_TIMEOUT_MS} ms (an open handle or a hang)`);
  else if (run.code !== 0) problems.push(`exited with ${run.signal ?? run.code}`);
  if (!r) {
    problems.push('printed no result');
    return problems;
  }
  if (!r.loaded) {
    problems.push(`require() threw: ${r.loadError}`);
    return problems;
  }
  if (r.typeofMain !== 'function') problems.push(`exports.main is ${r.typeofMain}`);
  if (r.network.length > 0) problems.push(`tried the network: ${r.network.join(', ')}`);
  if (r.rejections?.length > 0) problems.push(`unhandled rejection: ${r.rejections[0]}`);
  if (r.exceptions?.length > 0) problems.push(`uncaught exception: ${r.exceptions[0]}`);
  if (r.settled === 'rejected') problems.push(`main() rejected: ${r.error}`);
  if (r.settled === 'resolved') {
    const v = r.value;
    const code = v && typeof v === 'object' && v.ok === false && v.error ? v.error.code : undefined;
    if (code !== 'UNAUTHENTICATED') problems.push(`main({ action: 'me' }) answered ${JSON.stringify(v)}, expected { ok: false, error: { code: 'UNAUTHENTICATED' } }`);
  }
  return problems;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms) => Math.round(ms * 10) / 10;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const functionsDir = opts.dir;
  const reportFile = path.join(functionsDir, 'runtime-report.json');
  if (!fs.existsSync(functionsDir)) throw new Error(`${path.relative(root, functionsDir)}/ missing: run \`npm run build:functions\` first`);
  const names = fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(functionsDir, d.name, 'index.js')))
    .map((d) => d.name)
    .filter((n) => !opts.only || opts.only.includes(n))
    .sort();
  if (names.length === 0) throw new Error('no bundles in build/functions/: run `npm run build:functions` first');

  const report = {
    generatedAt: new Date().toISOString(),
    timedRuntime: TIMED_VERSION,
    samples: opts.samples,
    runtimes: opts.versions,
    functions: names.map((name) => ({ name, bytes: fs.statSync(path.join(functionsDir, name, 'index.js')).size, requireMs: null, runtimes: {} })),
  };
  const failures = [];

  for (const version of opts.versions) {
    const nodeBin = ensureRuntime(version);
    console.log(`Node ${version} (${path.relative(root, nodeBin)})`);
    for (const fn of report.functions) {
      const bundle = path.join(functionsDir, fn.name, 'index.js');
      const check = await probe(nodeBin, bundle, 'call');
      const problems = judge(check);
      // The call probe already was one fresh process; the rest only load, to time require() alone.
      const times = check.result?.loaded ? [check.result.requireMs] : [];
      while (problems.length === 0 && times.length < opts.samples) {
        const run = await probe(nodeBin, bundle, 'load');
        const loadProblems = judge(run).filter((p) => !p.startsWith('main('));
        if (loadProblems.length > 0) {
          problems.push(...loadProblems);
          break;
        }
        times.push(run.result.requireMs);
      }
      const ok = problems.length === 0;
      const requireMs = times.length > 0 ? round(median(times)) : null;
      fn.runtimes[version] = {
        ok,
        answer: check.result?.value ?? null,
        requireMs,
        requireMsSamples: times.map(round),
        problems,
      };
      if (version === TIMED_VERSION) fn.requireMs = requireMs;
      const errorCode = check.result?.value?.error?.code ?? '-';
      console.log(
        `  ${ok ? 'ok  ' : 'FAIL'} ${fn.name.padEnd(12)} ${kib(fn.bytes).padStart(11)}  require ${String(requireMs ?? '-').padStart(6)} ms (median of ${times.length})  main → ${errorCode}`,
      );
      for (const p of problems) console.log(`       ${p}`);
      if (!ok) {
        failures.push(`${fn.name} on Node ${version}`);
        if (check.stderr.trim())
          console.log(
            check.stderr
              .trim()
              .split('\n')
              .map((l) => `       | ${l}`)
              .join('\n'),
          );
      }
    }
  }

  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${path.relative(root, reportFile)}`);
  if (failures.length > 0) {
    console.error(`runtime check failed: ${failures.join('; ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
