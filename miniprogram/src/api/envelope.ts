/** Reads a transport's raw answer as the `{ ok, data | error }` envelope, or explains why it isn't one. */
import type { Envelope } from '@shared/errors';
import { isErrorCode } from '@shared/errors';
import { ApiError, UNKNOWN_MESSAGE } from './errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRef(value: unknown): value is { collection: string; id: string } {
  return isRecord(value) && typeof value.collection === 'string' && typeof value.id === 'string';
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Validates the envelope's shape; anything else becomes an INTERNAL ApiError. */
export function toEnvelope(raw: unknown): Envelope<unknown> {
  if (isRecord(raw) && raw.ok === true && 'data' in raw) {
    const pending = Array.isArray(raw.pending) ? raw.pending.filter(isRef) : [];
    return pending.length ? { ok: true, data: raw.data, pending } : { ok: true, data: raw.data };
  }
  if (isRecord(raw) && raw.ok === false && isRecord(raw.error)) {
    const { code, message, fields } = raw.error;
    if (isErrorCode(code) && typeof message === 'string') {
      return { ok: false, error: isStringMap(fields) ? { code, message, fields } : { code, message } };
    }
  }
  throw new ApiError('INTERNAL', UNKNOWN_MESSAGE);
}

/** The data of a successful envelope; throws ApiError for a failed one. */
export function unwrap(envelope: Envelope<unknown>): unknown {
  if (envelope.ok) return envelope.data;
  throw ApiError.fromBody(envelope.error);
}
