/** Update semantics for the database simulator: the SDK's update data → a checked mingo modifier, applied to a copy. */
import { update } from 'mingo';
import { queryError } from './database-collection';
import type { Doc } from './database-values';
import { cloneDoc, isPlainObject, readPath } from './database-values';
import { SimError } from './types';

/** What `UpdateSerializer` can emit (`serializer/update.js`, `operator-map.js`: remove→$unset, shift/unshift→$pop/$push), plus Mongo's others. */
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$currentDate', '$bit']);
const NUMERIC = new Set(['$inc', '$mul']);
const ARRAY = new Set(['$push', '$pull', '$pullAll', '$addToSet', '$pop']);

export type Modifier = Record<string, Record<string, unknown>>;

function immutableId(): SimError {
  return new SimError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
}

function touchesId(path: string): boolean {
  return path === '_id' || path.startsWith('_id.');
}

/**
 * Update data (merge: true) → modifier. The SDK always sends operators (`{ $set: { 'a.b': 1 } }`: plain
 * fields are flattened into dotted `$set`s); raw-mode callers may send bare fields, which Mongo's
 * `$set` semantics cover. Mixing both is the same error Mongo gives.
 */
export function toModifier(data: Record<string, unknown>): Modifier {
  const keys = Object.keys(data);
  if (keys.length === 0) throw new SimError('INVALID_PARAM', 'update data must not be empty');
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === 0) data = { $set: data };
  else if (ops.length !== keys.length) throw new SimError('INVALID_PARAM', 'update data mixes operators ($set …) with plain fields');
  const modifier: Modifier = {};
  for (const [op, spec] of Object.entries(data)) {
    if (!UPDATE_OPERATORS.has(op)) throw new SimError('DATABASE_INVALID_OPERRATOR', `unknown update operator ${op}`);
    if (!isPlainObject(spec)) throw new SimError('INVALID_PARAM', `${op} takes an object of field paths`);
    for (const [path, value] of Object.entries(spec)) {
      if (!path || path.split('.').some((p) => p === '')) throw new SimError('INVALID_PARAM', `bad field path "${path}" in ${op}`);
      if (touchesId(path) || (op === '$rename' && typeof value === 'string' && touchesId(value))) throw immutableId();
      if (NUMERIC.has(op) && typeof value !== 'number') throw new SimError('INVALID_PARAM', `${op} needs a number for ${path}`);
      if (op === '$rename' && typeof value !== 'string') throw new SimError('INVALID_PARAM', `$rename needs a string target for ${path}`);
    }
    modifier[op] = spec;
  }
  return modifier;
}

/** Mongo refuses these instead of silently doing nothing (mingo would); same wording as mongod. */
function checkTypes(doc: Doc, modifier: Modifier): void {
  for (const [op, spec] of Object.entries(modifier)) {
    if (!NUMERIC.has(op) && !ARRAY.has(op)) continue;
    for (const path of Object.keys(spec)) {
      const current = readPath(doc, path);
      if (current === undefined) continue;
      if (NUMERIC.has(op) && typeof current !== 'number') {
        throw new SimError(
          'DATABASE_REQUEST_FAILED',
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(current)}`,
        );
      }
      if (ARRAY.has(op) && !Array.isArray(current)) {
        throw new SimError('DATABASE_REQUEST_FAILED', `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`);
      }
    }
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Applies the modifier to a copy; `modified` is false when no stored value changed (Mongo's nModified). */
export function applyModifier(doc: Doc, modifier: Modifier): { next: Doc; modified: boolean } {
  checkTypes(doc, modifier);
  const next = cloneDoc(doc);
  let changed: string[];
  try {
    changed = update(next, modifier, undefined, undefined, { cloneMode: 'deep' });
  } catch (e) {
    throw queryError(e);
  }
  return { next, modified: changed.length > 0 };
}

/** `doc().set()` data (merge: false) → the whole new document; `_id` stays the target's. */
export function toReplacement(data: Record<string, unknown>, id: unknown): Doc {
  if (Object.keys(data).some((k) => k.startsWith('$'))) throw new SimError('INVALID_PARAM', 'a replacement document cannot contain update operators');
  if ('_id' in data && data._id !== id) throw immutableId();
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...rest };
}
