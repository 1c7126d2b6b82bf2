/** The CloudBase document-database simulator: answers the node SDK's `database.*` actions over mingo, optionally persisted. */
import { randomBytes } from 'crypto';
import { Aggregator, ProcessingMode, find } from 'mingo';
import { SimCollection, queryError } from './database-collection';
import type { IndexDecl } from './database-journal';
import { Journal, readMeta, writeMeta } from './database-journal';
import { COLLECTION_NAME, collectionName, docId, optBool, optInt, queryType, sortSpec } from './database-params';
import { sortScalars } from './database-sort';
import { applyModifier, toModifier, toReplacement } from './database-update';
import type { Doc } from './database-values';
import { cloneDoc, isPlainObject, parseEjson, parseEjsonObject, sameValue, toWire } from './database-values';
import { SimError } from './types';

/** `Query.get()` sends 100 when the caller set no limit and clamps to 1000 (`@cloudbase/database` query.js); the server clamps too. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/**
 * The SDK's `aggregate().end()` adds no `$limit` (aggregate.js), but the server returns only 20 results
 * when the pipeline has none: reported on developers.weixin.qq.com ("云函数端Aggregate聚合操作limit默认20条限制",
 * "聚合查询默认是20条") and relied on by backend/store/cloudbase.ts group(). We reproduce that server default.
 */
const AGGREGATE_DEFAULT_LIMIT = 20;

const READ_ACTIONS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments', 'database.getInTransaction']);
const TRANSACTION_ACTIONS = new Set([
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
  'database.getInTransaction',
  'database.updateDocInTransaction',
  'database.deleteDocInTransaction',
]);
/** Stages that would write (`$out`, `$merge`) or need a geo index mingo lacks. */
const REFUSED_STAGES = new Set(['$out', '$merge', '$geoNear']);

