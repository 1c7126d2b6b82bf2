/** The `units` function's contract (多方接单): action → input and output. */
import type { Call, Moved } from '../api';
import type { SummaryInput } from '../dashboard/schemas';
import type {
  CreateUnitInput,
  DispatchUnitInput,
  ListUnitsInput,
  OrderUnitsInput,
  TransferInput,
  UnitBoardView,
  UnitIdInput,
  UnitOrdersInput,
  UnitOrdersView,
  UnitStaffInput,
  UnitStaffView,
  UnitView,
  UpdateUnitInput,
} from './schemas';

export interface UnitsApi {
  create: Call<CreateUnitInput, UnitView>;
  update: Call<UpdateUnitInput, { id: string }>;
  list: Call<ListUnitsInput, { items: UnitView[] }>;
  addStaff: Call<UnitStaffInput, UnitStaffView>;
  removeStaff: Call<UnitStaffInput, UnitStaffView>;
  staff: Call<UnitIdInput, { staff: UnitStaffView[] }>;
  /** The units the caller works for. */
  mine: Call<Record<string, never>, { items: UnitView[] }>;
  /** Units whose service area covers the order (the 派单 popup). */
  forOrder: Call<OrderUnitsInput, { items: UnitView[] }>;
  dispatch: Call<DispatchUnitInput, Moved>;
  transfer: Call<TransferInput, Moved>;
  orders: Call<UnitOrdersInput, UnitOrdersView>;
  /** The dashboard per unit: counts and 三率 for a node and period; the street sees which units lag. */
  board: Call<SummaryInput, UnitBoardView>;
}
