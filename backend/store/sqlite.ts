/** Embedded adapter: SQLite through better-sqlite3, one table of JSON documents per collection. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Collection, Doc, DocumentStore, Filter, FindOptions, GroupRow, GroupSpec, IndexSpec, Patch, Scalar } from './port';
import { DuplicateKeyError, assertCollection, assertField } from './port';
import type { Param } from './sqlite-sql';
import { compileFilter, compilePatch, compileSort, elementTable, fieldExpr } from './sqlite-sql';

export interface SqliteOptions {
  /** Folder for the database file; created when missing. `:memory:` for a throwaway store. */
  dataDir: string;
  fileName?: string;
}

/**
 * Opens (and creates) the store. WAL with synchronous=NORMAL: a committed write survives the
 * process being killed (it is in the WAL file); only a power cut could drop the last commits.
 */
export function openSqliteStore({ dataDir, fileName = 'wangge.db' }: SqliteOptions): SqliteStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, fileName);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return new SqliteStore(db);
}

export class SqliteStore implements DocumentStore {
  private readonly tables = new Map<string, SqliteCollection<Doc>>();
  constructor(readonly db: Database.Database) {}

  collection<T extends Doc>(name: string): Collection<T> {
    let c = this.tables.get(name);
    if (!c) {
      const table = assertCollection(name);
      // A rowid table, not WITHOUT ROWID: index-only counts then skip the documents (measured 75× faster).
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
      c = new SqliteCollection(this.db, table);
      this.tables.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  async ensureIndexes(name: string, indexes: IndexSpec[]): Promise<void> {
    const c = this.collection(name) as unknown as SqliteCollection<Doc>;
    for (const ix of indexes) {
      const ixName = `ix_${name}_${ix.fields.map(([f]) => assertField(f).replace(/\./g, '_')).join('_')}`;
      if (ix.multikey !== undefined) {
        if (!ix.fields.some(([f]) => f === ix.multikey)) throw new Error(`multikey ${ix.multikey} is not a field of its index on ${name}`);
        if (ix.unique) throw new Error(`a multikey index cannot be unique (${name}.${ix.multikey})`);
        this.ensureElements(name, ix.multikey);
        // An expression index on the whole array (declared before the field was marked multikey) serves nothing.
        this.db.exec(`DROP INDEX IF EXISTS "${ixName}"`);
        c.elements.set(ix.multikey, elementTable(name, ix.multikey));
        continue;
      }
      const cols = ix.fields.map(([f, d]) => `${fieldExpr(f)}${d === -1 ? ' DESC' : ''}`).join(', ');
      this.db.exec(`CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${ixName}" ON "${name}" (${cols})`);
    }
  }

  /**
   * A multikey index: a table of (element, document id) kept by triggers in the same statement as each write, so
   * it is never out of step with the documents and no caller writes twice. Filled from the documents when created.
   */
  private ensureElements(table: string, field: string): void {
    const el = elementTable(table, field);
    const at = `'$.${assertField(field)}'`;
    // Elements are scalars (ids); objects and arrays inside are not indexed, as `$has` compares scalars.
    const fill = (from: string, id: string, doc: string) =>
      `INSERT OR IGNORE INTO "${el}" (v, id) SELECT e.value, ${id} FROM ${from}json_each(${doc}, ${at}) AS e WHERE e.type NOT IN ('object', 'array')`;
    this.db.transaction(() => {
      const exists = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(el);
      if (!exists) {
        this.db.exec(`CREATE TABLE "${el}" (v, id TEXT NOT NULL, PRIMARY KEY (v, id)) WITHOUT ROWID`);
        this.db.exec(`CREATE INDEX "${el}_id" ON "${el}" (id)`);
        this.db.exec(fill(`"${table}" AS t, `, 't.id', 't.doc'));
      }
      this.db.exec(`CREATE TRIGGER IF NOT EXISTS "${el}_insert" AFTER INSERT ON "${table}" BEGIN ${fill('', 'new.id', 'new.doc')}; END`);
      this.db.exec(
        `CREATE TRIGGER IF NOT EXISTS "${el}_update" AFTER UPDATE OF doc ON "${table}" WHEN json_extract(old.doc, ${at}) IS NOT json_extract(new.doc, ${at}) ` +
          `BEGIN DELETE FROM "${el}" WHERE id = old.id; ${fill('', 'new.id', 'new.doc')}; END`,
      );
      this.db.exec(`CREATE TRIGGER IF NOT EXISTS "${el}_delete" AFTER DELETE ON "${table}" BEGIN DELETE FROM "${el}" WHERE id = old.id; END`);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

class SqliteCollection<T extends Doc> implements Collection<T> {
  private readonly getStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly insertIgnoreStmt: Database.Statement;
  private readonly cache = new Map<string, Database.Statement>();
  /** Array fields with an element table (multikey indexes), found in the file and added by ensureIndexes. */
  readonly elements = new Map<string, string>();

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
  ) {
    this.getStmt = db.prepare(`SELECT doc FROM "${table}" WHERE id = ?`).pluck();
    this.insertStmt = db.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`);
    this.insertIgnoreStmt = db.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?) ON CONFLICT(id) DO NOTHING`);
    // Another connection (a script, a second store on the same file) uses the element tables it finds.
    const names = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?`)
      .pluck()
      .all(table.length + 1, `${table}[`) as string[];
    for (const n of names) this.elements.set(n.slice(table.length + 1, -1), n);
  }

  /** Statements are cached by SQL text: the same query shape is prepared once. */
  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  async get(id: string): Promise<T | null> {
    const raw = this.getStmt.get(id) as string | undefined;
    return raw === undefined ? null : (JSON.parse(raw) as T);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const params: Param[] = [];
    const where = compileFilter(filter, params, this.elements);
    const order = compileSort(options.sort);
    let sql = `SELECT doc FROM "${this.table}" WHERE ${where}${order}`;
    if (options.limit !== undefined || options.skip) {
      params.push(options.limit ?? -1, options.skip ?? 0);
      // A sorted page chooses its rows first and then reads only their documents: ORDER BY … LIMIT alone carries
      // every matching document through the sort (a hall page over 500 pooled orders: 1.2 ms → 0.3 ms once the
      // pages are not cached). An index holding the filter and sort fields then answers the choice by itself.
      sql = order
        ? `SELECT doc FROM "${this.table}" WHERE rowid IN (SELECT rowid FROM "${this.table}" WHERE ${where}${order} LIMIT ? OFFSET ?)${order}`
        : `${sql} LIMIT ? OFFSET ?`;
    }
    const rows = this.stmt(sql)
      .pluck()
      .all(...params) as string[];
    return rows.map((r) => JSON.parse(r) as T);
  }

  async count(filter: Filter): Promise<number> {
    const params: Param[] = [];
    const sql = `SELECT count(*) FROM "${this.table}" WHERE ${compileFilter(filter, params, this.elements)}`;
    return this.stmt(sql)
      .pluck()
      .get(...params) as number;
  }

  async insert(doc: T): Promise<void> {
    try {
      this.insertStmt.run(doc._id, JSON.stringify(doc));
    } catch (e) {
      throw asDuplicate(e, this.table, doc._id);
    }
  }

  async insertIfAbsent(doc: T): Promise<boolean> {
    try {
      return this.insertIgnoreStmt.run(doc._id, JSON.stringify(doc)).changes === 1;
    } catch (e) {
      throw asDuplicate(e, this.table, doc._id);
    }
  }

  async insertMany(docs: T[]): Promise<string[]> {
    const inserted: string[] = [];
    try {
      this.db.transaction(() => {
        for (const doc of docs) if (this.insertIgnoreStmt.run(doc._id, JSON.stringify(doc)).changes === 1) inserted.push(doc._id);
      })();
    } catch (e) {
      throw asDuplicate(e, this.table, docs.map((d) => d._id).join(','));
    }
    return inserted;
  }

  async updateWhere(filter: Filter, patch: Patch): Promise<number> {
    const params: Param[] = [];
    const set = compilePatch(patch, params);
    const where = compileFilter(filter, params, this.elements);
    try {
      return this.stmt(`UPDATE "${this.table}" SET doc = ${set} WHERE ${where}`).run(...params).changes;
    } catch (e) {
      throw asDuplicate(e, this.table, JSON.stringify(filter));
    }
  }

  async group(filter: Filter, spec: GroupSpec): Promise<GroupRow[]> {
    const params: Param[] = [];
    const by = spec.by.map((f, i) => `${fieldExpr(f)} AS g${i}`);
    const sums = (spec.sum ?? []).map((f, i) => `total(${fieldExpr(f)}) AS s${i}`);
    const groupBy = spec.by.length ? ` GROUP BY ${spec.by.map((_, i) => `g${i}`).join(', ')}` : '';
    const where = compileFilter(filter, params, this.elements);
    const sql = `SELECT ${[...by, ...sums, 'count(*) AS n'].join(', ')} FROM "${this.table}" WHERE ${where}${groupBy}`;
    const rows = this.stmt(sql).all(...params) as Array<Record<string, Scalar>>;
    return rows
      .filter((r) => spec.by.length > 0 || Number(r.n) > 0)
      .map((r) => ({
        key: Object.fromEntries(spec.by.map((f, i) => [f, r[`g${i}`] ?? null])),
        count: Number(r.n),
        sums: Object.fromEntries((spec.sum ?? []).map((f, i) => [f, Number(r[`s${i}`])])),
      }));
  }
}

function asDuplicate(e: unknown, table: string, detail: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CONSTRAINT') ? new DuplicateKeyError(table, detail) : e;
}
