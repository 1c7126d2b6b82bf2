/** Stable error codes and the one table of their Chinese messages; the UI never parses messages. */

export const ERROR_CODES = ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default message per code, shown when a command has nothing more specific to say. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在或已被移除',
  CONFLICT: '操作冲突：内容已被他人更新，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Offending field paths → Chinese message naming the field (VALIDATION only). */
  fields?: Record<string, string>;
}

/** `pending`: records the action left with effects (messages, counters, points) still to apply; see backend/records. */
export type Envelope<T> = { ok: true; data: T; pending?: Array<{ collection: string; id: string }> } | { ok: false; error: ErrorBody };

/** Thrown by commands and the runtime; turned into `{ ok: false, error }` at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }
  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A VALIDATION error whose message is shown both overall and under the one field it is about. */
export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}
