/** The `audit` function's contract (The audit log of a staff member's subtree, filterable): action → input and output. */
import type { Call } from '../api';
import type { AuditPage, ListAuditInput } from './schemas';

export interface AuditApi {
  /** 操作日志: who did what, when, to which record, newest first; community and street staff only. */
  list: Call<ListAuditInput, AuditPage>;
}
