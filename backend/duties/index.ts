/** The `duties` cloud function: 职责清单 upkeep (read, set, remove an entry); the 分拣 suggestion stays with `orders` (orders.duty), whose bundle is at its 300 KB limit. */
import * as s from '../../shared/duties/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { readDuties, removeDuty, setDuty } from './admin';

export const dutiesFunction = defineFunction('duties', {
  list: userAction(s.dutiesInput, readDuties),
  set: userAction(s.setDutyInput, setDuty),
  remove: userAction(s.removeDutyInput, removeDuty),
});
