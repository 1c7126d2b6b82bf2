/** h5 transport: JSON over HTTP to the local gateway, with the session token as a Bearer header. */
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/errors';
import { clearToken, getToken } from '../utils/session';
import { entryTarget, signInUrl } from '../utils/entry';
import { ROUTES } from '../utils/routes';
import { toEnvelope } from './envelope';
import { ApiError, NETWORK_MESSAGE, UNKNOWN_MESSAGE } from './errors';

/** Sends one request and returns the envelope it carried (any HTTP status may carry one). */
export async function requestJson(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${WG_API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ApiError('INTERNAL', response.ok ? UNKNOWN_MESSAGE : `${UNKNOWN_MESSAGE}（HTTP ${response.status}）`);
  }
  const envelope = toEnvelope(raw);
  if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED') signOutToSignIn();
  return envelope;
}

/** Calls a cloud function through the gateway: POST /api/fn/<fn> with `{ action, data }`. */
export function callOverHttp(fn: string, action: string, data: unknown): Promise<Envelope<unknown>> {
  return requestJson('POST', `/api/fn/${encodeURIComponent(fn)}`, { action, data });
}

/** A lapsed or missing session on the web: forget the token and go to the sign-in page, which brings the person back here (a shared link). */
function signOutToSignIn(): void {
  clearToken();
  const pages = Taro.getCurrentPages();
  const here = pages[pages.length - 1]?.route ?? '';
  if (ROUTES.signin.includes(here)) return;
  void Taro.reLaunch({ url: signInUrl(entryTarget(window.location.hash.replace(/^#/, ''))) });
}
