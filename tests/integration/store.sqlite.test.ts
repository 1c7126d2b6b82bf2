/** The embedded SQLite adapter: the shared store contract, durability across reopen, and index use. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc, Filter } from '../../backend/store/port';
import { openSqliteStore } from '../../backend/store/sqlite';
import type { SqliteStore } from '../../backend/store/sqlite';
import type { Param } from '../../backend/store/sqlite-sql';
import { compileFilter } from '../../backend/store/sqlite-sql';
import { describeStoreContract } from '../contract/store-contract';

const dirs: string[] = [];
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', async () => openSqliteStore({ dataDir: freshDir() }));

interface Task extends Doc {
  status: string;
  path: string;
  n?: number;
}

/** The plan for exactly the SQL the adapter runs for `filter` (compiled by the adapter's own compiler). */
function plan(store: SqliteStore, table: string, filter: Filter): string {
  const params: Param[] = [];
  const where = compileFilter(filter, params);
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "${table}" WHERE ${where}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('sqlite adapter specifics', () => {
  it('keeps committed data after close and reopen of the same folder', async () => {
    const dataDir = freshDir();
    const first = openSqliteStore({ dataDir });
    await first.ensureIndexes('tasks', [{ fields: [['status', 1]] }]);
    await first.collection<Task>('tasks').insert({ _id: 't1', status: 'open', path: '/S1/' });
    await first.collection<Task>('tasks').updateWhere({ _id: 't1' }, { $set: { status: 'claimed' }, $inc: { n: 1 } });
    await first.close();

    const second = openSqliteStore({ dataDir });
    try {
      await expect(second.collection<Task>('tasks').get('t1')).resolves.toEqual({ _id: 't1', status: 'claimed', path: '/S1/', n: 1 });
      await expect(second.collection<Task>('tasks').count({ status: 'claimed' })).resolves.toBe(1);
      await second.ensureIndexes('tasks', [{ fields: [['status', 1]] }]);
    } finally {
      await second.close();
    }
  });

  it('answers $prefix + equality from the expression index, not a full scan', async () => {
    const store = openSqliteStore({ dataDir: freshDir() });
    try {
      await store.ensureIndexes('tasks', [{ fields: [['status', 1], ['path', 1]] }, { fields: [['path', 1]] }]);
      const tasks = store.collection<Task>('tasks');
      for (let i = 0; i < 200; i++) {
        await tasks.insert({ _id: `t${i}`, status: i % 3 ? 'open' : 'closed', path: `/S${i % 4}/C${i % 7}/G${i}/` });
      }
      const both = plan(store, 'tasks', { status: 'open', path: { $prefix: '/S1/' } });
      expect(both).toMatch(/SEARCH tasks USING INDEX ix_tasks_status_path/);
      expect(both).not.toMatch(/^SCAN/m);

      const prefixOnly = plan(store, 'tasks', { path: { $prefix: '/S1/C2/' } });
      expect(prefixOnly).toMatch(/USING INDEX ix_tasks_path/);
      expect(prefixOnly).not.toMatch(/^SCAN/m);

      // And the indexed query still returns exactly the subtree.
      const found = await tasks.find({ status: 'open', path: { $prefix: '/S1/' } });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((t) => t.status === 'open' && t.path.startsWith('/S1/'))).toBe(true);
      await expect(tasks.count({ status: 'open', path: { $prefix: '/S1/' } })).resolves.toBe(found.length);
    } finally {
      await store.close();
    }
  });
});
