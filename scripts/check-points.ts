/**
 * `npm run check:points [-- --data DIR]`: recomputes every member's yearly total from the ledger, and every
 * organisation's and grid's total from the member totals, compares them with the kept ones; exit 1 on any difference.
 */
import { checkTotals } from '../backend/points/check';
import { runCheck } from './check-run';

const FIELD_NAMES = { total: '积分', credits: '服务次数', members: '党员数' } as const;
const KIND_NAMES = { member: '党员', org: '单位', grid: '网格' } as const;

runCheck(async (store, where) => {
  const result = await checkTotals(store);
  return {
    summary: `check:points: ${result.entries} 条积分记录，${result.members} 个党员年度合计，${result.rollups} 个单位/网格合计（${where}）`,
    findings: result.differences.map((d) => `不一致 ${KIND_NAMES[d.kind]} ${d.id} ${d.year} 年${FIELD_NAMES[d.field]}: 存储 ${d.kept}，重算 ${d.recomputed}`),
    clean: '合计与积分账本一致。',
  };
});
