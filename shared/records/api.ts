/** The `effects` function's contract: applying what moves caused (audit, messages, counters, points). */
import type { Call } from '../api';
import type { DrainInput, Drained } from './schemas';

export interface EffectsApi {
  /** Right after an answer that named pending records: apply their effects now (idempotent, anyone signed in). */
  drain: Call<DrainInput, Drained>;
  /** The one-minute timer (and start-up): everything still pending. */
  sweep: Call<Record<string, never>, Drained>;
}
