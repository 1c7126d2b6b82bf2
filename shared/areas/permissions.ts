/** Who edits the grid tree (issue 16, point 2): street and community staff, inside their subtree; never a grid leader. */
import type { Area } from './model';
import { isWithin } from './model';
import type { Actor, Role } from '../users/roles';
import { grantsCovering } from '../users/permissions';

/** The roles that build the tree: the 网格长 and 网格员 work in it but do not reshape it. */
export const TREE_EDITORS: readonly Role[] = ['community_staff', 'street_admin'];

/** Add a child under, rename or set the phone of `node`: an editor's grant reaches it (their own node included). */
export const canEditNode = (actor: Actor, node: Pick<Area, 'path'>): boolean => grantsCovering(actor, node.path, TREE_EDITORS).length > 0;

/** Retire `node`: only strictly below an editor's own node, so nobody retires the node they answer for. */
export const canRetireNode = (actor: Actor, node: Pick<Area, 'path'>): boolean =>
  grantsCovering(actor, node.path, TREE_EDITORS).some((g) => g.areaPath !== node.path && isWithin(node.path, g.areaPath));
