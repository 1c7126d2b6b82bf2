/** The `diary` cloud function: 民情日记: grid workers' visits, and a finding turned into an order. */
import * as s from '../../shared/diary/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { listVisits, visitDetail } from './read';
import { recordVisit } from './record';
import { visitToOrder } from './toOrder';

export const diaryFunction = defineFunction('diary', {
  /** The linked resident comes back in the caller's own read. */
  record: userAction(s.recordVisitInput, recordVisit, (i) => (i.residentId ? { users: [i.residentId] } : {})),
  list: userAction(s.listVisitsInput, listVisits),
  detail: userAction(s.visitIdInput, visitDetail),
  toOrder: userAction(s.visitToOrderInput, visitToOrder),
});
