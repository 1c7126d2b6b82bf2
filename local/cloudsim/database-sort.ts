/** Native multi-key sort for the common case (scalar sort keys); mingo's $sort hashes every value and is slow at a few thousand documents. */
import type { Doc } from './database-values';
import { isArray, isPlainObject } from './database-values';

/** Mongo's BSON sort order by type; null and a missing field sort together, first. */
const TYPE_RANK: Record<string, number> = { null: 1, number: 2, string: 3, boolean: 8, date: 9 };

const toTag = Object.prototype.toString;

/** Marks a path that crosses an array (`items.price`): Mongo sorts those by min/max element, mingo knows how. */
const THROUGH_ARRAY = Symbol('through-array');

function sortValue(doc: Doc, parts: string[]): unknown {
  let cur: unknown = doc;
  for (const part of parts) {
    if (isArray(cur)) {
      if (!/^\d+$/.test(part)) return THROUGH_ARRAY;
      cur = cur[Number(part)];
    } else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

function rank(v: unknown): number | null {
  if (v === undefined || v === null) return TYPE_RANK.null;
  if (typeof v === 'number') return TYPE_RANK.number;
  if (typeof v === 'string') return TYPE_RANK.string;
  if (typeof v === 'boolean') return TYPE_RANK.boolean;
  if (typeof v === 'object' && !isArray(v) && toTag.call(v) === '[object Date]') return TYPE_RANK.date;
  return null;
}

function compareScalars(a: unknown, b: unknown, ra: number, rb: number): number {
  if (ra !== rb) return ra - rb;
  if (ra === TYPE_RANK.null) return 0;
  const x = ra === TYPE_RANK.date ? (a as Date).getTime() : (a as number | string | boolean);
  const y = rb === TYPE_RANK.date ? (b as Date).getTime() : (b as number | string | boolean);
  // Strings compare by UTF-16 code units, as mingo's query operators ($lt, $gte …) do.
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Sorts by `spec` (keys in priority order) when every sort value is null/missing, a number, a string, a
 * boolean or a Date; equal keys keep their natural order (a stable sort, as mingo's). Returns null
 * when a value is an array or an object (Mongo's min/max-element rules): the caller falls back to mingo.
 */
export function sortScalars(docs: Doc[], spec: Record<string, 1 | -1>): Doc[] | null {
  const fields = Object.keys(spec);
  const paths = fields.map((f) => f.split('.'));
  const dirs = fields.map((f) => spec[f]);
  const rows: Array<{ doc: Doc; keys: unknown[]; ranks: number[] }> = [];
  for (const doc of docs) {
    const keys = paths.map((p) => sortValue(doc, p));
    const ranks: number[] = [];
    for (const k of keys) {
      const r = rank(k);
      if (r === null) return null;
      ranks.push(r);
    }
    rows.push({ doc, keys, ranks });
  }
  rows.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareScalars(a.keys[i], b.keys[i], a.ranks[i], b.ranks[i]);
      if (c !== 0) return c * dirs[i];
    }
    return 0;
  });
  return rows.map((r) => r.doc);
}
