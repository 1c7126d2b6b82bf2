/** Keeps a member's yearly totals stamped with their current community, grid and organisation (rankings read those). */
import type { Deps } from '../runtime/types';
import { shanghaiYear } from '../../shared/time';
import { placementOf } from './stamp';
import { restamp } from './totals';

/** Call after a 双报到 approval, transfer or organisation link: the current year's total moves with the member. */
export async function syncPlacement(deps: Pick<Deps, 'store' | 'now'>, memberId: string): Promise<void> {
  await restamp(deps, memberId, shanghaiYear(deps.now()), () => placementOf(deps, memberId));
}

/** Carried by a write that changes a member's placement (an organisation link): the drain restamps their total. */
export interface PlacementEffect {
  type: 'placement';
  memberId: string;
}
