/** CloudBase function `units`: 多方接单 — units, their staff, 派单/转办 to a unit and the unit's orders. */
import { unitsFunction } from '../../backend/units';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(unitsFunction);
