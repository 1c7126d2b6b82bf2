/** The `diary` function's contract (民情日记: grid workers' visits, and a finding turned into an order): action → input and output. */
import type { Call } from '../api';
import type { ListVisitsInput, RecordVisitInput, VisitIdInput, VisitPage, VisitToOrderInput, VisitView } from './schemas';

export interface DiaryApi {
  record: Call<RecordVisitInput, { id: string }>;
  list: Call<ListVisitsInput, VisitPage>;
  detail: Call<VisitIdInput, VisitView>;
  /** 转为点单: files an order on the resident's behalf, linked both ways; the linked resident follows it. */
  toOrder: Call<VisitToOrderInput, { orderId: string }>;
}
