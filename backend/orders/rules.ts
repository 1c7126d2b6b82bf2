/** Per-community order rules (3色 deadlines), read from `community_rules` with the seeds' defaults. */
import { idsOnPath } from '../../shared/areas/model';
import { addWorkingHours } from '../../shared/calendar/workdays';
import type { Colour, ColourRule } from '../../shared/orders/model';
import { DEFAULT_COLOUR_RULES } from '../../shared/orders/model';
import type { Role } from '../../shared/users/roles';
import type { Deps } from '../runtime/types';
import { warm } from '../runtime/warm';

export interface RulesDoc {
  _id: string;
  colours?: Partial<Record<Colour, Partial<ColourRule>>>;
  updatedAt?: number;
  updatedBy?: string;
}

/** Warm-cache key prefix of a community's rules (backend/runtime/warm.ts); saving forgets it. */
export const RULES_KEPT = 'community_rules/';

/** A building path is street/(zone)/community/grid/building: the community is third from the end. */
export function communityIdOf(path: string): string {
  const ids = idsOnPath(path);
  return ids[ids.length - 3] ?? ids[0] ?? '';
}

/** Kept warm (backend/runtime/warm.ts): rules are set up once per community and read on every 分拣. */
export async function colourRule(deps: Deps, path: string, colour: Colour): Promise<ColourRule> {
  return communityColourRule(deps, communityIdOf(path), colour);
}

export async function communityColourRule(deps: Deps, id: string, colour: Colour): Promise<ColourRule> {
  return ruleIn(await keptRules(deps, id), colour);
}

/** A community's rules document as a warm instance keeps it (at most WARM_TTL_MS old). */
export function keptRules(deps: Pick<Deps, 'store'>, id: string): Promise<RulesDoc | null> {
  return warm(deps.store, `${RULES_KEPT}${id}`, () => deps.store.collection<RulesDoc>('community_rules').get(id));
}

/** A colour's rule in a rules document, defaults filling what it lacks. */
export function ruleIn(doc: RulesDoc | null, colour: Colour): ColourRule {
  // Documents written before 工作日 existed have no `days`: they count natural days, as they always did.
  return { ...DEFAULT_COLOUR_RULES[colour], ...doc?.colours?.[colour] };
}

/** The deadlines of an order triaged at `at` under a colour's rule, in natural or working time (shared/calendar). */
export function deadlinesOf(rule: ColourRule, at: number): { respondBy: number; resolveBy: number } {
  if (rule.days === 'working') return { respondBy: addWorkingHours(at, rule.respondHours), resolveBy: addWorkingHours(at, rule.resolveHours) };
  return { respondBy: at + rule.respondHours * 3600_000, resolveBy: at + rule.resolveHours * 3600_000 };
}

/**
 * Who answers for an order of a colour: 红 the street, 黄 the grid leader, 绿 the grid worker. `gridPath` names the
 * grid when the building sits under a 微网格; without it the grid is the building's parent.
 */
export function ownerFor(path: string, colour: Colour, gridPath?: string): { areaId: string; areaPath: string; roles: Role[] } {
  const ids = idsOnPath(path);
  const upTo = (n: number) => `/${ids.slice(0, n).join('/')}/`;
  if (colour === 'red') return { areaId: ids[0] ?? '', areaPath: upTo(1), roles: ['street_admin'] };
  const gridAt = gridPath && path.startsWith(gridPath) ? idsOnPath(gridPath).length : ids.length - 1;
  return { areaId: ids[gridAt - 1] ?? '', areaPath: upTo(gridAt), roles: colour === 'yellow' ? ['grid_leader'] : ['grid_worker'] };
}

/** One level up the tree from the current owner (网格 → 社区 → 片区 → 街镇); null at the top. */
export function escalatedOwner(owner: { areaPath: string }): { areaId: string; areaPath: string; roles: Role[] } | null {
  const ids = idsOnPath(owner.areaPath);
  if (ids.length <= 1) return null;
  const up = ids.slice(0, -1);
  const roles: Role[] = up.length === 1 ? ['street_admin'] : ['community_staff', 'street_admin'];
  return { areaId: up[up.length - 1] ?? '', areaPath: `/${up.join('/')}/`, roles };
}
