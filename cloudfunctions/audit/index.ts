/** CloudBase function `audit`: The audit log of a staff member's subtree, filterable. */
import { auditFunction } from '../../backend/audit';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(auditFunction);
