/** The `orders` cloud function: the whole 点单 → 派单 → 接单 → 评单 loop, plus the overdue timer. */
import * as s from '../../shared/orders/schemas';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import { dispatchCandidates, orderConsole } from './console';
import { fileOrder, followOrder, similarOrders } from './file';
import { acceptOrder, claimOrder, completeOrder, declineOrder, heldOrders, orderHall, postProgress, releaseOrder } from './member';
import { cancelOrder, myOrders, orderDetail, rateOrder } from './resident';
import { closeReopened, dispatchOrder, noteOrder, poolOrder, reassignOrder, rejectOrder, triageOrder } from './staff';
import { sweepOrders } from './sweep';

export const ordersFunction = defineFunction('orders', {
  file: userAction(s.fileOrderInput, fileOrder),
  similar: userAction(s.similarOrdersInput, similarOrders),
  follow: userAction(s.orderIdInput, followOrder),
  mine: userAction(s.myOrdersInput, myOrders),
  detail: userAction(s.orderIdInput, orderDetail),
  cancel: userAction(s.cancelOrderInput, cancelOrder),
  rate: userAction(s.rateOrderInput, rateOrder),
  console: userAction(s.consoleInput, orderConsole),
  triage: userAction(s.triageInput, triageOrder),
  reject: userAction(s.rejectInput, rejectOrder),
  candidates: userAction(s.orderIdInput, dispatchCandidates),
  dispatch: userAction(s.dispatchInput, dispatchOrder),
  pool: userAction(s.poolInput, poolOrder),
  reassign: userAction(s.reassignInput, reassignOrder),
  note: userAction(s.noteInput, noteOrder),
  closeReopened: userAction(s.closeReopenedInput, closeReopened),
  hall: userAction(s.hallInput, orderHall),
  held: userAction(s.heldInput, heldOrders),
  claim: userAction(s.orderIdInput, claimOrder),
  accept: userAction(s.orderIdInput, acceptOrder),
  decline: userAction(s.declineInput, declineOrder),
  progress: userAction(s.progressInput, postProgress),
  release: userAction(s.releaseInput, releaseOrder),
  complete: userAction(s.completeInput, completeOrder),
  sweep: systemAction(s.sweepInput, sweepOrders),
});
