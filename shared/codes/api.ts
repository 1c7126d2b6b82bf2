/** The `codes` function's contract (民情二维码: stable codes per node or activity, scene resolution, printable posters): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface CodesApi {
}
