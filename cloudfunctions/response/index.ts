/** CloudBase function `response`: 一键响应 instructions and the 平时/急时 switch. */
import { responseFunction } from '../../backend/response';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(responseFunction);
