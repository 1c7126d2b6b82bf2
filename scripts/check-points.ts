/**
 * `npm run check:points [-- --data DIR]`: recomputes every member's yearly total from the ledger, and every
 * organisation's and grid's total from the member totals, compares them with the kept ones; exit 1 on any difference.
 */
import { checkTotals } from '../backend/points/check';
import { openScriptStore } from './script-store';

const FIELD_NAMES = { total: '积分', credits: '服务次数', members: '党员数' } as const;
const KIND_NAMES = { member: '党员', org: '单位', grid: '网格' } as const;

async function main(): Promise<void> {
  const { store, where } = openScriptStore(process.argv);
  try {
    const result = await checkTotals(store);
    console.log(`check:points: ${result.entries} 条积分记录，${result.members} 个党员年度合计，${result.rollups} 个单位/网格合计（${where}）`);
    if (result.ok) {
      console.log('合计与积分账本一致。');
      return;
    }
    for (const d of result.differences.slice(0, 50)) {
      console.log(`  不一致 ${KIND_NAMES[d.kind]} ${d.id} ${d.year} 年${FIELD_NAMES[d.field]}: 存储 ${d.kept}，重算 ${d.recomputed}`);
    }
    if (result.differences.length > 50) console.log(`  …另有 ${result.differences.length - 50} 处`);
    console.log(`共 ${result.differences.length} 处不一致。`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
