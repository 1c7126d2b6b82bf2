/** Role predicates: who may grant which role where, and what scope a grant reaches. */
import type { Area, AreaLevel } from '../../../shared/areas/model';
import { isWithin } from '../../../shared/areas/model';
import { canGrantRole, hasRoleAt, staffScopes } from '../../../shared/users/permissions';
import type { Actor, Role } from '../../../shared/users/roles';

const area = (id: string, level: AreaLevel, path: string): Area => ({ _id: id, name: id, level, parentId: null, path, ancestors: [], order: 0 });
const street = area('S', 'street', '/S/');
const c1 = area('C1', 'community', '/S/Z/C1/');
const g1 = area('G1', 'grid', '/S/Z/C1/G1/');
const g2 = area('G2', 'grid', '/S/Z/C2/G2/');
const actor = (role: Role, node: Area): Actor => ({ userId: 'x', name: 'x', roles: [{ role, areaId: node._id, areaPath: node.path, grantedBy: 's', grantedAt: 0 }], skills: [] });

describe('isWithin', () => {
  it('is a prefix on whole path segments', () => {
    expect(isWithin('/S/Z/C1/G1/', '/S/Z/C1/')).toBe(true);
    expect(isWithin('/S/Z/C10/', '/S/Z/C1/')).toBe(false);
    expect(isWithin('/S/Z/', '/S/Z/C1/')).toBe(false);
  });
});

describe('canGrantRole', () => {
  const table: Array<[Role, Area, Role, Area, boolean]> = [
    ['grid_leader', g1, 'grid_worker', g1, true],
    ['grid_leader', g1, 'grid_leader', g1, false],
    ['grid_leader', g1, 'grid_worker', g2, false],
    ['grid_worker', g1, 'grid_worker', g1, false],
    ['community_staff', c1, 'community_staff', c1, true],
    ['community_staff', c1, 'grid_leader', g1, true],
    ['community_staff', c1, 'grid_leader', g2, false],
    ['community_staff', c1, 'street_admin', street, false],
    ['street_admin', street, 'street_admin', street, true],
    ['street_admin', street, 'grid_leader', g2, true],
    ['street_admin', street, 'grid_leader', c1, false],
    ['member', c1, 'resident', g1, false],
  ];
  it.each(table)('%s on %p grants %s on %p → %s', (mine, at, role, node, ok) => {
    expect(canGrantRole(actor(mine, at), role, node)).toBe(ok);
  });
});

describe('scopes', () => {
  it('staff scopes keep only the outermost nodes', () => {
    const a: Actor = { ...actor('community_staff', c1), roles: [...actor('community_staff', c1).roles, ...actor('grid_leader', g1).roles] };
    expect(staffScopes(a)).toEqual(['/S/Z/C1/']);
    expect(hasRoleAt(a, ['grid_leader'], '/S/Z/C1/G1/B1/')).toBe(true);
    expect(hasRoleAt(a, ['grid_leader'], '/S/Z/C1/G9/')).toBe(false);
  });
});
