/** CloudBase adapter: the DocumentStore port over @cloudbase/node-sdk's document database. */
import { init } from '@cloudbase/node-sdk';
import type { CloudbaseCommand, CloudbaseRegExp } from './cloudbase-translate';
import { fromCloudbaseGroupRow, isEmptyWhere, toCloudbaseGroup, toCloudbaseUpdate, toCloudbaseWhere } from './cloudbase-translate';
import type { Collection, Doc, DocumentStore, Filter, FindOptions, GroupRow, GroupSpec, IndexSpec, Patch, Scalar } from './port';
import { DuplicateKeyError, assertCollection, assertField } from './port';

export interface CloudbaseQuery {
  where(query: object): CloudbaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery;
  skip(offset: number): CloudbaseQuery;
  limit(limit: number): CloudbaseQuery;
  get(): Promise<unknown>;
  count(): Promise<unknown>;
  update(data: object): Promise<unknown>;
}

export interface CloudbaseAggregate {
  match(query: object): CloudbaseAggregate;
  group(spec: object): CloudbaseAggregate;
  sort(spec: object): CloudbaseAggregate;
  skip(n: number): CloudbaseAggregate;
  limit(n: number): CloudbaseAggregate;
  end(): Promise<unknown>;
}

export interface CloudbaseCollectionRef extends CloudbaseQuery {
  doc(id: string): { get(): Promise<unknown> };
  add(data: object): Promise<unknown>;
  aggregate(): CloudbaseAggregate;
}

/** An initialised `app.database()` (structurally typed so tests can inject their own). */
export interface CloudbaseDb {
  command: CloudbaseCommand;
  RegExp: CloudbaseRegExp;
  collection(name: string): CloudbaseCollectionRef;
  createCollection(name: string): Promise<unknown>;
}

export interface CloudbaseOptions {
  env: string;
  secretId?: string;
  secretKey?: string;
  /** The API endpoint, when not CloudBase's own (the SDK's `serviceUrl`: the simulator's `/__sim/info` names it). */
  serviceUrl?: string;
}

/** The node SDK caps one `get()` at 1000 documents (100 when no limit is given); aggregate defaults to 20. */
export const CLOUDBASE_PAGE = 1000;

/**
 * Opens the cloud store. Credentials fall back to the SDK's own environment lookup (inside a cloud
 * function TENCENTCLOUD_SECRETID/KEY/SESSIONTOKEN are injected). We refuse to start without any: the
 * SDK 3.x would otherwise reject a promise nobody awaits on the first request (an unhandled rejection).
 */
export function openCloudbaseStore({ env, secretId, secretKey, serviceUrl }: CloudbaseOptions): CloudbaseStore {
  const hasKeys = Boolean(secretId && secretKey) || Boolean(process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY);
  if (!hasKeys) throw new Error('CloudBase credentials missing: pass secretId/secretKey or set TENCENTCLOUD_SECRETID/TENCENTCLOUD_SECRETKEY');
  const app = init(serviceUrl ? { env, secretId, secretKey, serviceUrl } : { env, secretId, secretKey });
  return new CloudbaseStore(app.database());
}

export class CloudbaseStore implements DocumentStore {
  private readonly indexes = new Map<string, IndexSpec[]>();
  constructor(
    readonly db: CloudbaseDb,
    readonly pageSize: number = CLOUDBASE_PAGE,
  ) {}

  collection<T extends Doc>(name: string): Collection<T> {
    return new CloudbaseCollection<T>(this.db, assertCollection(name), this.pageSize, () => this.indexes.get(name) ?? []);
  }

  /**
   * The node SDK has no index API: indexes are created in the CloudBase console (or the manager API)
   * at deploy time. Here we only record them so a deploy doc can list them (`declaredIndexes()`), and
   * so unique ones get a best-effort pre-insert check until the real index exists.
   */
  async ensureIndexes(name: string, indexes: IndexSpec[]): Promise<void> {
    assertCollection(name);
    const known = this.indexes.get(name) ?? [];
    for (const ix of indexes) {
      ix.fields.forEach(([f]) => assertField(f));
      if (!known.some((k) => JSON.stringify(k) === JSON.stringify(ix))) known.push(ix);
    }
    this.indexes.set(name, known);
  }

