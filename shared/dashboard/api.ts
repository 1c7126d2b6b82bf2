/** The `dashboard` function's contract (一屏知全域: per-node daily counters, the 三率 and exports): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface DashboardApi {
}
