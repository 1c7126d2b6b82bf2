/**
 * CloudBase timer triggers: 7-field cron `second minute hour day month week year`, read as the
 * platform documents it (https://docs.cloudbase.net/cloud-function/timer-trigger): `*`, lists `a,b`,
 * ranges `a-b`, steps `*\/n` and `a-b/n`; day and week cannot both be restricted; times are Beijing time.
 */

interface Field {
  min: number;
  max: number;
}
const FIELDS: Field[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 6 }, // day of week (0 = Sunday)
  { min: 1970, max: 2099 }, // year
];

export type Cron = Array<Set<number> | null>;

/** Parses a trigger's `config`; throws with the field named when it is not a valid CloudBase cron. */
export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`cron "${expr}" must have 7 fields (second minute hour day month week year)`);
  const out = parts.map((part, i) => parseField(part, FIELDS[i]!, i));
  if (out[3] && out[5]) throw new Error(`cron "${expr}": day and week cannot both be set`);
  return out;
}

function parseField(part: string, f: Field, index: number): Set<number> | null {
  if (part === '*') return null;
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(item);
    if (!m) throw new Error(`cron field ${index + 1} "${part}" is not valid`);
    const from = m[1] === '*' ? f.min : Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : m[1] === '*' || m[3] ? f.max : from;
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    if (from < f.min || to > f.max || from > to || step < 1) throw new Error(`cron field ${index + 1} "${part}" is out of range ${f.min}–${f.max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Whether the trigger fires in the second starting at `at` (epoch ms), in Asia/Shanghai time. */
export function cronMatches(cron: Cron, at: number): boolean {
  const d = new Date(at + 8 * 3600_000);
  const now = [d.getUTCSeconds(), d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay(), d.getUTCFullYear()];
  return cron.every((set, i) => set === null || set.has(now[i]!));
}
