/**
 * Record ids. `newId` sorts by creation even within one millisecond: prefix + time + sequence + randomness.
 * `keyedId` names the record a request key creates: the same person and key always give the same id.
 */
import { createHash, randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

export function newId(prefix: string, now: number): string {
  seq = now === lastMs ? seq + 1 : 0;
  lastMs = now;
  return `${prefix}${now.toString(36).padStart(9, '0')}${seq.toString(36).padStart(3, '0')}${randomBytes(4).toString('hex')}`;
}

/**
 * `<prefix>-<24 hex>` from (prefix, actor, key): two people's keys never meet, and nobody can name another's record.
 * The dash keeps it apart from every `newId`; 96 bits, and short enough for a QR scene (`a=<id>`, ≤ 30 characters
 * of id, shared/codes/scene.ts). Without a key, a fresh `newId` as before.
 */
export function keyedId(prefix: string, actorId: string, requestKey: string | undefined, now: number): string {
  if (!requestKey) return newId(prefix, now);
  const digest = createHash('sha256').update(`${prefix}\n${actorId}\n${requestKey}`).digest('hex');
  return `${prefix}-${digest.slice(0, 24)}`;
}
