/** CloudBase function `dashboard`: 一屏知全域: per-node daily counters, the 三率 and exports. */
import { dashboardFunction } from '../../backend/dashboard';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(dashboardFunction);
