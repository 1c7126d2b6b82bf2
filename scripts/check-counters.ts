/**
 * `npm run check:counters [-- --data DIR]`: rebuilds the dashboard's per-node daily counters from every
 * order's fields and timeline and compares them with the stored counter docs; exit 1 on any difference.
 */
import { compareCounters, recomputeCounters } from '../backend/dashboard/recompute';
import { runCheck } from './check-run';

runCheck(async (store, where) => {
  const { expected, orders } = await recomputeCounters(store);
  const { docs, mismatches } = await compareCounters(store, expected);
  return {
    summary: `check:counters: ${orders} 个点单，${docs} 个计数文档（${where}）`,
    findings: mismatches.map((m) => `不一致 ${m.id} ${m.field}: 存储 ${m.stored}，重算 ${m.expected}`),
    clean: '计数器与点单时间线一致。',
  };
});
