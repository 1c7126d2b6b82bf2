/**
 * Writes shared/calendar/cn-days.json, the statutory calendar the deadlines count working days by: for each
 * year from FIRST_YEAR, the 法定节假日 (rest days) and the 调休 weekends worked, from the `chinese-days` package.
 * The package's whole table (40 KB, every year since 2004) would push the orders bundle over 300 KB; this keeps
 * the years deadlines can fall in (~1 KB). Run after upgrading chinese-days: `node scripts/calendar.mjs`;
 * `--check` only says whether the committed file is what the package gives (tests/unit/shared/workdays.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = path.join(root, 'shared', 'calendar', 'cn-days.json');
/** The app's first orders are from 2026; one year before keeps a margin for imported history. */
const FIRST_YEAR = 2025;

export function generate() {
  const { version } = require('chinese-days/package.json');
  const table = require('chinese-days/dist/chinese-days.json');
  const years = {};
  const put = (kind, day) => {
    const year = day.slice(0, 4);
    if (Number(year) < FIRST_YEAR) return;
    years[year] ??= { rest: [], work: [] };
    years[year][kind].push(day.slice(5));
  };
  // A holiday that falls on a weekend is a rest day anyway; listing it costs nothing and keeps the data plain.
  for (const day of Object.keys(table.holidays).sort()) put('rest', day);
  for (const day of Object.keys(table.workdays).sort()) put('work', day);
  return { source: `chinese-days@${version}`, years };
}

/** Formatted as `prettier --check` wants it, so the lint passes on the committed file. */
async function text(data) {
  return prettier.format(JSON.stringify(data), { ...(await prettier.resolveConfig(OUT)), filepath: OUT });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const want = await text(generate());
  if (process.argv.includes('--check')) {
    const have = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (have !== want) {
      console.error('shared/calendar/cn-days.json is not what chinese-days gives: run `node scripts/calendar.mjs`');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUT, want);
    console.log(`wrote ${path.relative(root, OUT)} (${want.length} bytes, years ${Object.keys(generate().years).join(', ')})`);
  }
}