/** Codes from docs.cloudbase.net/error-code (数据库错误); the message is CloudBase's, as seen through wx-server-sdk errMsg. */
function notExist(name: string): SimError {
  return new SimError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

type Body = Record<string, unknown>;

export class SimDatabase {
  private readonly collections = new Map<string, SimCollection>();
  private readonly dir: string | null;
  private readonly maxCollections: number;
  private readonly now: () => number;
  private closed = false;

  /** `now` is the clock `db.serverDate()` reads (default Date.now), so a simulator with a fake clock stays consistent. */
  constructor(options: { dir: string | null; maxCollections?: number; now?: () => number }) {
    this.dir = options.dir;
    this.maxCollections = options.maxCollections ?? 100;
    this.now = options.now ?? Date.now;
    if (!this.dir) return;
    for (const { name, indexes } of readMeta(this.dir).collections) {
      const coll = this.open(name);
      for (const ix of indexes) coll.addIndex(ix);
    }
    for (const coll of this.collections.values()) coll.compactIfBloated();
  }

  /** For billing stats: reads are the query actions, everything else (including refused ones) counts as a write. */
  static kindOf(action: string): 'read' | 'write' {
    return READ_ACTIONS.has(action) ? 'read' : 'write';
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  createCollection(name: string): void {
    this.assertOpen();
    if (this.collections.has(name)) return;
    this.create(name);
  }

  createIndexes(name: string, indexes: Array<{ fields: Array<[string, 1 | -1]>; unique?: boolean }>): void {
    this.assertOpen();
    const coll = this.collections.get(name);
    if (!coll) throw notExist(name);
    let changed = false;
    for (const ix of indexes) {
      const ok =
        Array.isArray(ix.fields) && ix.fields.length > 0 && ix.fields.every((f) => Array.isArray(f) && typeof f[0] === 'string' && f[0] !== '' && (f[1] === 1 || f[1] === -1));
      if (!ok) throw new SimError('INVALID_PARAM', `bad index on ${name}: ${JSON.stringify(ix)}`);
      const decl: IndexDecl = ix.unique ? { fields: ix.fields.map(([f, d]) => [f, d]), unique: true } : { fields: ix.fields.map(([f, d]) => [f, d]) };
      changed = coll.addIndex(decl) || changed;
    }
    if (changed) this.saveMeta();
  }

  async handle(action: string, params: Record<string, unknown>): Promise<Body> {
    this.assertOpen();
    try {
      return this.dispatch(action, params);
    } catch (e) {
      if (e instanceof SimError) throw e;
      // fs failures and anything unforeseen: an error answer, never a crashed server.
      throw new SimError('SYS_ERR', e instanceof Error ? e.message : String(e));
    }
  }

  async close(): Promise<void> {
    // Every write already reached the kernel (Journal.append is synchronous); only descriptors remain.
    this.closed = true;
    for (const coll of this.collections.values()) coll.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new SimError('SYS_ERR', 'cloudsim database is closed');
  }

  private dispatch(action: string, params: Record<string, unknown>): Body {
    if (TRANSACTION_ACTIONS.has(action) || (params.transactionId !== undefined && params.transactionId !== '')) {
      throw new SimError('INVALID_ACTION', `cloudsim does not simulate database transactions (${action})`);
    }
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(params);
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.calculateDocument':
        return { data: { total: this.coll(params).match(this.query(params)).length } };
      case 'database.insertDocument':
        return this.insertDocument(params);
      case 'database.modifyDocument':
        return this.modifyDocument(params);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(params);
      case 'database.removeDocument':
        return this.removeDocument(params);
      case 'database.aggregateDocuments':
        return this.aggregate(params);
      default:
        throw new SimError('INVALID_ACTION', `unknown database action ${action}`);
    }
  }

  private addCollection(params: Record<string, unknown>): Body {
    const name = collectionName(params);
    if (this.collections.has(name)) {
      throw new SimError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist: ${name}.`);
    }
    this.create(name);
    return {};
  }

  private getDocument(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    const limitParam = optInt(params, 'limit');
    if (limitParam !== undefined && limitParam < 0) throw new SimError('INVALID_PARAM', 'limit must not be negative');
    const limit = Math.min(limitParam || DEFAULT_LIMIT, MAX_LIMIT);
    const offset = optInt(params, 'offset') ?? 0;
    if (offset < 0) throw new SimError('INVALID_PARAM', 'offset must not be negative');
    const order = params.order === undefined ? null : sortSpec(parseEjsonObject(params.order, 'order'));
    const projection = params.projection === undefined ? null : parseEjsonObject(params.projection, 'projection');
    const matched = coll.match(this.query(params), order ? Infinity : offset + limit);
    let list: Doc[];
    try {
      const sorted = order ? sortScalars(matched, order) : matched;
      if (sorted) {
        list = sorted.slice(offset, offset + limit);
        if (projection) list = find(list, {}, projection, { scriptEnabled: false }).all() as Doc[];
      } else {
        list = find(matched, {}, projection ?? {}, { scriptEnabled: false })
          .sort(order ?? {})
          .skip(offset)
          .limit(limit)
          .all() as Doc[];
      }
    } catch (e) {
      throw queryError(e);
    }
    return { data: { list: list.map(toWire), limit, offset } };
  }

  private insertDocument(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    const data = params.data;
    if (!Array.isArray(data) || data.length === 0) throw new SimError('INVALID_PARAM', 'data must be a non-empty array of EJSON documents');
    // Parse everything first: a malformed document rejects the request before anything is written.
    const docs = data.map((text, i) => parseEjsonObject(text, `data[${i}]`, this.now()));
    const prepared = docs.map(({ _id, ...rest }) => {
      // CloudBase ids are 32 hex characters; the SDK's own client-side generator (util.js) is not used by add().
      const id = _id === undefined ? randomBytes(16).toString('hex') : _id;
      if (typeof id !== 'string' && typeof id !== 'number') throw new SimError('INVALID_PARAM', '_id must be a string or a number');
      return { _id: id, ...rest };
    });
    const insertedIds: unknown[] = [];
    // Mongo's ordered insert: stop at the first failure, earlier documents stay.
    for (const doc of prepared) {
      coll.insert(doc);
      insertedIds.push(doc._id);
    }
    return { data: { insertedIds } };
  }

  private modifyDocument(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    const byDoc = queryType(params) === 'DOC';
    const multi = optBool(params, 'multi') ?? !byDoc;
    const merge = optBool(params, 'merge') ?? true;
    // A where-update never upserts (the SDK sends upsert: false there anyway; CloudBase ignores it).
    const upsert = byDoc && (optBool(params, 'upsert') ?? false);
    const data = parseEjsonObject(params.data, 'data', this.now());
    const q = this.query(params);
    const id = byDoc ? docId(q) : undefined;
    const modifier = merge ? toModifier(data) : null;
    const targets = coll.match(q, multi ? Infinity : 1);
    let updated = 0;
    for (const doc of targets) {
      let next: Doc;
      let modified: boolean;
      if (modifier) ({ next, modified } = applyModifier(doc, modifier));
      else {
        next = toReplacement(data, doc._id);
        modified = !sameValue(next, doc);
      }
      if (!modified) continue;
      coll.replace(next);
      updated++;
    }
    if (targets.length > 0 || !upsert) return { data: { updated } };
    const created = modifier ? applyModifier({ _id: id }, modifier).next : toReplacement(data, id);
    coll.insert(created);
    return { data: { updated: 0, upsert_id: id } };
  }

  private modifyAndReturnDoc(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    const modifier = toModifier(parseEjsonObject(params.data, 'data', this.now()));
    const [doc] = coll.match(this.query(params), 1);
    if (!doc) return { data: { updated: 0, doc: null } };
    const { next, modified } = applyModifier(doc, modifier);
    if (modified) coll.replace(next);
    return { data: { updated: modified ? 1 : 0, doc: toWire(modified ? next : doc) } };
  }

  private removeDocument(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    const byDoc = queryType(params) === 'DOC';
    const q = this.query(params);
    if (byDoc) docId(q);
    const multi = optBool(params, 'multi') ?? !byDoc;
    const targets = coll.match(q, multi ? Infinity : 1);
    for (const doc of targets) coll.remove(doc._id);
    return { data: { deleted: targets.length } };
  }

  private aggregate(params: Record<string, unknown>): Body {
    const coll = this.coll(params);
    if (!Array.isArray(params.stages)) throw new SimError('INVALID_PARAM', 'stages must be an array of { stageKey, stageValue }');
    const pipeline = params.stages.map((stage, i) => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw new SimError('INVALID_PARAM', `stages[${i}] must be { stageKey: "$stage", stageValue: "<EJSON>" }`);
      }
      if (REFUSED_STAGES.has(stage.stageKey)) throw new SimError('DATABASE_INVALID_OPERRATOR', `aggregate stage ${stage.stageKey} is not supported`);
      return { [stage.stageKey]: parseEjson(stage.stageValue, `stages[${i}].stageValue`, this.now()) };
    });
    if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    let list: unknown[];
    try {
      list = new Aggregator(pipeline, {
        // CLONE_INPUT: stages may reshape documents; the stored ones must stay as they are.
        processingMode: ProcessingMode.CLONE_INPUT,
        scriptEnabled: false,
        collectionResolver: (name) => (this.collections.get(name)?.all() ?? []).map(cloneDoc),
      }).run(coll.all());
    } catch (e) {
      throw queryError(e);
    }
    return { data: { list: list.map(toWire) } };
  }

  /** No `query` param (a bare `collection.get()`) or an empty string means every document. */
  private query(params: Record<string, unknown>): Record<string, unknown> {
    return params.query === undefined || params.query === '' ? {} : parseEjsonObject(params.query, 'query', this.now());
  }

  private coll(params: Record<string, unknown>): SimCollection {
    const name = params.collectionName;
    if (typeof name !== 'string' || name === '') throw new SimError('INVALID_PARAM', 'collectionName must be a non-empty string');
    const coll = this.collections.get(name);
    if (!coll) throw notExist(name);
    return coll;
  }

  private create(name: string): void {
    if (!COLLECTION_NAME.test(name)) throw new SimError('INVALID_PARAM', `invalid collection name: ${name}`);
    if (this.collections.size >= this.maxCollections) {
      // Code from docs.cloudbase.net/error-code (数据库集合数量超限); the message is ours.
      throw new SimError('DATABASE_COLLECTION_EXCEED_LIMIT', `collection limit exceeded: an environment holds at most ${this.maxCollections} collections`);
    }
    this.open(name);
    this.saveMeta();
  }

  private open(name: string): SimCollection {
    const journal = this.dir ? new Journal(this.dir, name) : null;
    const coll = new SimCollection(name, journal);
    journal?.replay((entry) => coll.load(entry));
    this.collections.set(name, coll);
    return coll;
  }

  private saveMeta(): void {
    if (!this.dir) return;
    writeMeta(this.dir, { version: 1, collections: [...this.collections.values()].map((c) => ({ name: c.name, indexes: c.indexes })) });
  }
}