  declaredIndexes(): Record<string, IndexSpec[]> {
    return Object.fromEntries([...this.indexes].map(([name, list]) => [name, list.map((ix) => ({ ...ix }))]));
  }

  /** The SDK keeps no connection to release. */
  async close(): Promise<void> {}
}

class CloudbaseCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly db: CloudbaseDb,
    private readonly name: string,
    private readonly pageSize: number,
    private readonly uniqueSource: () => IndexSpec[],
  ) {}

  private readonly regexp: CloudbaseRegExp = (o) => this.db.RegExp(o);

  private ref(): CloudbaseCollectionRef {
    return this.db.collection(this.name);
  }

  private query(filter: Filter): CloudbaseQuery {
    const where = toCloudbaseWhere(filter, this.db.command, this.regexp);
    return isEmptyWhere(where) ? this.ref() : this.ref().where(where);
  }

  async get(id: string): Promise<T | null> {
    const res = await orMissing(() => this.ref().doc(id).get(), null);
    return res === null ? null : ((list(res, 'data').map(stripWrites)[0] as T | undefined) ?? null);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const { limit, skip = 0 } = options;
    if (limit !== undefined && limit <= 0) return [];
    // `_id` last makes paging stable when the caller's sort keys tie.
    const sort = [...(options.sort ?? [])];
    if (!sort.some(([f]) => f === '_id')) sort.push(['_id', 1]);
    const out: T[] = [];
    for (let offset = skip; ;) {
      const want = limit === undefined ? this.pageSize : Math.min(this.pageSize, limit - out.length);
      let q = this.query(filter);
      for (const [f, d] of sort) q = q.orderBy(assertField(f), d === -1 ? 'desc' : 'asc');
      if (offset > 0) q = q.skip(offset);
      const res = await orMissing(() => q.limit(want).get(), null);
      const page = res === null ? [] : (list(res, 'data').map(stripWrites) as T[]);
      out.push(...page);
      offset += page.length;
      if (page.length < want || (limit !== undefined && out.length >= limit)) return out;
    }
  }

  async count(filter: Filter): Promise<number> {
    const res = await orMissing(() => this.query(filter).count(), null);
    return res === null ? 0 : num(res, 'total');
  }

  async insert(doc: T): Promise<void> {
    await this.checkUnique(doc);
    try {
      await this.add(doc);
    } catch (e) {
      throw isDuplicate(e) ? new DuplicateKeyError(this.name, doc._id) : e;
    }
  }

  async insertIfAbsent(doc: T): Promise<boolean> {
    if (await this.get(doc._id)) return false;
    await this.checkUnique(doc);
    try {
      await this.add(doc);
      return true;
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      // A racing writer may have inserted the same id (idempotent: not an error), or a unique key clashed.
      if (await this.get(doc._id)) return false;
      throw new DuplicateKeyError(this.name, doc._id);
    }
  }

  /**
   * One read of the ids already present, then one `add([...])` of the rest (the SDK's batch insert, an ordered
   * insertDocument). A racing writer that inserts one of them first fails the batch part-way: the rest then go
   * one by one, so each document is still inserted exactly once and reported by whoever inserted it.
   */
  async insertMany(docs: T[]): Promise<string[]> {
    if (docs.length === 0) return [];
    const taken = new Set((await this.find({ _id: { $in: docs.map((d) => d._id) } } as Filter)).map((d) => d._id));
    const fresh = docs.filter((d) => !taken.has(d._id));
    if (fresh.length === 0) return [];
    for (const doc of fresh) await this.checkUnique(doc);
    try {
      await this.add(fresh);
      return fresh.map((d) => d._id);
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      const won = await Promise.all(fresh.map((d) => this.insertIfAbsent(d)));
      return fresh.filter((_, i) => won[i]).map((d) => d._id);
    }
  }

  async updateWhere(filter: Filter, patch: Patch): Promise<number> {
    const data = toCloudbaseUpdate(patch, this.db.command);
    // The SDK rejects an empty update; an empty patch still "matches" like the SQLite adapter.
    if (Object.keys(data).length === 0) return this.count(filter);
    // CloudBase's `updated` counts documents it modified, not matched: a $set to the stored value reports 0
    // and a move would read as lost. Bumping a write counter modifies every matched document, so the count
    // is the matched one in the same single request. Reads strip it (WRITES is never the app's field).
    data[WRITES] = this.db.command.inc(1);
    try {
      const res = await orMissing(() => this.query(filter).update(data), null);
      return res === null ? 0 : num(res, 'updated');
    } catch (e) {
      throw isDuplicate(e) ? new DuplicateKeyError(this.name, JSON.stringify(filter)) : e;
    }
  }

  async group(filter: Filter, spec: GroupSpec): Promise<GroupRow[]> {
    const stage = toCloudbaseGroup(spec);
    const where = toCloudbaseWhere(filter, this.db.command, this.regexp);
    const rows: Array<Record<string, unknown>> = [];
    for (let offset = 0; ; offset += this.pageSize) {
      let agg = this.ref().aggregate();
      if (!isEmptyWhere(where)) agg = agg.match(where);
      // Without an explicit limit CloudBase returns only 20 groups; sort keeps the pages stable.
      agg = agg.group(stage).sort({ _id: 1 });
      if (offset > 0) agg = agg.skip(offset);
      const res = await orMissing(() => agg.limit(this.pageSize).end(), null);
      const page = res === null ? [] : (list(res, 'data') as Array<Record<string, unknown>>);
      rows.push(...page);
      if (page.length < this.pageSize) break;
    }
    return rows.map((r) => fromCloudbaseGroupRow(spec, r));
  }

  private async add(doc: T | T[]): Promise<void> {
    try {
      checked(await this.ref().add(doc));
    } catch (e) {
      if (!isMissingCollection(e)) throw e;
      // CloudBase collections must exist before the first write: create on demand (a racing creator's
      // "already exists" is fine), then retry once.
      await this.db.createCollection(this.name).catch(() => undefined);
      checked(await this.ref().add(doc));
    }
  }

  /** Best effort until the console index exists: not atomic, and like SQLite a null/missing key never clashes. */
  private async checkUnique(doc: T): Promise<void> {
    for (const ix of this.uniqueSource()) {
      if (!ix.unique || ix.fields.every(([f]) => f === '_id')) continue;
      const key: Filter = { _id: { $ne: doc._id } };
      const values = ix.fields.map(([f]) => readPath(doc, f));
      if (values.some((v) => v === null || v === undefined || typeof v === 'object')) continue;
      ix.fields.forEach(([f], i) => (key[f] = values[i] as Scalar));
      if ((await this.count(key)) > 0) throw new DuplicateKeyError(this.name, `${ix.fields.map(([f]) => f).join(',')}=${values.join(',')}`);
    }
  }
}

