/**
 * `npm run check:counters [-- --data DIR]`: rebuilds the dashboard's per-node daily counters from every
 * order's fields and timeline and compares them with the stored counter docs; exit 1 on any difference.
 */
import { compareCounters, recomputeCounters } from '../backend/dashboard/recompute';
import { openScriptStore } from './script-store';

async function main(): Promise<void> {
  const { store, where } = openScriptStore(process.argv);
  try {
    const { expected, orders } = await recomputeCounters(store);
    const { docs, mismatches } = await compareCounters(store, expected);
    console.log(`check:counters: ${orders} 个点单，${docs} 个计数文档（${where}）`);
    if (mismatches.length === 0) {
      console.log('计数器与点单时间线一致。');
      return;
    }
    for (const m of mismatches.slice(0, 50)) console.log(`  不一致 ${m.id} ${m.field}: 存储 ${m.stored}，重算 ${m.expected}`);
    if (mismatches.length > 50) console.log(`  …另有 ${mismatches.length - 50} 处`);
    console.log(`共 ${mismatches.length} 处不一致。`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
