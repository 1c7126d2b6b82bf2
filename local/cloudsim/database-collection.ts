/** One simulated CloudBase collection: documents by `_id`, unique indexes as hash maps, writes journalled before they apply. */
import { Query } from 'mingo';
import type { IndexDecl, Journal } from './database-journal';
import type { Doc } from './database-values';
import { isArray, isDate, isPlainObject, readPath, toWire } from './database-values';
import { SimError } from './types';

/** A journal is rewritten once it holds this many lines and four times the live documents (cheap at seed sizes). */
const COMPACT_FLOOR = 1000;
const COMPACT_RATIO = 4;

interface UniqueIndex {
  name: string;
  fields: string[];
  /** Key (canonical EJSON of the field values) → the `_id` holding it. */
  keys: Map<string, unknown>;
}

/** Mongo's default index name: `email_1`, `a_1_b_-1`. */
export function indexName(fields: Array<[string, 1 | -1]>): string {
  return fields.map(([f, d]) => `${f}_${d}`).join('_');
}

function sameIndex(a: IndexDecl, b: IndexDecl): boolean {
  return Boolean(a.unique) === Boolean(b.unique) && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

/** Mongo's wording, which the app recognises by /E11000|duplicate key/ (backend/store/cloudbase.ts isDuplicate). */
function duplicate(collection: string, index: string, fields: string[], values: unknown[]): SimError {
  const shown = fields.map((f, i) => `${f}: ${JSON.stringify(values[i]) ?? 'null'}`).join(', ');
  return new SimError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`);
}

/** BSON order for the only `_id` types we accept: numbers before strings. */
function compareIds(a: unknown, b: unknown): number {
  if (typeof a === typeof b) return (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
  return typeof a === 'number' ? -1 : 1;
}

function isScalarId(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}

export class SimCollection {
  private readonly docs = new Map<unknown, Doc>();
  readonly indexes: IndexDecl[] = [];
  private readonly uniques: UniqueIndex[] = [];

  constructor(
    readonly name: string,
    private readonly journal: Journal | null,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  /** Live documents in natural (insertion) order. Callers must not mutate them. */
  all(): Doc[] {
    return [...this.docs.values()];
  }

  get(id: unknown): Doc | undefined {
    return this.docs.get(id);
  }

  /** Applies a replayed journal entry: no checks, no journalling (the entry already passed both). */
  load(entry: { doc: Doc } | { removed: unknown }): void {
    if ('doc' in entry) {
      const prev = this.docs.get(entry.doc._id);
      if (prev) this.unindex(prev);
      this.docs.set(entry.doc._id, entry.doc);
      this.index(entry.doc);
    } else {
      const prev = this.docs.get(entry.removed);
      if (prev) this.unindex(prev);
      this.docs.delete(entry.removed);
    }
  }

  /** Declares an index; unique ones are built now (failing like Mongo's index build on existing duplicates). */
  addIndex(decl: IndexDecl): boolean {
    if (this.indexes.some((ix) => sameIndex(ix, decl))) return false;
    if (decl.unique) {
      const ix: UniqueIndex = { name: indexName(decl.fields), fields: decl.fields.map(([f]) => f), keys: new Map() };
      for (const doc of this.docs.values()) {
        const { key, values } = this.keyOf(ix, doc);
        if (ix.keys.has(key)) throw duplicate(this.name, ix.name, ix.fields, values);
        ix.keys.set(key, doc._id);
      }
      this.uniques.push(ix);
    }
    this.indexes.push(decl);
    return true;
  }

  /**
   * Documents matching a decoded query, in natural order, at most `max`. Equality (or `$in`) on `_id`
   * is a map lookup; anything else is a linear mingo scan.
   */
  match(query: Record<string, unknown>, max = Infinity): Doc[] {
    if (Object.keys(query).length === 0) return max >= this.docs.size ? this.all() : this.all().slice(0, max);
    let test: Query;
    try {
      test = new Query(query, { scriptEnabled: false });
    } catch (e) {
      throw queryError(e);
    }
    const out: Doc[] = [];
    const maybe = prefilter(query);
    for (const doc of this.candidates(query)) {
      if (out.length >= max) break;
      if (maybe && !maybe(doc)) continue;
      let ok: boolean;
      try {
        ok = test.test(doc);
      } catch (e) {
        throw queryError(e);
      }
      if (ok) out.push(doc);
    }
    return out;
  }

  private candidates(query: Record<string, unknown>): Iterable<Doc> {
    const id = query._id;
    let ids: unknown[] | null = null;
    if (isScalarId(id)) ids = [id];
    else if (isPlainObject(id) && Object.keys(id).length === 1) {
      if (isScalarId(id.$eq)) ids = [id.$eq];
      // Mongo answers `_id: {$in}` from the _id index, i.e. in _id order.
      else if (isArray(id.$in) && id.$in.every(isScalarId)) ids = [...new Set(id.$in)].sort(compareIds);
    }
    if (!ids) return this.docs.values();
    return ids.flatMap((k): Doc[] => {
      const doc = this.docs.get(k);
      return doc ? [doc] : [];
    });
  }

  insert(doc: Doc): void {
    if (this.docs.has(doc._id)) throw duplicate(this.name, '_id_', ['_id'], [doc._id]);
    this.checkUnique(doc);
    this.write({ doc });
    this.docs.set(doc._id, doc);
    this.index(doc);
    this.compactIfBloated();
  }

  /** Stores a new version of an existing document (same `_id`). */
  replace(doc: Doc): void {
    const prev = this.docs.get(doc._id);
    if (!prev) throw new SimError('DATABASE_REQUEST_FAILED', `document ${String(doc._id)} vanished during the write`);
    this.checkUnique(doc);
    this.write({ doc });
    this.unindex(prev);
    this.docs.set(doc._id, doc);
    this.index(doc);
    this.compactIfBloated();
  }

  remove(id: unknown): void {
    const prev = this.docs.get(id);
    if (!prev) return;
    this.write({ removed: id });
    this.unindex(prev);
    this.docs.delete(id);
    this.compactIfBloated();
  }

  private write(entry: { doc: Doc } | { removed: unknown }): void {
    this.journal?.append(entry);
  }

  /** Rewrites the journal as a snapshot once superseded versions and tombstones dominate it. */
  compactIfBloated(): void {
    if (this.journal && this.journal.lines > Math.max(COMPACT_FLOOR, COMPACT_RATIO * this.docs.size)) this.journal.compact(this.docs.values());
  }

  /** Mongo semantics: a missing field indexes as null, so two documents without it clash too. */
  private keyOf(ix: UniqueIndex, doc: Doc): { key: string; values: unknown[] } {
    const values = ix.fields.map((f) => readPath(doc, f) ?? null);
    return { key: toWire(values), values };
  }

  private checkUnique(doc: Doc): void {
    for (const ix of this.uniques) {
      const { key, values } = this.keyOf(ix, doc);
      const holder = ix.keys.get(key);
      if (holder !== undefined && holder !== doc._id) throw duplicate(this.name, ix.name, ix.fields, values);
    }
  }

  private index(doc: Doc): void {
    for (const ix of this.uniques) ix.keys.set(this.keyOf(ix, doc).key, doc._id);
  }

  private unindex(doc: Doc): void {
    for (const ix of this.uniques) {
      const { key } = this.keyOf(ix, doc);
      if (ix.keys.get(key) === doc._id) ix.keys.delete(key);
    }
  }

  close(): void {
    this.journal?.close();
  }
}

/** Stands for "cannot tell cheaply" while walking a dotted path (an array on the way fans out in Mongo). */
const UNKNOWN = Symbol('unknown');

function pathValue(doc: Doc, parts: string[]): unknown {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (isArray(cur)) return UNKNOWN;
    if (!isPlainObject(cur)) return undefined;
    cur = cur[parts[i]];
  }
  return cur;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));
}

/** Same-type comparison (Mongo compares across types only by type order, which mingo decides); null otherwise. */
function compareSameType(v: unknown, x: unknown): number | null {
  if (typeof v === 'number' && typeof x === 'number') return Number.isNaN(v) || Number.isNaN(x) ? null : v - x;
  if (typeof v === 'string' && typeof x === 'string') return v < x ? -1 : v > x ? 1 : 0;
  if (isDate(v) && isDate(x)) return v.getTime() - x.getTime();
  return null;
}

const RANGES: Record<string, (c: number) => boolean> = { $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0 };

/**
 * A cheap necessary condition for the query, so the full mingo test only runs on plausible documents:
 * equality, `$in` and ranges on scalar fields, through `$and`. Mongo equality with a scalar matches the
 * field's value or an element of an array value; ranges here only decide same-type comparisons. Anything
 * this cannot judge (arrays, paths through arrays, mixed types) passes on to mingo. Null when nothing applies.
 */
function prefilter(query: Record<string, unknown>): ((doc: Doc) => boolean) | null {
  const checks: Array<(doc: Doc) => boolean> = [];
  const add = (q: Record<string, unknown>): void => {
    for (const [key, cond] of Object.entries(q)) {
      if (key === '$and' && isArray(cond)) cond.forEach((sub) => isPlainObject(sub) && add(sub));
      if (key.startsWith('$')) continue;
      const parts = key.split('.');
      const ops: Array<[string, unknown]> = isScalar(cond) ? [['$eq', cond]] : isPlainObject(cond) ? Object.entries(cond) : [];
      for (const [op, x] of ops) {
        if ((op === '$eq' && isScalar(x)) || (op === '$in' && isArray(x) && x.every(isScalar))) {
          const wanted = new Set(op === '$eq' ? [x] : (x as unknown[]));
          checks.push((doc) => {
            const v = pathValue(doc, parts);
            return v === UNKNOWN || wanted.has(v) || (isArray(v) && v.some((e) => wanted.has(e)));
          });
        } else if (op in RANGES && (isScalar(x) || isDate(x))) {
          const ok = RANGES[op];
          checks.push((doc) => {
            const v = pathValue(doc, parts);
            if (v === UNKNOWN || isArray(v)) return true;
            const c = compareSameType(v, x);
            return c === null || ok(c);
          });
        }
      }
    }
  };
  add(query);
  if (checks.length === 0) return null;
  return (doc) => checks.every((c) => c(doc));
}

/** mingo names unknown operators ("unknown query operator $foo"); anything else it rejects is a bad value. */
export function queryError(e: unknown): SimError {
  if (e instanceof SimError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return /unknown|unregistered|not supported/i.test(message) ? new SimError('DATABASE_INVALID_OPERRATOR', message) : new SimError('INVALID_PARAM', message);
}
