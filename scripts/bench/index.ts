/** `npm run bench [-- --only store,http,bundles] [--quick]`: runs the registered sections, writes docs/benchmarks.md. */
import path from 'node:path';
import { activitiesSection } from './activities';
import { bundlesSection } from './bundles';
import { cloudSection } from './cloud-trips';
import { dashboardSection } from './dashboard';
import { h5LoadSection } from './h5-load';
import { httpSection } from './http';
import { mixSection } from './mix';
import { ordersSection } from './order-actions';
import { pointsSection } from './points';
import type { BenchContext, Section, SectionResult } from './report';
import { machine, printFigures, renderReport, writeReport } from './report';
import { storeSection } from './store';
import { treeImportSection } from './tree-import';
import { hotlineImportSection } from './hotline-import';
import { suiteSection } from './suite';

/** In report order. A new section is a module exporting a `Section`, added here. */
const SECTIONS: Section[] = [
  storeSection,
  httpSection,
  ordersSection,
  mixSection,
  activitiesSection,
  dashboardSection,
  pointsSection,
  cloudSection,
  bundlesSection,
  h5LoadSection,
  treeImportSection,
  hotlineImportSection,
  suiteSection,
];

interface Args {
  only: Set<string> | null;
  quick: boolean;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: null, quick: false, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--quick') args.quick = true;
    else if (flag === '--only')
      args.only = new Set(
        value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else if (flag === '--out') args.out = value();
    else throw new Error(`unknown argument ${a}; use --only ${SECTIONS.map((s) => s.id).join(',')}, --quick, --out FILE`);
  }
  const unknown = [...(args.only ?? [])].filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(__dirname, '..', '..');
  const ctx: BenchContext = { quick: args.quick, root };
  const chosen = SECTIONS.filter((s) => !args.only || args.only.has(s.id));
  const partial = args.quick || chosen.length < SECTIONS.length;
  // Only a full run replaces the committed doc; development runs go under build/.
  const out = path.resolve(root, args.out ?? (partial ? 'build/bench/benchmarks.md' : 'docs/benchmarks.md'));
  const m = machine();
  console.log(`bench: ${chosen.map((s) => s.id).join(', ')}${args.quick ? ' (quick)' : ''} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`);

  const startedAt = new Date();
  const done: Array<{ title: string; result: SectionResult }> = [];
  for (const s of chosen) {
    const t = Date.now();
    const result = await s.run(ctx);
    printFigures(`${s.title} (${((Date.now() - t) / 1000).toFixed(1)} s)`, result.figures);
    done.push({ title: s.title, result });
  }
  const args0 = process.argv.slice(2);
  const command = `npm run bench${args0.length ? ` -- ${args0.join(' ')}` : ''}`;
  writeReport(out, renderReport({ ctx, command, startedAt, sections: done }));
  console.log(`\nwrote ${path.relative(root, out)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
