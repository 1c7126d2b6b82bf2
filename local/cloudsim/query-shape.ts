/** The shape of a database request as CloudBase receives it (Mongo query JSON), for the index check of what the function bundles ask. */
import type { Clause, QueryOp, QueryShape, Use } from '../../backend/store/index-check';
import type { SortSpec } from '../../backend/store/port';
import { isPlainObject, parseEjsonObject } from './database-values';

const OPS: Record<string, QueryOp> = {
  'database.getDocument': 'find',
  'database.calculateDocument': 'count',
  'database.aggregateDocuments': 'group',
  'database.modifyDocument': 'updateWhere',
  'database.modifyAndReturnDoc': 'updateWhere',
};

const USE_OF: Record<string, Use> = { $eq: 'eq', $in: 'in', $gt: 'range', $gte: 'range', $lt: 'range', $lte: 'range', $all: 'has' };

/** A Mongo query document → its clause. `$all` is how the adapter asks for an array element (`$has`). */
export function mongoClause(q: Record<string, unknown>): Clause {
  const clause: Clause = { fields: {}, ors: [] };
  const add = (field: string, uses: Use[]) => (clause.fields[field] = [...(clause.fields[field] ?? []), ...uses]);
  for (const [key, value] of Object.entries(q)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value.filter(isPlainObject).map(mongoClause)) {
        for (const [f, uses] of Object.entries(part.fields)) add(f, uses);
        clause.ors.push(...part.ors);
      }
    } else if (key === '$or' && Array.isArray(value)) {
      clause.ors.push(value.filter(isPlainObject).map(mongoClause));
    } else if (key.startsWith('$')) {
      // $nor, $expr…: evaluated per document.
      add(key, ['filter']);
    } else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      add(
        key,
        Object.keys(value).map((op) => USE_OF[op] ?? 'filter'),
      );
    } else {
      // A value (a RegExp too: the name search) — a regex never narrows an index here, the adapter anchors none.
      add(key, [value instanceof RegExp || Object.prototype.toString.call(value) === '[object RegExp]' ? 'filter' : 'eq']);
    }
  }
  return clause;
}

/** The shape of one database action with its parameters, or null for writes that carry no query (inserts). */
export function requestShape(action: string, params: Record<string, unknown>): QueryShape | null {
  const op = OPS[action];
  const collection = params.collectionName;
  if (!op || typeof collection !== 'string') return null;
  const text = (v: unknown): Record<string, unknown> => (typeof v === 'string' && v !== '' ? parseEjsonObject(v, 'query', 0) : {});
  let where: Record<string, unknown> = text(params.query);
  if (op === 'group') {
    const stages = Array.isArray(params.stages) ? (params.stages as Array<{ stageKey?: unknown; stageValue?: unknown }>) : [];
    const match = stages[0]?.stageKey === '$match' ? stages[0].stageValue : undefined;
    where = text(match);
  }
  const sort: SortSpec = Object.entries(text(params.order)).map(([f, d]) => [f, d === -1 ? -1 : 1]);
  return { collection, op, where: mongoClause(where), sort };
}
