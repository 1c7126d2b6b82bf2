/** The `audit` function's contract (The audit log of a staff member's subtree, filterable): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface AuditApi {
}
