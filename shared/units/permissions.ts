/** Who manages a unit and who acts for it: small predicates the server enforces. */
import { hasRoleAt } from '../users/permissions';
import type { Actor } from '../users/roles';
import type { OrderUnit } from './model';

/** 社区 and 街道 staff create and edit the units of their subtree and name their staff. */
export const canManageUnitsAt = (a: Actor, scopePath: string) => hasRoleAt(a, ['community_staff', 'street_admin'], scopePath);

/** The person is on the unit's staff (kept on their record, so the actor knows it without a read). */
export const isUnitStaff = (a: Actor, unitId: string) => (a.units ?? []).includes(unitId);

/** The order is with a unit the person works for: they act on it as a member acts on an order dispatched to them. */
export const holdsForUnit = (a: Actor, o: { unit?: OrderUnit | null }) => !!o.unit && isUnitStaff(a, o.unit.id);
