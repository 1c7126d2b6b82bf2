/**
 * `npm run check:effects [-- --data DIR]`: effects still pending past the drain's minute, and records half-written
 * (a move without its audit record, a visit and its order not linked both ways, a closed order never credited).
 */
import { checkEffects } from '../backend/records/check';
import { runCheck } from './check-run';

runCheck(async (store, where) => {
  const result = await checkEffects(store, Date.now());
  return {
    summary: `check:effects: ${result.orders} 个点单，${result.pending} 条记录有待处理的后续（${where}）`,
    findings: result.findings,
    clean: '后续处理都已完成，没有写了一半的记录。',
  };
});
