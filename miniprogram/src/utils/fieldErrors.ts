/** Field messages for groups of fields (photos.0.size …), on top of api/errors' one-field helpers. */
import { ApiError } from '../api/errors';

/** Every field key of the error that is `prefix` or lies under it (`photos`, `photos.1.type`). */
export function fieldsUnder(error: unknown, prefix: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return Object.keys(error.fields).filter((k) => k === prefix || k.startsWith(`${prefix}.`));
}

/** The first message for a field group, to show beside the group's input. */
export function firstFieldError(error: unknown, prefix: string): string | undefined {
  const key = fieldsUnder(error, prefix)[0];
  return key && error instanceof ApiError ? error.fields[key] : undefined;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT';
}
