/** The `diary` cloud function: 民情日记: grid workers' visits, and a finding turned into an order. */
import * as s from '../../shared/diary/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { listVisits, visitDetail } from './read';
import { recordVisit } from './record';
import { visitToOrder } from './toOrder';

export const diaryFunction = defineFunction('diary', {
  record: userAction(s.recordVisitInput, recordVisit),
  list: userAction(s.listVisitsInput, listVisits),
  detail: userAction(s.visitIdInput, visitDetail),
  toOrder: userAction(s.visitToOrderInput, visitToOrder),
});
