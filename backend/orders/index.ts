/** The `orders` cloud function: the whole 点单 → 派单 → 接单 → 评单 loop, plus the overdue timer. */
import * as s from '../../shared/orders/schemas';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import { dispatchCandidates, orderConsole } from './console';
import { fileOnBehalf } from './behalf';
import { fileOrder, followOrder, similarOrders } from './file';
import { acceptOrder, claimOrder, completeOrder, declineOrder, heldOrders, orderHall, postProgress, releaseOrder } from './member';
import { cancelOrder, myOrders, orderDetail, rateOrder } from './resident';
import { closeReopened, dispatchOrder, noteOrder, orderDuty, poolOrder, reassignOrder, rejectOrder, triageOrder } from './staff';
import { sweepOrders } from './sweep';
import { sharedOrder } from './shared';
import { returnVisit } from './visit';
import { theOrder, theOrderAndMember } from './transition';

export const ordersFunction = defineFunction('orders', {
  file: userAction(s.fileOrderInput, fileOrder),
  fileOnBehalf: userAction(s.fileOnBehalfInput, fileOnBehalf),
  similar: userAction(s.similarOrdersInput, similarOrders),
  follow: userAction(s.orderIdInput, followOrder, theOrder),
  mine: userAction(s.myOrdersInput, myOrders),
  detail: userAction(s.orderIdInput, orderDetail, theOrder),
  shared: userAction(s.orderIdInput, sharedOrder, theOrder),
  cancel: userAction(s.cancelOrderInput, cancelOrder, theOrder),
  rate: userAction(s.rateOrderInput, rateOrder, theOrder),
  console: userAction(s.consoleInput, orderConsole),
  triage: userAction(s.triageInput, triageOrder, theOrder),
  duty: userAction(s.orderIdInput, orderDuty, theOrder),
  reject: userAction(s.rejectInput, rejectOrder, theOrder),
  candidates: userAction(s.orderIdInput, dispatchCandidates, theOrder),
  dispatch: userAction(s.dispatchInput, dispatchOrder, theOrderAndMember),
  pool: userAction(s.poolInput, poolOrder, theOrder),
  reassign: userAction(s.reassignInput, reassignOrder, theOrderAndMember),
  note: userAction(s.noteInput, noteOrder, theOrder),
  closeReopened: userAction(s.closeReopenedInput, closeReopened, theOrder),
  returnVisit: userAction(s.returnVisitInput, returnVisit, theOrder),
  hall: userAction(s.hallInput, orderHall),
  held: userAction(s.heldInput, heldOrders),
  claim: userAction(s.orderIdInput, claimOrder, theOrder),
  accept: userAction(s.orderIdInput, acceptOrder, theOrder),
  decline: userAction(s.declineInput, declineOrder, theOrder),
  progress: userAction(s.progressInput, postProgress, theOrder),
  release: userAction(s.releaseInput, releaseOrder, theOrder),
  complete: userAction(s.completeInput, completeOrder, theOrder),
  sweep: systemAction(s.sweepInput, sweepOrders),
});
