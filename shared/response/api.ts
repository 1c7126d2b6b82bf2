/** The `response` function's contract (一键响应 instructions and the 平时/急时 switch): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface ResponseApi {
}
