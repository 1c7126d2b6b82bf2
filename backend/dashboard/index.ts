/** The `dashboard` cloud function: 一屏知全域: per-node daily counters, the 三率 and exports. */
import * as s from '../../shared/dashboard/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { dashboardChildren } from './children';
import { exportLedger, exportOrders } from './exports';
import { dashboardSummary } from './summary';

export const dashboardFunction = defineFunction('dashboard', {
  summary: userAction(s.summaryInput, dashboardSummary),
  children: userAction(s.childrenInput, dashboardChildren),
  exportOrders: userAction(s.exportOrdersInput, exportOrders),
  exportLedger: userAction(s.exportLedgerInput, exportLedger),
});
