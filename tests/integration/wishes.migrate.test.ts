/** Stored wish timelines in words convert to codes once (backend/wishes/migrate.ts), then read exactly as before. */
import { migrateAll } from '../../backend/records/migrate';
import type { WishDoc } from '../../backend/wishes/repo';
import { newWishDoc, wishes } from '../../backend/wishes/repo';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { runScript, startTestServer } from '../support/server';
import { wishDetail, wishIn } from '../support/wishes';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const at = (minutes: number) => s.clock.now - 10_000 * 60_000 + minutes * 60_000;
const staff = { actorId: PEOPLE.staff, actorName: '孙丽', role: '社区工作人员' };
const member = { actorId: PEOPLE.member, actorName: '张伟', role: '在职党员' };
const system = { actorId: 'system', actorName: '系统', role: '系统' };

/** Written out as the code before codes stored it: every wording it wrote, and one no rule reads. */
const OLD_TIMELINE = (): Array<{ at: number; actorId: string; actorName: string; role: string; action: string; note?: string }> => [
  { at: at(0), ...staff, action: '代居民许心愿' },
  { at: at(10), ...staff, action: '修改公开内容并发布' },
  { at: at(20), ...member, action: '认领心愿' },
  { at: at(30), ...system, action: '认领超过期限未圆梦（原认领人：张伟），回到心愿墙' },
  { at: at(40), ...member, action: '认领心愿' },
  { at: at(50), ...member, action: '登记圆梦', note: '已把书送到家里' },
  { at: at(60), ...staff, action: '确认圆梦' },
  { at: at(70), ...staff, action: '人工补记一笔' },
];

/** What each old entry becomes. */
const CODED = [
  { code: 'post', data: { onBehalf: true } },
  { code: 'approve', data: { edited: true } },
  { code: 'claim' },
  { code: 'lapse', data: { claimantName: '张伟' } },
  { code: 'claim' },
  { code: 'deliver', note: '已把书送到家里' },
  { code: 'confirm' },
  { code: 'words', data: { words: '人工补记一笔' } },
];

async function insertOld(id: string): Promise<void> {
  const building = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.building1);
  const old = {
    ...newWishDoc({
      _id: id,
      communityId: NODES.community1,
      place: '梅川第一居委会 · 第一网格',
      buildingId: NODES.building1,
      path: building!.path,
      title: '想要几本课外书',
      story: '孙子今年上三年级，很爱看书，希望有好心人送几本课外书。',
      kind: 'material',
      value: 100,
      photo: null,
      beneficiaryName: '钱阿婆',
      contactMobile: '13912340002',
      door: null,
      createdBy: PEOPLE.staff,
      createdByName: '孙丽',
      onBehalf: true,
      createdAt: at(0),
      timeline: [],
    }),
    status: 'fulfilled',
    publishedAt: at(10),
    claimantId: PEOPLE.member,
    claimantName: '张伟',
    fulfilledAt: at(60),
    lapses: 1,
    // As stored before codes: words under `action`, no `code`.
    timeline: OLD_TIMELINE(),
  };
  await s.store.collection('wishes').insert(old as unknown as WishDoc);
}

test('a wish stored by the old code, inserted raw: converted once, shown in the same words and notes', async () => {
  await insertOld('w-stored-in-words');
  const before = await wishes(s.store).get('w-stored-in-words');
  expect(before?.timeline.every((e) => !e.code)).toBe(true);

  // `npm run migrate` against the test's store (SQLite, or the simulated CloudBase through the SDK). Forced: the test
  // server's start marked every migration done before this wish was stored (a real store holds its old wishes first).
  const run = await runScript(s, 'scripts/migrate.ts', ['--force']);
  expect(run.code).toBe(0);
  expect(run.out).toContain('wishes: timeline words → codes: 1');

  const after = await wishes(s.store).get('w-stored-in-words');
  const old = OLD_TIMELINE();
  expect(after!.timeline).toEqual(CODED.map((c, i) => ({ at: old[i]!.at, actorId: old[i]!.actorId, actorName: old[i]!.actorName, role: old[i]!.role, ...c })));
  const shown = await wishDetail(s, 'w-stored-in-words', PEOPLE.staff);
  expect(shown.timeline.map((t) => [t.action, t.note])).toEqual(old.map((e) => [e.action, e.note ?? null]));

  // Idempotent: a second run (and the start-up run) converts nothing and leaves the wish as it is.
  expect((await runScript(s, 'scripts/migrate.ts', ['--force'])).out).toContain('没有需要转换的记录');
  expect(await migrateAll(s.store, undefined, { force: true })).toBe(0);
  expect(await wishes(s.store).get('w-stored-in-words')).toEqual(after);
});

test('wishes written with codes are left alone; only an old one beside them converts', async () => {
  const coded = await wishIn(s, 'claimed');
  const stored = await wishes(s.store).get(coded);
  expect(stored?.timeline.map((e) => e.code)).toEqual(['post', 'approve', 'claim']);
  await insertOld('w-old-beside-new');
  expect(await migrateAll(s.store, undefined, { force: true })).toBe(1);
  expect(await wishes(s.store).get(coded)).toEqual(stored);
  expect((await wishes(s.store).get('w-old-beside-new'))!.timeline.map((e) => e.code)).toEqual(CODED.map((c) => c.code));
});

test('check:effects names a wish the old code confirmed without its credit, and none confirmed now', async () => {
  // Confirmed through the API: the credit rides on the confirming move and is applied with it.
  const fulfilled = await wishIn(s, 'fulfilled');
  const run = await runScript(s, 'scripts/check-effects.ts');
  expect(run.out).toContain('心愿 w-stored-in-words：已圆梦，认领人 u-member 未记积分');
  expect(run.out).not.toContain(fulfilled);
  expect(run.code).toBe(1);
});
