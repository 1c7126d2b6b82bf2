/** The `audit` cloud function: The audit log of a staff member's subtree, filterable. */
import { listAuditInput } from '../../shared/audit/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { listAudit } from './list';

export const auditFunction = defineFunction('audit', {
  list: userAction(listAuditInput, listAudit),
});
