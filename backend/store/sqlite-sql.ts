/** Compiles port filters, patches and sorts to SQLite over JSON documents (`doc` column). */
import type { Condition, Filter, Patch, Scalar, SortSpec } from './port';
import { assertField, isOperators } from './port';

export type Param = string | number | null;

/** The expression an index is declared on and a query filters by must be byte-identical. */
export function fieldExpr(path: string): string {
  if (path === '_id') return 'id';
  return `json_extract(doc, '$.${assertField(path)}')`;
}

function bind(v: Scalar): Param {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** Array fields of a collection with an element table (a `multikey` index): field → table name. */
export type ElementTables = ReadonlyMap<string, string>;

const NO_ELEMENTS: ElementTables = new Map();

/** The table holding the elements of `field`'s arrays, one row per (element, document id). */
export function elementTable(table: string, field: string): string {
  return `${table}[${assertField(field)}]`;
}

export function compileFilter(filter: Filter, params: Param[], elements: ElementTables = NO_ELEMENTS): string {
  return compileAll([filter], params, elements);
}

/**
 * The conjunction of `filters`. An `$or` takes the conditions beside it into each branch, so each branch can be
 * served by a compound index (status + path range, creator + date) and SQLite joins them (MULTI-INDEX OR),
 * rather than using one sibling's index and filtering everything it finds.
 */
function compileAll(filters: Filter[], params: Param[], elements: ElementTables): string {
  const at = filters.findIndex((f) => f.$or !== undefined);
  if (at >= 0) {
    const { $or, ...beside } = filters[at] as Filter & { $or: Filter[] };
    const others = [...filters.slice(0, at), beside, ...filters.slice(at + 1)];
    const alts = $or.map((branch) => `(${compileAll([...others, branch], params, elements)})`);
    return alts.length ? `(${alts.join(' OR ')})` : '0';
  }
  const terms = filters.flatMap((f) => Object.entries(f).filter(([, c]) => c !== undefined)) as Array<[string, Condition]>;
  // An element lookup (ids in followers, staff nodes) is what an element index is declared for, and finds few
  // rows; without statistics SQLite would rather drive by `status IN (…)` and check membership row by row. A
  // unary + keeps the other conditions (bar _id) from driving: they filter what the lookup finds.
  const byElements = terms.some(([field, c]) => isOperators(c) && c.$has !== undefined && elements.has(field));
  const parts: string[] = [];
  for (const [field, cond] of terms) {
    const x = byElements && field !== '_id' ? `+${fieldExpr(field)}` : fieldExpr(field);
    if (!isOperators(cond)) {
      parts.push(eq(x, cond as Scalar, params));
      continue;
    }
    for (const [op, value] of Object.entries(cond)) {
      // An operator left undefined is absent, as in Mongo and the CloudBase adapter (not "= NULL").
      if (value === undefined) continue;
      const table = op === '$has' ? elements.get(field) : undefined;
      if (table) {
        params.push(bind(value as Scalar));
        parts.push(`id IN (SELECT id FROM "${table}" WHERE v = ?)`);
      } else parts.push(compileOp(field, x, op, value, params));
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

function eq(x: string, v: Scalar, params: Param[]): string {
  if (v === null) return `${x} IS NULL`;
  params.push(bind(v));
  return `${x} = ?`;
}

function list(values: Scalar[], params: Param[]): string {
  for (const v of values) params.push(bind(v));
  return values.map(() => '?').join(', ');
}

function compileOp(field: string, x: string, op: string, value: unknown, params: Param[]): string {
  switch (op) {
    case '$eq':
      return eq(x, value as Scalar, params);
    case '$ne':
      params.push(bind(value as Scalar));
      return `${x} IS NOT ?`;
    case '$in': {
      const values = value as Scalar[];
      return values.length ? `${x} IN (${list(values, params)})` : '0';
    }
    case '$nin': {
      const values = value as Scalar[];
      return values.length ? `(${x} IS NULL OR ${x} NOT IN (${list(values, params)}))` : '1';
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      params.push(bind(value as Scalar));
      const sym = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
      return `${x} ${sym} ?`;
    }
    case '$exists':
      return value ? `json_type(doc, '$.${assertField(field)}') IS NOT NULL` : `json_type(doc, '$.${assertField(field)}') IS NULL`;
    case '$prefix': {
      const p = String(value);
      params.push(p, `${p}\uffff`);
      return `(${x} >= ? AND ${x} < ?)`;
    }
    case '$has':
      params.push(bind(value as Scalar));
      return `EXISTS (SELECT 1 FROM json_each(doc, '$.${assertField(field)}') WHERE value = ?)`;
    case '$hasNone': {
      const values = value as Scalar[];
      return values.length ? `NOT EXISTS (SELECT 1 FROM json_each(doc, '$.${assertField(field)}') WHERE value IN (${list(values, params)}))` : '1';
    }
    case '$contains':
      params.push(String(value).toLowerCase());
      return `instr(lower(${x}), ?) > 0`;
    default:
      throw new Error(`unsupported filter operator ${op}`);
  }
}

export function compileSort(sort: SortSpec | undefined): string {
  if (!sort || sort.length === 0) return '';
  return ` ORDER BY ${sort.map(([f, d]) => `${fieldExpr(f)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ')}`;
}

/** One UPDATE expression: nested json_set/json_remove calls over the original `doc`. */
export function compilePatch(patch: Patch, params: Param[]): string {
  const seen = new Set<string>();
  const claim = (f: string) => {
    assertField(f);
    if (f === '_id') throw new Error('cannot update _id');
    if (seen.has(f)) throw new Error(`field ${f} appears under two update operators`);
    seen.add(f);
    return `'$.${f}'`;
  };
  let expr = 'doc';
  for (const [f, v] of Object.entries(patch.$set ?? {})) {
    params.push(JSON.stringify(v ?? null));
    expr = `json_set(${expr}, ${claim(f)}, json(?))`;
  }
  for (const [f, n] of Object.entries(patch.$inc ?? {})) {
    params.push(n);
    expr = `json_set(${expr}, ${claim(f)}, coalesce(json_extract(doc, '$.${f}'), 0) + ?)`;
  }
  for (const [f, v] of Object.entries(patch.$push ?? {})) {
    params.push(JSON.stringify(v ?? null));
    const path = claim(f);
    expr = `json_set(${expr}, ${path}, json_insert(coalesce(json_extract(doc, ${path}), json('[]')), '$[#]', json(?)))`;
  }
  for (const [f, vs] of Object.entries(patch.$pushAll ?? {})) {
    const path = claim(f);
    if (vs.length === 0) continue;
    // json_insert applies its path/value pairs left to right: each `$[#]` appends after the previous one.
    const pairs = vs.map((v) => {
      params.push(JSON.stringify(v ?? null));
      return `'$[#]', json(?)`;
    });
    expr = `json_set(${expr}, ${path}, json_insert(coalesce(json_extract(doc, ${path}), json('[]')), ${pairs.join(', ')}))`;
  }
  for (const [f, vs] of Object.entries(patch.$pullAll ?? {})) {
    const path = claim(f);
    if (vs.length === 0) continue;
    // The array rebuilt from the elements kept, in order, each back as JSON text (json_each gives SQL values).
    params.push(JSON.stringify(vs));
    const element = `CASE e.type WHEN 'text' THEN json_quote(e.value) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN 'null' ELSE e.value END`;
    const kept = `(SELECT json_group_array(json(k.v)) FROM (SELECT ${element} AS v FROM json_each(doc, ${path}) e WHERE e.type IN ('object', 'array') OR e.value NOT IN (SELECT value FROM json_each(?)) ORDER BY e.id) k)`;
    // Mongo leaves a missing field missing: set, then remove again when it was absent (a path nobody uses otherwise).
    expr = `json_remove(json_set(${expr}, ${path}, CASE WHEN json_type(doc, ${path}) = 'array' THEN json(${kept}) END), CASE WHEN json_type(doc, ${path}) IS NULL THEN ${path} ELSE '$.__absent__' END)`;
  }
  for (const f of Object.keys(patch.$unset ?? {})) {
    expr = `json_remove(${expr}, ${claim(f)})`;
  }
  return expr;
}
