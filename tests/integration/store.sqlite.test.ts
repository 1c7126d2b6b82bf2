/** The embedded SQLite adapter: the shared store contract, durability across reopen, and index use. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc, Filter } from '../../backend/store/port';
import { openSqliteStore } from '../../backend/store/sqlite';
import type { SqliteStore } from '../../backend/store/sqlite';
import type { ElementTables, Param } from '../../backend/store/sqlite-sql';
import { compileFilter, elementTable } from '../../backend/store/sqlite-sql';
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
  by?: string;
  followers?: string[];
}

/** The plan for exactly the SQL the adapter runs for `filter` (compiled by the adapter's own compiler). */
function plan(store: SqliteStore, table: string, filter: Filter, elements: ElementTables = new Map()): string {
  const params: Param[] = [];
  const where = compileFilter(filter, params, elements);
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
      await store.ensureIndexes('tasks', [
        {
          fields: [
            ['status', 1],
            ['path', 1],
          ],
        },
        { fields: [['path', 1]] },
      ]);
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

  it('serves "filed by me or followed by me" under a status condition from two indexes, without statistics', async () => {
    const store = openSqliteStore({ dataDir: freshDir() });
    try {
      await store.ensureIndexes('tasks', [
        {
          fields: [
            ['status', 1],
            ['path', 1],
            ['n', -1],
          ],
        },
        {
          fields: [
            ['by', 1],
            ['n', -1],
          ],
        },
        { fields: [['followers', 1]] },
      ]);
      const tasks = store.collection<Task>('tasks');
      for (let i = 0; i < 2000; i++) {
        await tasks.insert({
          _id: `t${i}`,
          status: ['new', 'open', 'closed'][i % 3]!,
          path: `/S${i % 4}/`,
          n: i,
          by: `u${i % 500}`,
          followers: i % 7 ? [] : [`u${(i * 3) % 500}`],
        });
      }
      // Marked multikey later: the plain index on the whole array goes, the element table is filled from the documents.
      await store.ensureIndexes('tasks', [{ fields: [['followers', 1]], multikey: 'followers' }]);
      const names = store.db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name LIKE 'tasks%'`).pluck().all() as string[];
      expect(names).not.toContain('ix_tasks_followers');
      const elements = new Map([['followers', elementTable('tasks', 'followers')]]);
      const mine: Filter = { $or: [{ by: 'u7' }, { followers: { $has: 'u7' } }], status: { $in: ['new', 'open'] } };
      const p = plan(store, 'tasks', mine, elements);
      expect(p).toMatch(/MULTI-INDEX OR/);
      expect(p).toMatch(/USING INDEX ix_tasks_by_n/);
      expect(p).toMatch(/SEARCH tasks\[followers\] USING (COVERING INDEX|PRIMARY KEY)/);
      expect(p).not.toMatch(/SCAN tasks\b/);
      // Without the element table the followed branch opens the array of every document of those statuses.
      expect(plan(store, 'tasks', mine)).toMatch(/SCAN json_each/);
      const found = await tasks.find(mine, { sort: [['n', -1]] });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((t) => ['new', 'open'].includes(t.status) && (t.by === 'u7' || t.followers?.includes('u7')))).toBe(true);
      expect(found.length).toBe((await tasks.find({})).filter((t) => ['new', 'open'].includes(t.status) && (t.by === 'u7' || t.followers?.includes('u7'))).length);
    } finally {
      await store.close();
    }
  });
});
