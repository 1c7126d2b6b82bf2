/** DocumentStore: the small Mongo-style port every repository talks to; adapters implement it. */

export type Scalar = string | number | boolean | null;

export interface Operators {
  $eq?: Scalar;
  $ne?: Scalar;
  $in?: Scalar[];
  $nin?: Scalar[];
  $gt?: string | number;
  $gte?: string | number;
  $lt?: string | number;
  $lte?: string | number;
  $exists?: boolean;
  /** String starts with: the subtree query on area paths (`/street/community/`). */
  $prefix?: string;
  /**
   * Array field contains the value (followers, skills). Served by an index declared `multikey` on that field;
   * otherwise not indexed: pair it with an indexed field.
   */
  $has?: Scalar;
  /** Array field (or a missing one) contains none of the values: the "not applied yet" guard of an idempotent write. */
  $hasNone?: Scalar[];
  /** String contains the text, case-insensitive (name search). Not indexed: pair with a prefix. */
  $contains?: string;
}

export type Condition = Scalar | Operators;

/** Field paths use dots for nesting (`stats.open`); `_id` is the document id. */
export type Filter = { [field: string]: Condition | Filter[] | undefined } & { $or?: Filter[] };

export type SortSpec = Array<[field: string, direction: 1 | -1]>;

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
  skip?: number;
}

/** Update operators. A field may appear under one operator only. */
export interface Patch {
  $set?: Record<string, unknown>;
  $inc?: Record<string, number>;
  /** Append one value to an array field, creating the array when missing. */
  $push?: Record<string, unknown>;
  /** Append each value of the list, in order (one request however many). */
  $pushAll?: Record<string, unknown[]>;
  /** Remove every occurrence of each listed scalar from an array field (a missing field stays missing). */
  $pullAll?: Record<string, Scalar[]>;
  $unset?: Record<string, true>;
}

export interface GroupSpec {
  by: string[];
  sum?: string[];
}

export interface GroupRow {
  key: Record<string, Scalar>;
  count: number;
  sums: Record<string, number>;
}

export interface IndexSpec {
  fields: SortSpec;
  unique?: boolean;
  /**
   * The field among `fields` that holds an array whose elements are indexed one by one, so `$has` on it is an
   * index lookup. Mongo (CloudBase) does this for any array by itself; SQLite keeps a table of the elements.
   */
  multikey?: string;
}

export interface Doc {
  _id: string;
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Insert; throws DuplicateKeyError on an existing id or unique key. */
  insert(doc: T): Promise<void>;
  /** Insert unless a document with this id exists; returns whether it was inserted (idempotent writes). */
  insertIfAbsent(doc: T): Promise<boolean>;
  /** Insert in one batch the documents whose ids are free; returns the ids it inserted (a replay inserts none). */
  insertMany(docs: T[]): Promise<string[]>;
  /** Conditional update of every matching document; returns how many matched. */
  updateWhere(filter: Filter, patch: Patch): Promise<number>;
  /** Count and sum per group, for dashboards. */
  group(filter: Filter, spec: GroupSpec): Promise<GroupRow[]>;
}

export interface DocumentStore {
  collection<T extends Doc>(name: string): Collection<T>;
  /** Declare indexes once at start; safe to repeat. */
  ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(collection: string, detail: string) {
    super(`duplicate key in ${collection}: ${detail}`);
    this.name = 'DuplicateKeyError';
  }
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field paths end up inside SQL and CloudBase queries: only plain dotted names are allowed. */
export function assertField(path: string): string {
  if (!FIELD.test(path)) throw new Error(`bad field path: ${path}`);
  return path;
}

const COLLECTION = /^[a-z][a-z0-9_]{0,40}$/;
export function assertCollection(name: string): string {
  if (!COLLECTION.test(name)) throw new Error(`bad collection name: ${name}`);
  return name;
}

export function isOperators(c: Condition | Filter[] | undefined): c is Operators {
  return typeof c === 'object' && c !== null && !Array.isArray(c);
}