/** The per-document write counter that makes `updated` count matches (see updateWhere). */
const WRITES = '_writes';

function stripWrites(doc: unknown): unknown {
  if (typeof doc === 'object' && doc !== null && WRITES in doc) delete (doc as Record<string, unknown>)[WRITES];
  return doc;
}

function readPath(doc: object, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[part] : undefined;
  return cur;
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

function isDuplicate(e: unknown): boolean {
  return errorCode(e) === 'DATABASE_DUPLICATE_WRITE' || (e instanceof Error && /E11000|duplicate key/i.test(e.message));
}

function isMissingCollection(e: unknown): boolean {
  return errorCode(e) === 'DATABASE_COLLECTION_NOT_EXIST';
}

/** A collection that was never written reads as empty, like a fresh SQLite table. */
async function orMissing<R>(run: () => Promise<R>, fallback: R): Promise<R> {
  try {
    return checked(await run());
  } catch (e) {
    if (isMissingCollection(e)) return fallback;
    throw e;
  }
}

/** With `setThrowOnCode(false)` the SDK returns `{code, message}` instead of throwing: make it throw anyway. */
function checked<R>(res: R): R {
  if (errorCode(res)) {
    const info = res as { code: unknown; message?: unknown };
    throw Object.assign(new Error(`CloudBase ${String(info.code)}: ${String(info.message ?? '')}`), { code: String(info.code) });
  }
  return res;
}

function list(res: unknown, field: string): unknown[] {
  const v = typeof res === 'object' && res !== null ? (res as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(v)) throw new Error(`unexpected CloudBase response: no ${field} list`);
  return v;
}

function num(res: unknown, field: string): number {
  const v = typeof res === 'object' && res !== null ? (res as Record<string, unknown>)[field] : undefined;
  if (typeof v !== 'number') throw new Error(`unexpected CloudBase response: no ${field} number`);
  return v;
}
