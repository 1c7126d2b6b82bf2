/** CloudBase function `areas`: the five-level area tree (children, trail, search in scope). */
import { areasFunction } from '../../backend/areas';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(areasFunction);
