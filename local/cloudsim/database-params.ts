/** Request-parameter readers for the database simulator: each bad value becomes an INVALID_PARAM answer. */
import { SimError } from './types';

/**
 * Names: letters, digits, `_` and `-` (also keeps journal file names safe). Lengths beyond the SDK's own
 * client check (`validate.js` isCollName, 2–33 chars, not applied by `createCollection`) are tolerated.
 */
export const COLLECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$/;

export function collectionName(params: Record<string, unknown>): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) throw new SimError('INVALID_PARAM', `invalid collection name: ${String(name)}`);
  return name;
}

export function queryType(params: Record<string, unknown>): 'WHERE' | 'DOC' {
  const t = params.queryType ?? 'WHERE';
  if (t !== 'WHERE' && t !== 'DOC') throw new SimError('INVALID_PARAM', `queryType must be WHERE or DOC, got ${String(t)}`);
  return t;
}

/** A DOC request addresses one document: `{ _id }` (document.js). */
export function docId(q: Record<string, unknown>): string | number {
  const id = q._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new SimError('INVALID_PARAM', 'a DOC request needs a string or number _id in its query');
  return id;
}

export function optInt(params: Record<string, unknown>, key: string): number | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SimError('INVALID_PARAM', `${key} must be an integer`);
  return v;
}

export function optBool(params: Record<string, unknown>, key: string): boolean | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new SimError('INVALID_PARAM', `${key} must be a boolean`);
  return v;
}

/** `orderBy` builds `{ field: 1 | -1 }` in call order (query.js orderBy); key order is sort priority. */
export function sortSpec(order: Record<string, unknown>): Record<string, 1 | -1> {
  const spec: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1) throw new SimError('INVALID_PARAM', `order direction for ${field} must be 1 or -1`);
    spec[field] = dir;
  }
  return spec;
}
