/** The `diary` function's contract (民情日记: grid workers' visits, and a finding turned into an order): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface DiaryApi {
}
