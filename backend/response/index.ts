/** The `response` cloud function: 一键响应 instructions and the 平时/急时 switch. */
import { defineFunction } from '../runtime/define';

export const responseFunction = defineFunction('response', {});
