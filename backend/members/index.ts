/** The `members` cloud function: 双报到: member registration, 报到证, reporting organisations (单位报到), transfer, 在职党员信息库. */
import { defineFunction } from '../runtime/define';

export const membersFunction = defineFunction('members', {});
