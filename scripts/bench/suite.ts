/**
 * Bench section "suite" (测试耗时): how long the last `npm test` took, step by step, and where its jest time went.
 * It runs nothing itself (a full `npm test` is heavier than the whole bench); it reads what scripts/test.mjs wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { table } from './report';

interface Timings {
  at: string;
  workers: string;
  cores: number;
  total: number;
  steps: Array<{ step: string; lane: number | null; seconds: number }>;
}

interface JestRun {
  startTime: number;
  numTotalTestSuites: number;
  numTotalTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; startTime: number; endTime: number }>;
}

/** What the layout was measured against (2026-12-06, this machine, 2 cores shared with other jobs). */
const BEFORE = [
  'Before this layout (a clean clone on a quiet machine): 24–26 min in all, jest 746 s local and 446 s cloud, each `--runInBand`,',
  'after about 3 min of checks and builds one after another. The same subsets back to back, `--runInBand` then 2 workers,',
  'with other jobs on the machine (load 2–5): 54 local suites (unit, 4 integration groups, browser a–d; 711 tests)',
  '219 s → 153 s, using 160 s → 164 s of CPU (0.7 cores busy one at a time: browser and server waits); 26 cloud suites',
  '(599 tests) 145 s → 127 s, 160 s → 169 s of CPU (1.1 cores busy one at a time: the function containers run beside the',
  'worker). The whole jest part on 2 workers under that load: 562 s local, 482 s cloud. `WG_TEST_WORKERS=1 npm test` runs',
  'the suites one at a time again.',
];

const min = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

/** Wall time, summed suite time and the slowest suites of one jest run. */
function jestRow(label: string, file: string): { row: Array<string | number>; slowest: string } | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as JestRun;
  const suites = r.testResults.map((t) => ({ name: t.name.replace(/^.*?tests\//, ''), s: (t.endTime - t.startTime) / 1000 }));
  const sum = suites.reduce((a, t) => a + t.s, 0);
  const wall = (Math.max(...r.testResults.map((t) => t.endTime)) - r.startTime) / 1000;
  const slowest = [...suites]
    .sort((a, b) => b.s - a.s)
    .slice(0, 4)
    .map((t) => `${t.name} ${t.s.toFixed(0)} s`)
    .join(', ');
  return { row: [label, r.numTotalTestSuites, r.numTotalTests, r.numFailedTests, `${sum.toFixed(0)} s`, `${wall.toFixed(0)} s`, (sum / wall).toFixed(2)], slowest };
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const build = path.join(ctx.root, 'build');
  const file = path.join(build, 'test-timings.json');
  if (!fs.existsSync(file)) return { markdown: 'No `npm test` has run on this machine yet (build/test-timings.json is missing).', figures: {} };
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as Timings;
  const jest = [jestRow('local', path.join(build, 'jest-results.json')), jestRow('cloud', path.join(build, 'jest-cloud-results.json'))].filter((j) => j !== null);
  const figures: Figures = { 'npm test': min(t.total) };
  for (const s of t.steps) figures[s.step] = `${s.seconds} s`;
  const markdown = [
    `The last \`npm test\` here (${t.at.slice(0, 16).replace('T', ' ')} UTC, ${t.cores} cores, jest ${t.workers}): **${min(t.total)}** from start to the closing line.`,
    'Before jest the checks and the builds run as two lanes side by side (lane 1: type checks, lint, function bundles;',
    'lane 2: browser, h5, weapp, weapp check); then jest on the local runtime, then jest in cloud mode.',
    '',
    table(
      ['step', 'lane', 'wall'],
      t.steps.map((s) => [s.step, s.lane ?? '—', `${s.seconds} s`]),
    ),
    '',
    table(
      ['jest run', 'suites', 'tests', 'failed', 'suite time (sum)', 'wall', 'sum / wall'],
      jest.map((j) => j.row),
    ),
    '',
    ...jest.map((j) => `Slowest ${j.row[0]} suites: ${j.slowest}.`),
    '',
    ...BEFORE,
  ].join('\n');
  return { markdown, figures };
}

export const suiteSection: Section = { id: 'suite', title: '测试耗时 (`npm test`)', run };
