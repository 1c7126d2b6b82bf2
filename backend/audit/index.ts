/** The `audit` cloud function: The audit log of a staff member's subtree, filterable. */
import { defineFunction } from '../runtime/define';

export const auditFunction = defineFunction('audit', {});
