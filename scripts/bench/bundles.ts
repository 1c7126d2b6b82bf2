/** Bench section: figures other scripts produce about built artefacts (function bundles, weapp main package). */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { table } from './report';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Row = Record<string, Json>;

const isRow = (v: Json | undefined): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
function cell(v: Json | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** An array of objects, or an object of objects (keyed by name), as table rows; null for anything else. */
function asRows(v: Json): Row[] | null {
  if (Array.isArray(v)) return v.length > 0 && v.every(isRow) ? (v as Row[]) : null;
  if (!isRow(v) || Object.keys(v).length === 0 || !Object.values(v).every(isRow)) return null;
  return Object.entries(v).map(([name, r]) => ({ name, ...(r as Row) }));
}

/** A row's scalar leaves as dotted columns, two levels deep; lists of numbers (samples) dropped, other lists counted. */
function flatten(row: Row, prefix = '', depth = 0): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(row)) {
    const key = `${prefix}${k}`;
    if (Array.isArray(v)) {
      if (!v.every((x) => typeof x === 'number')) out[`${key} (count)`] = v.length;
    } else if (isRow(v)) {
      if (depth < 2) Object.assign(out, flatten(v, `${key}.`, depth + 1));
    } else out[key] = v;
  }
  return out;
}

/**
 * Renders a report whose exact shape belongs to its own script: top-level scalars as a list, every
 * array of objects (or object of objects) as a table of their flattened scalar fields.
 */
export function renderJson(value: Json, figures: Figures, prefix: string): string {
  const top = isRow(value) ? value : { value };
  const lines: string[] = [];
  const tables: string[] = [];
  for (const [key, v] of Object.entries(top)) {
    const rows = asRows(v)?.map((r) => flatten(r));
    if (!rows) {
      lines.push(`- ${key}: ${cell(v)}`);
      if (typeof v === 'number' || typeof v === 'string') figures[`${prefix}.${key}`] = v;
      continue;
    }
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    tables.push(
      `${key}:\n\n${table(
        cols,
        rows.map((r) => cols.map((c) => cell(r[c]))),
      )}`,
    );
    rows.forEach((r, i) => {
      const name = cell(r.name ?? i);
      for (const c of cols) {
        const n = r[c];
        if (typeof n === 'number' && !c.endsWith('(count)')) figures[`${prefix}.${name}.${c}`] = n;
      }
    });
  }
  return [lines.join('\n'), ...tables].filter(Boolean).join('\n\n');
}

function functionsReport(root: string, figures: Figures): string {
  const file = path.join(root, 'build', 'functions', 'runtime-report.json');
  if (!fs.existsSync(file)) {
    figures.functions = 'not built';
    return 'Not built — run `npm run build:functions && npm run check:functions` first.';
  }
  const stat = fs.statSync(file);
  const body = renderJson(JSON.parse(fs.readFileSync(file, 'utf8')) as Json, figures, 'functions');
  return `From \`build/functions/runtime-report.json\` (written by \`npm run check:functions\`, ${stat.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC):\n\n${body}`;
}

function runNode(root: string, script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { cwd: root, timeout: 120_000, maxBuffer: 4 * 2 ** 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout: stdout.trim(), stderr: (stderr || (err?.message ?? '')).trim() });
    });
  });
}

const NOT_BUILT_WEAPP = 'Not built — run `npm run build:weapp` first.';

async function weappReport(root: string, figures: Figures): Promise<string> {
  const script = path.join('scripts', 'weapp-size.mjs');
  if (!fs.existsSync(path.join(root, 'build', 'weapp', 'app.json'))) {
    figures.weapp = 'not built';
    return NOT_BUILT_WEAPP;
  }
  if (!fs.existsSync(path.join(root, script))) {
    figures.weapp = 'scripts/weapp-size.mjs missing';
    return '`build/weapp` exists but `scripts/weapp-size.mjs` is not in this checkout.';
  }
  const r = await runNode(root, script);
  const main = /main package: ([\d.]+) KB/.exec(r.stdout);
  if (main?.[1]) figures['weapp main KB'] = Number(main[1]);
  // Exit 1 is "over budget" with the sizes still printed; anything else without output is a failure.
  if (!r.stdout) {
    figures.weapp = `failed (exit ${r.code})`;
    return `\`node scripts/weapp-size.mjs\` failed (exit ${r.code}):\n\n\`\`\`\n${r.stderr}\n\`\`\``;
  }
  const verdict = r.code === 0 ? 'within budget' : `exit ${r.code}: ${r.stderr}`;
  figures['weapp verdict'] = verdict;
  return `From \`node scripts/weapp-size.mjs\` (${verdict}):\n\n\`\`\`\n${r.stdout}\n\`\`\``;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const figures: Figures = {};
  const markdown = [
    '### Cloud function bundles (Node 16.13 runtime)',
    '',
    functionsReport(ctx.root, figures),
    '',
    '### Mini-program main package',
    '',
    await weappReport(ctx.root, figures),
  ].join('\n');
  return { markdown, figures };
}

export const bundlesSection: Section = {
  id: 'bundles',
  title: 'Bundles and packages',
  run,
};
