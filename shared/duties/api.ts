/** The `duties` function's contract (a community's 职责清单 and 时限规则): action → input and output. */
import type { Call } from '../api';
import type { OrderRulesInput, OrderRulesView, SetColourRuleInput } from '../orders/schemas';
import type { DutiesInput, DutiesView, RemoveDutyInput, SetDutyInput } from './schemas';

export interface DutiesApi {
  /** A street's or community's effective list (without one, the reader's own); staff of the area only. */
  list: Call<DutiesInput, DutiesView>;
  /** Adds or replaces an entry: community staff (or the street) for a community, the street admin for its defaults. */
  set: Call<SetDutyInput, DutiesView>;
  /** Removes an entry, hiding an inherited one too. */
  remove: Call<RemoveDutyInput, DutiesView>;
  /** 时限规则: each colour's 响应/办结 hours and natural or working days; staff of the community and the street read them. */
  rules: Call<OrderRulesInput, OrderRulesView>;
  /** One colour at a time, by community or street staff; audited as `orders.setRule`, applies to later 分拣 only. */
  setRule: Call<SetColourRuleInput, OrderRulesView>;
}
