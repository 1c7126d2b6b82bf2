/** The `dashboard` cloud function: 一屏知全域: per-node daily counters, the 三率 and exports. */
import { defineFunction } from '../runtime/define';

export const dashboardFunction = defineFunction('dashboard', {});
