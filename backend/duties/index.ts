/**
 * The `duties` cloud function: a community's own rules for its orders — 职责清单 upkeep (read, set, remove an entry) and the
 * 时限规则 per colour. The 分拣 suggestion and the deadlines themselves stay with `orders` (orders.duty, triage), whose bundle
 * is at its 300 KB limit; `orders` reads the rules from its warm copy, so a change reaches its instances within WG_WARM_TTL_MS.
 */
import * as s from '../../shared/duties/schemas';
import { orderRulesInput, setColourRuleInput } from '../../shared/orders/schemas';
import { readOrderRules, setColourRule } from '../orders/rulesAdmin';
import { defineFunction, userAction } from '../runtime/define';
import { readDuties, removeDuty, setDuty } from './admin';

export const dutiesFunction = defineFunction('duties', {
  list: userAction(s.dutiesInput, readDuties),
  set: userAction(s.setDutyInput, setDuty),
  remove: userAction(s.removeDutyInput, removeDuty),
  rules: userAction(orderRulesInput, readOrderRules),
  setRule: userAction(setColourRuleInput, setColourRule),
});
