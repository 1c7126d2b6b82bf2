/** The `dashboard` function's contract (一屏知全域: per-node daily counters, the 三率 and exports): action → input and output. */
import type { Call } from '../api';
import type { ChildrenInput, ChildrenView, ExportLedgerInput, ExportOrdersInput, ExportView, SummaryInput, SummaryView } from './schemas';

export interface DashboardApi {
  summary: Call<SummaryInput, SummaryView>;
  /** 下级对比: the node's children side by side, from their counters. */
  children: Call<ChildrenInput, ChildrenView>;
  exportOrders: Call<ExportOrdersInput, ExportView>;
  exportLedger: Call<ExportLedgerInput, ExportView>;
}
