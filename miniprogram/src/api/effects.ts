/**
 * After an answer that names records with pending effects (messages, counters, points), ask `effects.drain` to apply
 * them now, without waiting: the person already has their answer, and the one-minute timer covers a lost request.
 */
import type { Envelope } from '@shared/errors';

type Transport = (fn: string, action: string, input: unknown) => Promise<Envelope<unknown>>;

export function drainAfter(transport: Transport, envelope: Envelope<unknown>): void {
  if (!envelope.ok || !envelope.pending?.length) return;
  // Ten records at most per call (shared/records/schemas drainInput); an action names one or two.
  transport('effects', 'drain', { refs: envelope.pending.slice(0, 10) }).catch(() => undefined);
}
