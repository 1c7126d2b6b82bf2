/** The `members` function's contract (双报到: member registration, 报到证, reporting organisations (单位报到), transfer, 在职党员信息库): action → input and output. */
// Add actions as `name: Call<Input, Output>;` with `import type { Call } from '../api';`.
export interface MembersApi {
}
