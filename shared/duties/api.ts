/** The `duties` function's contract (职责清单 upkeep): action → input and output. */
import type { Call } from '../api';
import type { DutiesInput, DutiesView, RemoveDutyInput, SetDutyInput } from './schemas';

export interface DutiesApi {
  /** A street's or community's effective list (without one, the reader's own); staff of the area only. */
  list: Call<DutiesInput, DutiesView>;
  /** Adds or replaces an entry: community staff (or the street) for a community, the street admin for its defaults. */
  set: Call<SetDutyInput, DutiesView>;
  /** Removes an entry, hiding an inherited one too. */
  remove: Call<RemoveDutyInput, DutiesView>;
}
