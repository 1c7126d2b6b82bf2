/** CloudBase function `points`: a member's ledger and yearly total. */
import { pointsFunction } from '../../backend/points';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(pointsFunction);
