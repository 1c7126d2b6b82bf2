/** Record ids that sort by creation even within one millisecond: prefix + time + sequence + randomness. */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

export function newId(prefix: string, now: number): string {
  seq = now === lastMs ? seq + 1 : 0;
  lastMs = now;
  return `${prefix}${now.toString(36).padStart(9, '0')}${seq.toString(36).padStart(3, '0')}${randomBytes(4).toString('hex')}`;
}
