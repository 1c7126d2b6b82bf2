/**
 * Request keys (issue 12, "retries are safe"). A write listed in KEYED carries a `requestKey` made once per
 * submission, and the server treats a repeat as the same write (backend/runtime/keyed.ts). When no answer came
 * back (network error, timeout: the write may or may not have happened) the call is sent once more with the same
 * key. The key also outlives a failed call: tapping 提交 again on unchanged content reuses it, so pages need no
 * change. An answer, success or app error, ends the submission; the next one gets a new key.
 * Imports nothing from Taro or @shared, so the unit test loads it as it is.
 */

/** `function.action` of the writes whose server side answers a repeat as the first write. */
export const KEYED: ReadonlySet<string> = new Set([
  'orders.file',
  'orders.progress',
  'orders.note',
  'points.declare',
  'wishes.post',
  'diary.record',
  'activities.publish',
  'activities.publishPost',
]);

export type Send = (fn: string, action: string, input: unknown) => Promise<unknown>;

/** No answer arrived: both transports throw ApiError('NETWORK') then (api/cloud.ts, api/http.ts). */
export function isTransportFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NETWORK';
}

/** 24 characters of [0-9a-z]: time, then randomness (the server scopes keys per person, so this is plenty). */
export function newRequestKey(): string {
  let key = Date.now().toString(36);
  while (key.length < 24) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Wraps `send` so keyed actions carry a key and survive one lost answer; every other action passes straight through. */
export function keyedSender(send: Send, options: { retryDelayMs?: number; makeKey?: () => string } = {}): Send {
  const { retryDelayMs = 800, makeKey = newRequestKey } = options;
  /** Submissions without an answer yet (action + content) → their key. */
  const open = new Map<string, string>();
  const once = async (fn: string, action: string, input: Record<string, unknown>) => {
    try {
      return await send(fn, action, input);
    } catch (e) {
      if (!isTransportFailure(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      return send(fn, action, input);
    }
  };
  return async (fn, action, input) => {
    if (!KEYED.has(`${fn}.${action}`) || !isRecord(input)) return send(fn, action, input);
    if (typeof input.requestKey === 'string') return once(fn, action, input);
    const submission = `${fn}.${action}:${JSON.stringify(input)}`;
    const requestKey = open.get(submission) ?? makeKey();
    open.delete(submission);
    open.set(submission, requestKey);
    // A page left after several failures must not grow this for ever: the oldest submissions go first.
    while (open.size > 20) open.delete(open.keys().next().value as string);
    try {
      const data = await once(fn, action, { ...input, requestKey });
      open.delete(submission);
      return data;
    } catch (e) {
      if (!isTransportFailure(e)) open.delete(submission);
      throw e;
    }
  };
}
