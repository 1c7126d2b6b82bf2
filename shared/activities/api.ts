/** The `activities` function's contract (认领志愿服务岗 / 志愿活动: standing posts, dated activities, sign-up, check-in and check-out): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface ActivitiesApi {
}
