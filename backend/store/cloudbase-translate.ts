/** Port → CloudBase translation: filters, patches and group stages as the node SDK's `db.command` calls, with no I/O. */
import type { Filter, GroupRow, GroupSpec, Patch, Scalar } from './port';
import { assertField, isOperators } from './port';

/** The part of `db.command` this adapter uses (the SDK's own command object satisfies it; tests may fake it). */
export interface CloudbaseCommand {
  eq(v: unknown): object;
  neq(v: unknown): object;
  in(vs: unknown[]): object;
  nin(vs: unknown[]): object;
  all(vs: unknown[]): object;
  lt(v: unknown): object;
  lte(v: unknown): object;
  gt(v: unknown): object;
  gte(v: unknown): object;
  exists(flag: boolean): object;
  and(...expressions: object[]): object;
  or(...expressions: object[]): object;
  set(v: unknown): object;
  remove(): object;
  inc(by: number): object;
  push(...vs: unknown[]): object;
  pullAll(values: unknown[]): object;
}

/** `db.RegExp` of the SDK (database/dist/commonjs/regexp): a regular expression the server evaluates. */
export type CloudbaseRegExp = (o: { regexp: string; options?: string }) => object;

/** Reaching the end of every string that starts with p: the same bound the SQLite adapter uses. */
const PREFIX_END = '\uffff';

/** Port filter → the object `where()`/`match()` take: equality as plain values, operators as `db.command` calls. */
export function toCloudbaseWhere(filter: Filter, _: CloudbaseCommand, regexp?: CloudbaseRegExp): object {
  const fields: Record<string, unknown> = {};
  const clauses: object[] = [];
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (field === '$or') {
      const alts = (cond as Filter[]).map((f) => toCloudbaseWhere(f, _, regexp));
      // Mongo rejects `$or: []`; an empty disjunction matches nothing, as in SQLite.
      clauses.push(alts.length ? _.or(...alts) : { _id: _.in([]) });
      continue;
    }
    assertField(field);
    if (Array.isArray(cond)) throw new Error(`array condition on ${field}: only $or takes filters`);
    if (!isOperators(cond)) {
      fields[field] = cond;
      continue;
    }
    const cmds = Object.entries(cond).flatMap(([op, v]) => (v === undefined ? [] : toCommands(op, v, _, regexp)));
    if (cmds.length) fields[field] = cmds.length === 1 ? cmds[0] : _.and(...cmds);
  }
  if (Object.keys(fields).length) clauses.unshift(fields);
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? clauses[0] : _.and(...clauses);
}

/** One port operator → the db.command calls that express it (a list: `$prefix` needs two). */
const OPERATORS: Record<string, (_: CloudbaseCommand, v: unknown, regexp?: CloudbaseRegExp) => object[]> = {
  $eq: (_, v) => [_.eq(v)],
  $ne: (_, v) => [_.neq(v)],
  $in: (_, v) => [_.in(v as unknown[])],
  $nin: (_, v) => [_.nin(v as unknown[])],
  $gt: (_, v) => [_.gt(v)],
  $gte: (_, v) => [_.gte(v)],
  $lt: (_, v) => [_.lt(v)],
  $lte: (_, v) => [_.lte(v)],
  $exists: (_, v) => [_.exists(Boolean(v))],
  // A range, not a regex, so the index on the path field serves it.
  $prefix: (_, v) => [_.gte(String(v)), _.lt(`${String(v)}${PREFIX_END}`)],
  $has: (_, v) => [_.all([v])],
  // Mongo's $nin on an array field: no element is in the list (a missing field matches too).
  $hasNone: (_, v) => [_.nin(v as unknown[])],
  // Case-insensitive substring: a server-side regex of the escaped text (never the raw text as a pattern).
  $contains: (_, v, regexp) => {
    if (!regexp) throw new Error('$contains needs db.RegExp');
    return [regexp({ regexp: escapeRegExp(String(v)), options: 'i' })];
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toCommands(op: string, v: unknown, _: CloudbaseCommand, regexp?: CloudbaseRegExp): object[] {
  const make = Object.prototype.hasOwnProperty.call(OPERATORS, op) ? OPERATORS[op] : undefined;
  if (!make) throw new Error(`unsupported filter operator ${op}`);
  return make(_, v, regexp);
}

/** Port patch → the object `update()` takes. `_.set` everywhere so an object value replaces, not merges. */
export function toCloudbaseUpdate(patch: Patch, _: CloudbaseCommand): Record<string, object> {
  const out: Record<string, object> = {};
  const claim = (f: string): string => {
    assertField(f);
    if (f === '_id') throw new Error('cannot update _id');
    if (f in out) throw new Error(`field ${f} appears under two update operators`);
    return f;
  };
  for (const [f, v] of Object.entries(patch.$set ?? {})) out[claim(f)] = _.set(v ?? null);
  for (const [f, n] of Object.entries(patch.$inc ?? {})) out[claim(f)] = _.inc(n);
  // The array form pushes exactly one element even when the value is itself an array.
  for (const [f, v] of Object.entries(patch.$push ?? {})) out[claim(f)] = _.push([v ?? null]);
  for (const [f, vs] of Object.entries(patch.$pushAll ?? {})) {
    const field = claim(f);
    if (vs.length) out[field] = _.push(vs);
  }
  // `db.command.pullAll` (@cloudbase/database command.js): Mongo's $pullAll.
  for (const [f, vs] of Object.entries(patch.$pullAll ?? {})) {
    const field = claim(f);
    if (vs.length) out[field] = _.pullAll(vs);
  }
  for (const f of Object.keys(patch.$unset ?? {})) out[claim(f)] = _.remove();
  return out;
}

/** Group stage: `$ifNull` folds missing into null so both land in one group, as SQLite's NULL does. */
export function toCloudbaseGroup(spec: GroupSpec): Record<string, unknown> {
  const id = spec.by.length ? Object.fromEntries(spec.by.map((f, i) => [`g${i}`, { $ifNull: [`$${assertField(f)}`, null] }])) : null;
  const stage: Record<string, unknown> = { _id: id, count: { $sum: 1 } };
  (spec.sum ?? []).forEach((f, i) => (stage[`s${i}`] = { $sum: `$${assertField(f)}` }));
  return stage;
}

export function fromCloudbaseGroupRow(spec: GroupSpec, row: Record<string, unknown>): GroupRow {
  const id = typeof row._id === 'object' && row._id !== null ? (row._id as Record<string, unknown>) : {};
  return {
    key: Object.fromEntries(spec.by.map((f, i) => [f, (id[`g${i}`] ?? null) as Scalar])),
    count: Number(row.count ?? 0),
    sums: Object.fromEntries((spec.sum ?? []).map((f, i) => [f, Number(row[`s${i}`] ?? 0)])),
  };
}

/** `{}` matches everything; a command object (e.g. `_.or`) has a class prototype and is never empty. */
export function isEmptyWhere(where: object): boolean {
  return Object.getPrototypeOf(where) === Object.prototype && Object.keys(where).length === 0;
}
