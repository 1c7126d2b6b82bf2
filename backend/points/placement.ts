/** Keeps a member's yearly totals stamped with their current community, grid and organisation (rankings read those). */
import type { Deps } from '../runtime/types';

/** Call after a 双报到 approval, transfer or organisation link. (Filled in by the points work.) */
export async function syncPlacement(_deps: Deps, _memberId: string): Promise<void> {
  // Rankings are not stamped yet.
}
