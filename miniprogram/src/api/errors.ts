/** ApiError: a failed envelope as an exception the pages can show (message) and map to fields. */
import type { ErrorBody, ErrorCode } from '@shared/errors';

/** Codes the server sends, plus NETWORK for when no envelope arrived at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields ?? {};
  }

  static fromBody(body: ErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields);
  }
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
export const UNKNOWN_MESSAGE = '系统开小差了，请稍后再试';

/** The Chinese message to show for anything a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNKNOWN_MESSAGE;
}

/** Per-field message for a form input, if the last error named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

/** The form-level message, unless it only repeats a message already shown next to a field. */
export function formMessage(error: unknown, shownFields: readonly string[]): string | undefined {
  if (error === null || error === undefined) return undefined;
  const message = messageOf(error);
  const repeated = shownFields.some((f) => fieldError(error, f) === message);
  return repeated ? undefined : message;
}
