/** The `wishes` function's contract (微心愿: post, staff review, the community board, claim, fulfil, confirm): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface WishesApi {
}
