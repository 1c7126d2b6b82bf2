/** Is a query served by a declared index? MongoDB's rules (what CloudBase runs), with `multikey` for `$has` (SQLite's element tables). */
import type { Filter, IndexSpec, SortSpec } from './port';
import { isOperators } from './port';

/** How a condition can use an index: one value, a few values, a range (prefix too), an array element, or not at all. */
export type Use = 'eq' | 'in' | 'range' | 'has' | 'filter';

/** A conjunction: conditions per field, and groups of alternatives ($or), each group one of its branches. */
export interface Clause {
  fields: Record<string, Use[]>;
  ors: Clause[][];
}

export type QueryOp = 'find' | 'count' | 'group' | 'updateWhere';

export interface QueryShape {
  collection: string;
  op: QueryOp;
  where: Clause;
  sort: SortSpec;
}

export interface Verdict {
  served: boolean;
  /** The index of each branch that serves it (`_id` for the primary key). */
  by: string[];
}

const USE_OF: Record<string, Use> = {
  $eq: 'eq',
  $in: 'in',
  $gt: 'range',
  $gte: 'range',
  $lt: 'range',
  $lte: 'range',
  $prefix: 'range',
  $has: 'has',
  // $ne, $nin, $exists, $contains, $hasNone test each document an index found: they never narrow the search.
};

/** The shape of a port filter: which fields it constrains and how, never the values. */
export function clauseOf(filter: Filter): Clause {
  const clause: Clause = { fields: {}, ors: [] };
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (field === '$or') {
      clause.ors.push((cond as Filter[]).map(clauseOf));
      continue;
    }
    const uses = isOperators(cond)
      ? Object.entries(cond)
          .filter(([, v]) => v !== undefined)
          .map(([op]) => USE_OF[op] ?? 'filter')
      : ['eq' as const];
    clause.fields[field] = [...(clause.fields[field] ?? []), ...uses];
  }
  return clause;
}

function indexLabel(ix: IndexSpec): string {
  return ix.fields.map(([f, d]) => `${f}${d === -1 ? '↓' : '↑'}`).join(',');
}

/** How many leading fields of `ix` the conditions pin: equalities (and elements of its multikey field), then at most one range. */
function pinned(fields: Record<string, Use[]>, ix: IndexSpec): number {
  let n = 0;
  for (const [f] of ix.fields) {
    const uses = fields[f] ?? [];
    if (uses.includes('eq') || uses.includes('in') || (uses.includes('has') && ix.multikey === f)) {
      n++;
      continue;
    }
    if (uses.includes('range')) n++;
    break;
  }
  return n;
}

function conjunction(fields: Record<string, Use[]>, indexes: IndexSpec[]): string | null {
  if ((fields._id ?? []).some((u) => u !== 'filter')) return '_id';
  let best: IndexSpec | null = null;
  let most = 0;
  for (const ix of indexes) {
    const n = pinned(fields, ix);
    if (n > most) [best, most] = [ix, n];
  }
  return best ? indexLabel(best) : null;
}

function merge(a: Clause, b: Clause): Clause {
  const fields: Record<string, Use[]> = { ...a.fields };
  for (const [f, uses] of Object.entries(b.fields)) fields[f] = [...(fields[f] ?? []), ...uses];
  return { fields, ors: [...a.ors, ...b.ors] };
}

/**
 * The indexes that serve a clause, or null: its plain conditions pin an index, or for one of its $or groups every
 * branch (with the conditions beside the group) is served — Mongo's OR plan, SQLite's MULTI-INDEX OR.
 */
function serve(clause: Clause, indexes: IndexSpec[]): string[] | null {
  const plain = conjunction(clause.fields, indexes);
  if (plain) return [plain];
  for (let i = 0; i < clause.ors.length; i++) {
    const group = clause.ors[i] ?? [];
    // An empty $or matches nothing: nothing is read.
    if (group.length === 0) return ['(nothing)'];
    const rest: Clause = { fields: clause.fields, ors: clause.ors.filter((_, j) => j !== i) };
    const branches = group.map((b) => serve(merge(rest, b), indexes));
    if (branches.every((b) => b !== null)) return [...new Set(branches.flat() as string[])];
  }
  return null;
}

export function verdict(shape: QueryShape, indexes: IndexSpec[]): Verdict {
  const by = serve(shape.where, indexes);
  return { served: by !== null, by: by ?? [] };
}

function describeClause(c: Clause): string {
  const fields = Object.entries(c.fields)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([f, uses]) => `${f}:${[...new Set(uses)].sort().join('+')}`);
  const ors = c.ors.map((g) => `$or[${g.map(describeClause).join(' | ')}]`);
  return `{${[...fields, ...ors].join(', ')}}`;
}

/** One line per query shape, e.g. `orders.find {createdBy:eq, status:in} sort createdAt↓`; also the key that deduplicates them. */
export function describeShape(s: QueryShape): string {
  const sort = s.sort.length ? ` sort ${s.sort.map(([f, d]) => `${f}${d === -1 ? '↓' : '↑'}`).join(',')}` : '';
  return `${s.collection}.${s.op} ${describeClause(s.where)}${sort}`;
}

export function shapeOf(collection: string, op: QueryOp, filter: Filter, sort: SortSpec = []): QueryShape {
  return { collection, op, where: clauseOf(filter), sort };
}

/** Every query shape not served by the indexes declared for its collection, each with where it was issued. */
export function unserved<T extends { shape: QueryShape }>(seen: Iterable<T>, declared: Record<string, IndexSpec[]>): T[] {
  return [...seen].filter((q) => !verdict(q.shape, declared[q.shape.collection] ?? []).served);
}
