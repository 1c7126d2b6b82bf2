/**
 * 积分规则 per community: data in `points_rules` (one doc per community id), the seeds' defaults
 * where a community has set nothing. A credit reads the rule in force when it is made, so a change
 * affects only later credits.
 */
import type { Colour } from '../../shared/orders/model';
import type { Deps } from '../runtime/types';
import { warm } from '../runtime/warm';

export interface PointsRules {
  /** Completed order by colour: 绿 2, 黄 3, 红 5. */
  orderByColour: Record<Colour, number>;
  /** Completed by its resolve-by deadline. */
  onTimeBonus: number;
  /** Rated 5 stars by the resident. */
  fiveStarBonus: number;
  /** A fulfilled and confirmed 微心愿. */
  wishFulfilled: number;
  /** Volunteer activity, per hour served (hours as computed from check-in and check-out). */
  activityPerHour: number;
}

export const DEFAULT_POINTS_RULES: PointsRules = {
  orderByColour: { green: 2, yellow: 3, red: 5 },
  onTimeBonus: 1,
  fiveStarBonus: 1,
  wishFulfilled: 3,
  activityPerHour: 1,
};

export interface PointsRulesDoc extends Partial<PointsRules> {
  _id: string;
  updatedAt: number;
  updatedBy: string;
  /** Raised by every save (absent on documents saved before it existed): a save is conditional on the one it read. */
  rev?: number;
}

export const POINTS_RULES = 'points_rules';

/** The rules in force now for a community (by its area id). */
export async function pointsRules(deps: Deps, communityId: string): Promise<PointsRules> {
  return rulesOf(await deps.store.collection<PointsRulesDoc>(POINTS_RULES).get(communityId));
}

/** The rules a stored document (or none: the defaults) sets. */
export function rulesOf(doc: PointsRulesDoc | null): PointsRules {
  if (!doc) return DEFAULT_POINTS_RULES;
  return {
    orderByColour: { ...DEFAULT_POINTS_RULES.orderByColour, ...doc.orderByColour },
    onTimeBonus: doc.onTimeBonus ?? DEFAULT_POINTS_RULES.onTimeBonus,
    fiveStarBonus: doc.fiveStarBonus ?? DEFAULT_POINTS_RULES.fiveStarBonus,
    wishFulfilled: doc.wishFulfilled ?? DEFAULT_POINTS_RULES.wishFulfilled,
    activityPerHour: doc.activityPerHour ?? DEFAULT_POINTS_RULES.activityPerHour,
  };
}

/** Warm-cache keys of community rules (backend/runtime/warm.ts); a save through this instance forgets its key. */
export const RULES_KEPT = 'points_rules/';

/**
 * The rules as a warm instance keeps them (at most WARM_TTL_MS old), for 核实's default points and the queues'
 * suggestion: a change made on another instance shows there within that time. Credits applied by the drain read
 * `pointsRules` itself.
 */
export function keptPointsRules(deps: Deps, communityId: string): Promise<PointsRules> {
  return warm(deps.store, `${RULES_KEPT}${communityId}`, () => pointsRules(deps, communityId));
}

/** The stored rules document of a community, if it has changed the defaults. */
export async function rulesDoc(deps: Deps, communityId: string): Promise<PointsRulesDoc | null> {
  return deps.store.collection<PointsRulesDoc>(POINTS_RULES).get(communityId);
}

/** Warm-cache keys of the stored rules documents, which 积分规则's save writes over (conditional on the kept one's `rev`). */
export const RULES_DOC_KEPT = 'points_rules_doc/';

/** The stored rules document of a community as a warm instance keeps it (null: the defaults). */
export function keptRulesDoc(deps: Deps, communityId: string): Promise<PointsRulesDoc | null> {
  return warm(deps.store, `${RULES_DOC_KEPT}${communityId}`, () => rulesDoc(deps, communityId));
}
