/** The `units` function (多方接单): units and their staff, 派单/转办 to a unit, and a unit's orders. */
import { summaryInput } from '../../shared/dashboard/schemas';
import * as s from '../../shared/units/schemas';
import { input } from '../../shared/validation';
import { defineFunction, userAction } from '../runtime/define';
import { theOrder } from '../orders/transition';
import { unitBoard } from './board';
import { addUnitStaff, createUnit, listUnits, myUnits, removeUnitStaff, unitStaff, updateUnit } from './admin';
import { dispatchToUnit, transferToUnit, unitOrders, unitsForOrder } from './orders';

/** The person named comes back in the caller's own read. */
const thePerson = (data: { userId: string }) => ({ users: [data.userId] });

export const unitsFunction = defineFunction('units', {
  create: userAction(s.createUnitInput, createUnit),
  update: userAction(s.updateUnitInput, updateUnit),
  list: userAction(s.listUnitsInput, listUnits),
  addStaff: userAction(s.unitStaffInput, addUnitStaff, thePerson),
  removeStaff: userAction(s.unitStaffInput, removeUnitStaff, thePerson),
  staff: userAction(s.unitIdInput, unitStaff),
  mine: userAction(input({}), myUnits),
  forOrder: userAction(s.orderUnitsInput, unitsForOrder, theOrder),
  dispatch: userAction(s.dispatchUnitInput, dispatchToUnit, theOrder),
  transfer: userAction(s.transferInput, transferToUnit, theOrder),
  orders: userAction(s.unitOrdersInput, unitOrders),
  board: userAction(summaryInput, unitBoard),
});
