/**
 * The CloudBase + WeChat simulator's inner contract: what the HTTP front (api.ts) hands each service
 * (database, storage, WeChat open APIs) and what they answer. Nothing outside local/cloudsim imports this.
 */

/** Who made an SDK request, as the platform knows it (from the container's injected credentials). */
export interface Caller {
  /** The cloud function whose container sent it; null for an admin client (a test, a script, `npm run deploy`). */
  functionName: string | null;
  /** That function's `permissions.openapi` from its bundle's config.json (e.g. `security.msgSecCheck`). */
  openapi: string[];
  /** The invocation the request belongs to (for /__sim/stats); null outside an invocation. */
  invocationId: string | null;
  /** The OPENID of the WeChat user whose call started the invocation; null for timers and admin clients. */
  openid: string | null;
  /** How the invocation was started: by a mini-program user, by a timer trigger, or not at all (admin). */
  trigger: 'call' | 'timer' | 'admin';
}

/** One decoded SDK request: the JSON body (or multipart fields) minus the signing envelope. */
export interface SimRequest {
  /** e.g. `database.getDocument`, `storage.getUploadMetadata`, `wx.api`, `wx.openApi`. */
  action: string;
  /** Every other body field, exactly as the SDK sent it (strings stay strings: EJSON is not parsed here). */
  params: Record<string, unknown>;
  /** Binary multipart fields (the compat open-API route sends `requestData` as a file part). */
  files: Record<string, Buffer>;
  caller: Caller;
}

/**
 * What a service answers. `json` goes out as HTTP 200 `application/json` (an error is `{ code, message }`
 * in the body, as CloudBase answers: the SDK throws on `code`). `raw` goes out as bytes with its content type.
 */
export type SimResponse = { kind: 'json'; body: Record<string, unknown> } | { kind: 'raw'; status?: number; contentType: string; body: Buffer };

/** CloudBase's error envelope; `code` strings are the platform's (DATABASE_COLLECTION_NOT_EXIST …). */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}
