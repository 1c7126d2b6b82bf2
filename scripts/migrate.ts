/**
 * `npm run migrate [-- --data DIR] [-- --force]`: converts stored records to the current shape (backend/records/migrate.ts);
 * safe to repeat. A migration already marked done is skipped; `--force` runs every one again.
 */
import { migrateAll } from '../backend/records/migrate';
import { openScriptStore } from './script-store';

async function main(): Promise<void> {
  const { store, where } = openScriptStore(process.argv);
  try {
    const changed = await migrateAll(store, (line) => console.log(`  ${line}`), { force: process.argv.includes('--force') });
    console.log(`migrate: ${changed ? `转换了 ${changed} 条记录` : '没有需要转换的记录'}（${where}）`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
