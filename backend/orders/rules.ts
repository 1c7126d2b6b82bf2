/** Per-community order rules (3色 deadlines), read from `community_rules` with the seeds' defaults. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { levelAt } from '../areas/levels';
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

/** The community a building path is in, by level (a 微网格 or a 片区 may lie on it), from the warm area cache; the street when none. */
export async function communityIdOf(deps: Pick<Deps, 'store'>, path: string): Promise<string> {
  return (await levelAt(deps.store, path, 'community'))?._id ?? idsOnPath(path)[0] ?? '';
}

/** Kept warm (backend/runtime/warm.ts): rules are set up once per community and read on every 分拣. */
export async function colourRule(deps: Deps, path: string, colour: Colour): Promise<ColourRule> {
  return communityColourRule(deps, await communityIdOf(deps, path), colour);
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
 * Who answers for an order of a colour: 红 the street (the path's root), 黄 the grid leader, 绿 the grid worker of `grid`,
 * the building's grid found by level (it may sit under a 微网格).
 */
export function ownerFor(path: string, colour: Colour, grid: Pick<Area, '_id' | 'path'> | null): { areaId: string; areaPath: string; roles: Role[] } {
  const street = idsOnPath(path)[0] ?? '';
  if (colour === 'red') return { areaId: street, areaPath: `/${street}/`, roles: ['street_admin'] };
  if (!grid) throw new Error(`ownerFor: a ${colour} order needs its grid`);
  return { areaId: grid._id, areaPath: grid.path, roles: colour === 'yellow' ? ['grid_leader'] : ['grid_worker'] };
}

/** One level up the tree from the current owner (网格 → 社区 → 片区 → 街镇); null at the top. */
export function escalatedOwner(owner: { areaPath: string }): { areaId: string; areaPath: string; roles: Role[] } | null {
  const ids = idsOnPath(owner.areaPath);
  if (ids.length <= 1) return null;
  const up = ids.slice(0, -1);
  const roles: Role[] = up.length === 1 ? ['street_admin'] : ['community_staff', 'street_admin'];
  return { areaId: up[up.length - 1] ?? '', areaPath: `/${up.join('/')}/`, roles };
}
