/** The `dashboard` function's contract (一屏知全域: per-node daily counters, the 三率 and exports): action → input and output. */
import type { Call } from '../api';
import type { ExportLedgerInput, ExportOrdersInput, ExportView, SummaryInput, SummaryView } from './schemas';

export interface DashboardApi {
  summary: Call<SummaryInput, SummaryView>;
  exportOrders: Call<ExportOrdersInput, ExportView>;
  exportLedger: Call<ExportLedgerInput, ExportView>;
}
