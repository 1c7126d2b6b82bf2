/** 积分 end to end over HTTP: 申报 → 汇总 → 核实 credits once; my total, rank, rankings; corrections; rules affect only later credits. */
import ExcelJS from 'exceljs';
import type { MyPointsView, RulesView } from '../../shared/points/schemas';
import type { Page } from '../../shared/users/schemas';
import { goodPost } from '../support/activities';
import { checkTotals } from '../../backend/points/check';
import { act, fileOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import { declarationIn, declare } from '../support/points';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, runScript, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const mine = async (who: string = PEOPLE.member) => okData(await s.call<MyPointsView>('points', 'mine', {}, who));

test('申报 → 汇总 → 核实 credits the verified points once, and my total and rank follow', async () => {
  const before = await mine();
  const id = await declare(s, { hours: 3 });
  const queue = okData(await s.call<Page<{ id: string; suggestedPoints: number }>>('points', 'gridQueue', {}, PEOPLE.gridLeader));
  expect(queue.items.map((d) => d.id)).toContain(id);
  expect(queue.items.find((d) => d.id === id)?.suggestedPoints).toBe(3);

  expect(okData(await s.call('points', 'forward', { declarationIds: [id], note: '本周汇总' }, PEOPLE.gridLeader))).toEqual({ forwarded: [id], skipped: [] });
  const verifyQueue = okData(await s.call<Page<{ id: string }>>('points', 'verifyQueue', {}, PEOPLE.staff));
  expect(verifyQueue.items.map((d) => d.id)).toContain(id);

  expect(okData(await s.call('points', 'verify', { declarationId: id, points: 4 }, PEOPLE.staff))).toEqual({ id, status: 'verified', points: 4 });
  // A retried verify is safe: still one entry.
  okData(await s.call('points', 'verify', { declarationId: id }, PEOPLE.staff));
  const after = await mine();
  expect(after.total).toBe(before.total + 4);
  expect(after.entries.filter((e) => e.sourceId === id)).toHaveLength(1);
  expect(after.entries[0]).toMatchObject({ reason: 'declared_service', delta: 4, sourceType: 'declaration' });
  expect(after.rank).toBe(1);
  expect(after.duty.served).toBe(true);
  expect(after.communityName).toBe('梅川第一居委会');

  const ranking = okData(await s.call<Page<{ memberId: string; rank: number; total: number }>>('points', 'memberRanking', { scope: 'community' }, PEOPLE.staff));
  expect(ranking.items[0]).toMatchObject({ memberId: PEOPLE.member, rank: 1, total: after.total });
  const grid = okData(await s.call<Page<{ memberId: string }>>('points', 'memberRanking', { scope: 'grid' }, PEOPLE.gridLeader));
  expect(grid.items.map((r) => r.memberId)).toContain(PEOPLE.member);
  const grids = okData(await s.call<Page<{ id: string; total: number }>>('points', 'gridRanking', {}, PEOPLE.staff));
  expect(grids.items.find((g) => g.id === NODES.grid1)?.total).toBe(after.total);

  // The member is told; the staff's step is in the audit log.
  const inbox = await s.store.collection<{ _id: string; userId: string; kind: string }>('messages').find({ userId: PEOPLE.member, kind: 'pointsVerified' });
  expect(inbox).toHaveLength(1);
  expect(await s.store.collection('audit').count({ action: 'points.verify', targetId: id })).toBe(1);
  expect((await checkTotals(s.store)).differences).toEqual([]);
});

test('sent back and rejected declarations credit nothing and tell the member why', async () => {
  const before = (await mine()).total;
  const returned = await declarationIn(s, 'returned');
  const rejected = await declarationIn(s, 'rejected');
  expect((await mine()).total).toBe(before);
  const list = okData(await s.call<Page<{ id: string; status: string; reason: string | null }>>('points', 'myDeclarations', {}, PEOPLE.member));
  expect(list.items.find((d) => d.id === returned)).toMatchObject({ status: 'returned', reason: '请补充服务照片' });
  expect(list.items.find((d) => d.id === rejected)).toMatchObject({ status: 'rejected', reason: '当天没有该项活动' });
  // A returned declaration cannot be verified or forwarded any more.
  expect(errorOf(await s.call('points', 'forward', { declarationIds: [returned] }, PEOPLE.gridLeader)).code).toBe('CONFLICT');
  expect(errorOf(await s.call('points', 'verify', { declarationId: rejected }, PEOPLE.staff)).code).toBe('CONFLICT');
});

test('a correction reverses an entry once, with the actor and reason, and never edits the original', async () => {
  const id = await declarationIn(s, 'verified');
  const entryId = `declared_service:declaration:${id}`;
  const original = await s.store.collection('points_ledger').get(entryId);
  const before = (await mine()).total;
  const first = okData(await s.call<{ id: string; delta: number }>('points', 'correct', { entryId, reason: '重复申报，予以冲正' }, PEOPLE.staff));
  expect(first).toEqual({ id: `correction:reversal:${entryId}`, delta: -2 });
  expect((await mine()).total).toBe(before - 2);
  // A replay of the same reversal credits nothing twice.
  okData(await s.call('points', 'correct', { entryId, reason: '重复申报，予以冲正' }, PEOPLE.staff));
  expect((await mine()).total).toBe(before - 2);
  expect(await s.store.collection('points_ledger').get(entryId)).toEqual(original);
  const correction = await s.store.collection<{ _id: string; actorId: string; corrects: string; note: string }>('points_ledger').get(first.id);
  expect(correction).toMatchObject({ actorId: PEOPLE.staff, corrects: entryId });
  expect(correction?.note).toContain('重复申报');
  // A stated change: +1.
  okData(await s.call('points', 'correct', { entryId, delta: 1, reason: '补记半小时' }, PEOPLE.staff));
  expect((await mine()).total).toBe(before - 1);
  expect((await checkTotals(s.store)).ok).toBe(true);
});

test('changing the rules affects only later credits', async () => {
  const rules = okData(await s.call<RulesView>('points', 'rules', {}, PEOPLE.staff));
  expect(rules.rules.orderByColour.green).toBe(2);
  expect(rules.canEdit).toBe(true);
  const credited = async () => {
    const orderId = await fileOrder(s);
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
    await act(s, 'dispatch', { orderId, memberId: PEOPLE.member }, PEOPLE.staff);
    await act(s, 'accept', { orderId }, PEOPLE.member);
    await act(s, 'complete', { orderId, note: '已修好' }, PEOPLE.member);
    await act(s, 'rate', { orderId, stars: 4 }, PEOPLE.resident);
    return (await mine()).entries.find((e) => e.sourceId === orderId)?.delta;
  };
  expect(await credited()).toBe(3); // 绿 2 + 按时 1
  const changed = okData(
    await s.call<RulesView>('points', 'setRules', { communityId: NODES.community1, ...rules.rules, orderByColour: { green: 6, yellow: 3, red: 5 }, onTimeBonus: 0 }, PEOPLE.staff),
  );
  expect(changed).toMatchObject({ isDefault: false, updatedByName: '孙丽' });
  expect(await credited()).toBe(6);
  // The earlier entry keeps what it was credited.
  expect(
    (await mine()).entries
      .filter((e) => e.reason === 'order_completed')
      .map((e) => e.delta)
      .sort(),
  ).toEqual([3, 6]);
  expect(await s.store.collection('audit').count({ action: 'points.setRules' })).toBe(1);
  // Another instance saves (behind this one's kept copy): the next save here misses on the revision, reads the rules
  // again, and its audit says what it replaced.
  await s.store.collection<{ _id: string; rev?: number }>('points_rules').updateWhere({ _id: NODES.community1 }, { $set: { wishFulfilled: 9 }, $inc: { rev: 1 } });
  okData(await s.call('points', 'setRules', { communityId: NODES.community1, ...changed.rules, onTimeBonus: 2 }, PEOPLE.staff));
  const audits = await s.store.collection<{ _id: string; detail: object }>('audit').find({ action: 'points.setRules' });
  expect(audits.map((a) => a.detail)).toContainEqual(
    expect.objectContaining({ before: expect.objectContaining({ wishFulfilled: 9 }), after: expect.objectContaining({ onTimeBonus: 2 }) }),
  );
  expect(okData(await s.call<RulesView>('points', 'rules', {}, PEOPLE.staff)).rules).toMatchObject({ onTimeBonus: 2, wishFulfilled: changed.rules.wishFulfilled });
  // Other communities keep the defaults.
  const other = okData(await s.call<RulesView>('points', 'rules', {}, PEOPLE.otherStaff));
  expect(other.rules.orderByColour.green).toBe(2);
});

test('the duty check lists who is behind and the year-end export has every member', async () => {
  const duty = okData(
    await s.call<{ members: number; served: number; items: Array<{ memberId: string; served: boolean; holdsPost: boolean }> }>('points', 'duty', {}, PEOPLE.staff),
  );
  const zhang = duty.items.find((r) => r.memberId === PEOPLE.member);
  expect(zhang).toMatchObject({ served: true, holdsPost: false });
  expect(duty.members).toBeGreaterThanOrEqual(1);
  const behind = okData(await s.call<{ items: Array<{ memberId: string }> }>('points', 'duty', { behindOnly: true }, PEOPLE.staff));
  expect(behind.items.map((r) => r.memberId)).toContain(PEOPLE.member);
  // Holding a post this year completes the duty.
  const post = okData(await s.call<{ id: string }>('activities', 'publishPost', goodPost(), PEOPLE.staff));
  okData(await s.call('activities', 'claimPost', { postId: post.id }, PEOPLE.member));
  const after = okData(await s.call<{ items: Array<{ memberId: string; served: boolean; holdsPost: boolean }> }>('points', 'duty', { behindOnly: true }, PEOPLE.staff));
  expect(after.items.map((r) => r.memberId)).not.toContain(PEOPLE.member);
  expect((await mine()).duty).toEqual({ served: true, holdsPost: true });

  const file = okData(await s.call<{ url: string; rows: number; name: string }>('points', 'exportYear', {}, PEOPLE.staff));
  expect(file.name).toMatch(/梅川第一居委会\d{4}年度党员积分/);
  expect(file.rows).toBeGreaterThanOrEqual(duty.members);
  // The workbook as 评优评先 opens it: 张伟 ranked with his points and duty.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(fetchable(s, file.url))).arrayBuffer());
  expect(book.worksheets.map((w) => w.name)).toEqual(['党员积分', '单位排行', '网格汇总']);
  const sheet = book.getWorksheet('党员积分')!;
  expect(sheet.getRow(1).values).toEqual([undefined, '排名', '姓名', '网格', '报到单位', '年度积分', '服务次数', '下沉服务', '认领岗位', '年度履责']);
  const zhangRow = sheet.getSheetValues().find((r) => Array.isArray(r) && r[2] === '张伟') as unknown[];
  expect(zhangRow.slice(1)).toEqual([1, '张伟', '第一网格', '上海梅川实业有限公司党支部', (await mine()).total, expect.any(Number), '是', '是', '达标']);
});

test('npm run check:points agrees on honest data and names the difference when a total is tampered with', async () => {
  const run = () => runScript(s, 'scripts/check-points.ts');
  const honest = await run();
  expect(honest).toMatchObject({ code: 0 });
  expect(honest.out).toContain('合计与积分账本一致');
  const year = (await mine()).year;
  await s.store.collection('points_totals').updateWhere({ _id: `${PEOPLE.member}:${year}` }, { $inc: { total: 7 } });
  const bad = await run();
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(new RegExp(`不一致 党员 ${PEOPLE.member} ${year} 年积分`));
  // The grid and organisation totals were not tampered with, but now disagree with the member total they sum.
  expect(bad.out).toMatch(/不一致 网格 G310107102008-1/);
  await s.store.collection('points_totals').updateWhere({ _id: `${PEOPLE.member}:${year}` }, { $inc: { total: -7 } });
  expect((await run()).code).toBe(0);
}, 60_000);
