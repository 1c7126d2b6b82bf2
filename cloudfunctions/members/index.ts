/** CloudBase function `members`: 双报到: member registration, 报到证, reporting organisations (单位报到), transfer, 在职党员信息库. */
import { membersFunction } from '../../backend/members';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(membersFunction);
