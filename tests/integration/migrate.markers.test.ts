/**
 * Migrations that ran to the end are marked done (backend/records/migrate.ts): a start after the first reads the
 * markers alone, never a page of the converted collections; `--force` runs them all again; a crash mid-run resumes.
 */
import type { Migration } from '../../backend/records/migrate';
import { posts } from '../../backend/activities/repo';
import { MIGRATIONS, migrateAll, migrationMarks, runMigrations } from '../../backend/records/migrate';
import { countingStore } from '../../backend/store/counting';
import type { UserDoc } from '../../backend/users/repo';
import { users } from '../../backend/users/repo';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { runScript, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** What every migration pages through when it runs. */
const CONVERTED = ['points_declarations', 'orders', 'wishes', 'posts', 'post_holders', 'order_counters'];

test('a start after the first reads the markers in one request and no page of the converted collections; --force reads them again', async () => {
  // The test server started as the local server does (ensureAllIndexes): every migration ran once and is marked.
  const marked = await migrationMarks(s.store).find({ _id: { $in: MIGRATIONS.map((m) => m.name) } });
  expect(marked.map((m) => m._id).sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());

  const c = countingStore(s.store);
  expect(await migrateAll(c.store)).toBe(0);
  expect(c.calls()).toEqual([{ op: 'find', collection: 'migrations', overlapped: false }]);

  c.reset();
  expect(await migrateAll(c.store, undefined, { force: true })).toBe(0);
  const read = new Set(c.calls().map((x) => x.collection));
  for (const name of CONVERTED) expect(read).toContain(name);
});

test('npm run migrate skips what is marked, and runs everything with --force', async () => {
  // The demo post as stored before `holding`: POST_HOLDERS_ON_POSTS is marked done, so only a forced run fills it.
  await posts(s.store).updateWhere({ _id: 'vp-demo-1' }, { $unset: { holding: true } });
  expect((await posts(s.store).get('vp-demo-1'))?.holding).toBeUndefined();
  const plain = await runScript(s, 'scripts/migrate.ts');
  expect(plain.code).toBe(0);
  expect(plain.out).toContain('没有需要转换的记录');
  expect((await posts(s.store).get('vp-demo-1'))?.holding).toBeUndefined();
  const forced = await runScript(s, 'scripts/migrate.ts', ['--force']);
  expect(forced.code).toBe(0);
  expect(forced.out).toContain('转换了 1 条记录');
  expect((await posts(s.store).get('vp-demo-1'))?.holding).toEqual({});
}, 60000);

test('a migration that crashes before its marker runs again next time and carries on where it stopped; then it is skipped', async () => {
  const ids = [PEOPLE.member, PEOPLE.staff, PEOPLE.resident];
  const runs = { before: 0, flaky: 0 };
  const before: Migration = {
    name: '测试：之前的迁移',
    run: async () => {
      runs.before++;
      return 0;
    },
  };
  let crash = true;
  // Converts a member at a time; its first run dies after the first, as a function timeout or a lost connection would.
  const flaky: Migration = {
    name: '测试：中途断掉的迁移',
    async run(store) {
      runs.flaky++;
      let n = 0;
      for (const id of ids) {
        if (!(await users(store).updateWhere({ _id: id, probe: { $exists: false } }, { $set: { probe: 1 } }))) continue;
        n++;
        if (crash) {
          crash = false;
          throw new Error('断电');
        }
      }
      return n;
    },
  };
  const probed = async () => (await Promise.all(ids.map((id) => users(s.store).get(id)))).filter((u) => (u as UserDoc & { probe?: number })?.probe === 1).length;

  await expect(runMigrations(s.store, [before, flaky])).rejects.toThrow('断电');
  expect(await probed()).toBe(1);
  expect(await migrationMarks(s.store).get(flaky.name)).toBeNull();
  expect(await migrationMarks(s.store).get(before.name)).toMatchObject({ changed: 0 });

  // The next start: the one before is done and skipped, the crashed one converts the other two and is marked.
  expect(await runMigrations(s.store, [before, flaky])).toBe(2);
  expect(runs).toEqual({ before: 1, flaky: 2 });
  expect(await probed()).toBe(3);
  expect(await migrationMarks(s.store).get(flaky.name)).toMatchObject({ changed: 2 });

  const c = countingStore(s.store);
  expect(await runMigrations(c.store, [before, flaky])).toBe(0);
  expect(runs).toEqual({ before: 1, flaky: 2 });
  expect(c.counts().total).toBe(1);
});
