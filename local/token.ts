/** Development sign-in tokens: HMAC-SHA256 signed `{ sub, exp }`, verified in constant time. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signToken(secret: string, userId: string, now: number, ttl = TOKEN_TTL_MS): { token: string; expiresAt: number } {
  const expiresAt = now + ttl;
  const payload = b64(JSON.stringify({ sub: userId, exp: expiresAt }));
  const sig = b64(createHmac('sha256', secret).update(payload).digest());
  return { token: `${payload}.${sig}`, expiresAt };
}

/** Unpadded base64url only: Node's decoder would skip stray characters and unused bits, letting altered signatures through. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The user id of a valid, unexpired token; null for anything tampered, expired or malformed. Only the
 * exact canonical signature passes: it is compared as text with the one we would sign, never decoded.
 */
export function verifyToken(secret: string, token: string, now: number): string | null {
  // A token seen valid before is the same token: its signature need not be checked again, only its expiry.
  const seen = verified.get(token);
  if (seen && seen.secret === secret) return seen.exp > now ? seen.sub : null;
  const body = checkToken(secret, token);
  if (!body) return null;
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(token, { secret, ...body });
  return body.exp > now ? body.sub : null;
}

/** Tokens whose signature checked out (an HMAC per request is a tenth of a light request's time), up to a bound. */
const verified = new Map<string, { secret: string; sub: string; exp: number }>();
const VERIFIED_MAX = 10_000;

function checkToken(secret: string, token: string): { sub: string; exp: number } | null {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !BASE64URL.test(payload) || !BASE64URL.test(sig)) return null;
  const expected = Buffer.from(b64(createHmac('sha256', secret).update(payload).digest()));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
    if (typeof body.sub !== 'string' || typeof body.exp !== 'number') return null;
    return { sub: body.sub, exp: body.exp };
  } catch {
    return null;
  }
}

/** The signing secret lives in the data folder (or WG_TOKEN_SECRET), created on first run. */
export function loadSecret(dataDir: string): string {
  if (process.env.WG_TOKEN_SECRET) return process.env.WG_TOKEN_SECRET;
  const file = path.join(dataDir, 'token-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
