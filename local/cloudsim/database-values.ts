/** The database simulator's value layer: the SDK's EJSON strings in, plain JS documents (numbers, Date, RegExp) out and back. */
import { createRequire } from 'module';
import { SimError } from './types';

/**
 * The very `bson` copy the SDK uses (`@cloudbase/database` depends on bson 4.x: see its package.json and
 * `dist/commonjs/utils/utils.js` stringifyByEJSON). Resolving it through the SDK keeps us on the same
 * EJSON dialect even if another bson version gets hoisted to the top of node_modules.
 */
const bson = createRequire(require.resolve('@cloudbase/database'))('bson') as typeof import('bson');
const { EJSON } = bson;
/** bson's declared input type for stringify; our values (JSON, Date, RegExp) are all within it. */
type Serializable = Parameters<typeof EJSON.stringify>[0];

/** A stored document: JSON values plus Date and RegExp, keyed by `_id`. */
export type Doc = Record<string, unknown>;

/** `out['__proto__'] = v` would swap the prototype of the object we rebuild instead of adding a field. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/**
 * Builtins cached once: under jest every lookup of a global (`Object`, `Array`) goes through the test
 * context's global and costs about a microsecond, which dominated scans of a few thousand documents.
 */
const { getPrototypeOf } = Object;
const OBJECT_PROTO = Object.prototype;
const toTag = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
export const isArray: (v: unknown) => v is unknown[] = Array.isArray;

/** Realm-independent checks (instanceof fails for values built in another vm context). */
export function isDate(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && toTag.call(v) === '[object Date]';
}

function isRegExp(v: object): v is RegExp {
  return toTag.call(v) === '[object RegExp]';
}

/** Object literal or null-prototype object, from any realm (jest runs tests in a vm context of its own). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || isArray(v)) return false;
  const proto: unknown = getPrototypeOf(v);
  if (proto === OBJECT_PROTO || proto === null) return true;
  return toTag.call(v) === '[object Object]' && getPrototypeOf(proto) === null;
}

/** Mongo regex options → JS flags: `x` (extended) and `l` (locale) have no JS equivalent and are dropped. */
function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split('').filter((f) => 'imsu'.includes(f)))].join('');
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new SimError('INVALID_PARAM', `invalid regular expression /${pattern}/${options}: ${(e as Error).message}`);
  }
}

/**
 * One EJSON-decoded value → what we store and what mingo understands. bson's relaxed parse already
 * gives JS numbers for $numberInt/$numberDouble/$numberLong; this folds the remaining wrappers:
 * BSONRegExp → RegExp (the SDK sends `db.RegExp` and JS RegExps as `$regularExpression`, see
 * `serializer/datatype.js`), ObjectId → its hex string, and `db.serverDate()` — which the SDK sends as
 * `{ $tcb_server_date: { offset } }` (`serverDate/index.js`) — → the server's clock plus offset.
 */
function decode(v: unknown, now: number, path: string): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
    throw new SimError('INVALID_PARAM', `unsupported value of type ${typeof v} at ${path || '(root)'}`);
  }
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new SimError('INVALID_PARAM', `invalid date at ${path || '(root)'}`);
    return new Date(v.getTime());
  }
  if (isRegExp(v)) return new RegExp(v.source, v.flags);
  if (isArray(v)) return v.map((item, i) => decode(item, now, `${path}[${i}]`));
  const bsontype = (v as { _bsontype?: unknown })._bsontype;
  if (typeof bsontype === 'string') return decodeBson(bsontype, v, path);
  if (!isPlainObject(v)) throw new SimError('INVALID_PARAM', `unsupported value at ${path || '(root)'}`);
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = v.$tcb_server_date;
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) throw new SimError('INVALID_PARAM', `field name "${key}" is not allowed`);
    out[key] = decode(v[key], now, path ? `${path}.${key}` : key);
  }
  return out;
}

function decodeBson(type: string, v: object, path: string): unknown {
  switch (type) {
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return Number(String(v));
    case 'BSONRegExp': {
      const re = v as { pattern: string; options: string };
      return toRegExp(re.pattern, re.options);
    }
    case 'ObjectId':
    case 'ObjectID':
      return (v as { toHexString(): string }).toHexString();
    default:
      throw new SimError('INVALID_PARAM', `unsupported BSON type ${type} at ${path || '(root)'}`);
  }
}

/** Parses one EJSON string sent by the SDK; `what` names the param in error messages, `now` stamps server dates. */
export function parseEjson(text: unknown, what: string, now: number = Date.now()): unknown {
  if (typeof text !== 'string') throw new SimError('INVALID_PARAM', `${what} must be an EJSON string`);
  let raw: unknown;
  try {
    raw = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw new SimError('INVALID_PARAM', `${what} is not valid EJSON: ${(e as Error).message}`);
  }
  return decode(raw, now, '');
}

/** Like parseEjson, but the value must be an object (a query, an order, a document …). */
export function parseEjsonObject(text: unknown, what: string, now: number = Date.now()): Record<string, unknown> {
  const v = parseEjson(text, what, now);
  if (!isPlainObject(v)) throw new SimError('INVALID_PARAM', `${what} must be an object`);
  return v;
}

/**
 * A document as the server sends it: canonical EJSON (relaxed: false), like CloudBase's
 * `{"$numberDouble":"113.0"}` lists. The SDK reads them back with `EJSON.parse(item)` (relaxed by default,
 * `query.js` get()), so ints and doubles come back as JS numbers and `$date` as Date.
 */
export function toWire(doc: unknown): string {
  return EJSON.stringify(doc as Serializable, { relaxed: false });
}

/** Compact journal encoding (relaxed EJSON: numbers stay numbers, dates stay dates). */
export function toJournal(doc: unknown): string {
  return EJSON.stringify(doc as Serializable, { relaxed: true });
}

/** Reads one journal line back (the same decoding as requests, minus the server-date rewrite, which never occurs). */
export function fromJournal(line: string): unknown {
  return decode(EJSON.parse(line, { relaxed: true }), Date.now(), '');
}

/**
 * Deep copy that keeps Date and RegExp, so an update can be tried and discarded. Not structuredClone:
 * that builds its objects in Node's main realm, and under jest's vm realm they then fail
 * `instanceof Date` and prototype checks (in bson's EJSON and in mingo alike).
 */
export function cloneDoc(doc: Doc): Doc {
  return cloneValue(doc) as Doc;
}

function cloneValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) return new Date(v.getTime());
  if (isRegExp(v)) return new RegExp(v.source, v.flags);
  if (isArray(v)) return v.map(cloneValue);
  const out: Record<string, unknown> = {};
  for (const [k, item] of Object.entries(v)) out[k] = cloneValue(item);
  return out;
}

/** Mongo reports a replacement as "modified" only when the stored bytes change; canonical EJSON is our bytes. */
export function sameValue(a: unknown, b: unknown): boolean {
  return toWire(a) === toWire(b);
}

/** Reads a dotted path (no array expansion: `a.0.b` indexes arrays by position). */
export function readPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur)) cur = hasOwn.call(cur, part) ? cur[part] : undefined;
    else return undefined;
  }
  return cur;
}
