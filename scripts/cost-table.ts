/**
 * `npm run cost:table`: database requests before the answer for every action a person can call (issue 12: ≤ 3), in both
 * modes, from what the cost suites measured — one row per action, and the actions no suite measures named.
 *
 *   npm run cost:table              builds the function bundles, runs tests/integration/*.cost.test.ts locally and in
 *                                   cloud mode with the meter's log on (build/cost/<mode>.jsonl), prints the table
 *   npm run cost:table -- --logs    the table from the logs of the last run, without running anything
 *
 * The table is written to build/cost/table.md as well. "first" is a suite's first round, while the instance is still
 * filling its kept copies of areas and rules; "warm" is every call after it, what the suites hold to 3.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../backend/functions';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'build', 'cost');
const MODES = ['local', 'cloud'] as const;
type Mode = (typeof MODES)[number];
const GOAL = 3;

/**
 * Not a wait on a record: their work grows with the file or the batch, and each is held to its own ceiling where named.
 */
const BULK: Record<string, string> = {
  'points.exportYear': 'export: paged reads that grow with the year',
  'members.exportLibrary': 'export: paged reads that grow with the library',
  'dashboard.exportOrders': 'export: paged reads that grow with the orders',
  'dashboard.exportLedger': 'export: paged reads that grow with the ledger',
  'response.export': 'export: paged reads that grow with the receipts',
  'hotline.export': 'export: 1 + 2 per 1,000 tickets (hotline.cost)',
  'hotline.upload': 'a spreadsheet up to thousands of rows (hotline.cost)',
  'hotline.preview': 'a spreadsheet: ≤ 5 + 1 per 1,000 rows (hotline.cost)',
  'hotline.import': 'a batch: ≤ 16 per call of 1,000 rows (hotline.cost)',
  'areas.importTemplate': 'the tree template: the caller’s whole subtree',
  'areas.previewImport': 'a tree spreadsheet up to 5,000 buildings (bench §11)',
  'areas.import': 'a tree spreadsheet up to 5,000 buildings (bench §11)',
  'effects.drain': 'the effects of earlier answers, reported per batch (bench §8 “drain”)',
};

interface Line {
  mode: Mode;
  fn: string;
  action: string;
  who: string;
  requests: number;
  first?: boolean;
  suite: string;
}

const logFile = (mode: Mode) => path.join(dir, `${mode}.jsonl`);

function runSuites(): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const step = (cmd: string, args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  };
  step('node', ['scripts/build-functions.mjs']);
  for (const mode of MODES) {
    const env: Record<string, string> = { WG_COST_LOG: logFile(mode), ...(mode === 'cloud' ? { WG_TEST_BACKEND: 'cloud' } : {}) };
    step('npx', ['jest', '--maxWorkers=2', 'tests/integration/.*\\.cost\\.test\\.ts$'], env);
  }
}

function readLogs(): Line[] {
  return MODES.flatMap((mode) => {
    const file = logFile(mode);
    if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run npm run cost:table first`);
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  });
}

interface Figures {
  first?: number;
  warm?: number;
}

/** "5 → 3": the first round's highest, then the highest after it; one figure when they agree or only one was taken. */
const shown = (f: Figures | undefined) => {
  if (!f) return '—';
  if (f.first === undefined || f.warm === undefined || f.first === f.warm) return String(f.warm ?? f.first);
  return `${f.first} → ${f.warm}`;
};
const worstWarm = (f: Figures | undefined) => f?.warm ?? f?.first;

function table(lines: Line[]): { markdown: string; over: string[]; unmeasured: string[] } {
  const figures = new Map<string, Partial<Record<Mode, Figures>>>();
  const suites = new Map<string, Set<string>>();
  for (const l of lines) {
    const key = `${l.fn}.${l.action}`;
    const byMode = figures.get(key) ?? {};
    const f = (byMode[l.mode] ??= {});
    const slot = l.first ? 'first' : 'warm';
    f[slot] = Math.max(f[slot] ?? 0, l.requests);
    figures.set(key, byMode);
    suites.set(key, (suites.get(key) ?? new Set()).add(l.suite.replace(/\.test\.ts$/, '')));
  }
  const rows: string[] = [];
  const over: string[] = [];
  const unmeasured: string[] = [];
  let people = 0;
  for (const [fn, def] of Object.entries(FUNCTIONS)) {
    for (const [action, d] of Object.entries(def.actions)) {
      if (d.auth === 'system') continue;
      people++;
      const key = `${fn}.${action}`;
      const f = figures.get(key);
      const worst = Math.max(...MODES.map((m) => worstWarm(f?.[m]) ?? 0));
      const bulk = BULK[key];
      if (!f && !bulk) unmeasured.push(key);
      if (f && !bulk && worst > GOAL) over.push(`${key} ${worst}`);
      const verdict = bulk ? `bulk: ${bulk}` : !f ? 'not measured' : worst <= GOAL ? '✓' : '✗';
      rows.push(`| \`${key}\` | ${shown(f?.local)} | ${shown(f?.cloud)} | ${verdict} | ${[...(suites.get(key) ?? [])].join(', ')} |`);
    }
  }
  const markdown = [
    `| action | local | cloud | ≤ ${GOAL} warm | measured by |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${people} actions a person can call; ${people - unmeasured.length - Object.keys(BULK).length} single-record actions measured, ${over.length} over ${GOAL} warm` +
      `${over.length ? ` (${over.join(', ')})` : ''}; ${Object.keys(BULK).length} bulk; not measured: ${unmeasured.length ? unmeasured.join(', ') : 'none'}.`,
  ].join('\n');
  return { markdown, over, unmeasured };
}

function main(): void {
  const known = new Set(Object.entries(FUNCTIONS).flatMap(([fn, def]) => Object.keys(def.actions).map((a) => `${fn}.${a}`)));
  const stale = Object.keys(BULK).filter((k) => !known.has(k));
  if (stale.length) throw new Error(`BULK names actions that do not exist: ${stale.join(', ')}`);
  if (!process.argv.includes('--logs')) runSuites();
  const { markdown, over, unmeasured } = table(readLogs());
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'table.md'), `${markdown}\n`);
  console.log(markdown);
  if (over.length || unmeasured.length) process.exitCode = 1;
}

main();
