/**
 * What 申报 → 汇总 → 核实 causes rides on the declaration's own write and is applied afterwards, once: a verify whose
 * answer was never followed by the client's drain credits the member when the one-minute drain runs, and only once;
 * a 汇总 batch carries one batch of effects on every declaration it moved, applied once however many are drained;
 * a declaration decided in the instant between the batch's read and its write is answered as skipped; a 更正 is one
 * insert whose row carries the rest, finished once however its drain is cut short.
 */
import type { AuditDoc } from '../../backend/audit/record';
import type { MessageDoc } from '../../backend/notifications/outbox';
import { checkTotals } from '../../backend/points/check';
import type { DeclarationDoc, LedgerDoc, RollupDoc, TotalDoc } from '../../backend/points/repo';
import { checkEffects } from '../../backend/records/check';
import { drainRefs } from '../../backend/records/drain';
import { forwardDeclarations } from '../../backend/points/review';
import type { Pending, PendingRef } from '../../backend/records/effects';
import type { Ctx } from '../../backend/runtime/types';
import type { DocumentStore, Filter } from '../../backend/store/port';
import { toActor } from '../../backend/users/actor';
import type { UserDoc } from '../../backend/users/repo';
import { shanghaiYear } from '../../shared/time';
import { beforeUpdates, depsOver, undrained } from '../support/effects';
import { PEOPLE } from '../support/people';
import { declarationIn } from '../support/points';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Declaration = DeclarationDoc & Pending;
const raw = <T>(action: string, data: unknown, who: string) => undrained<T>(s, 'points', action, data, who);
const declaration = async (id: string) => (await s.store.collection<Declaration>('points_declarations').get(id))!;
const total = async (memberId: string) => (await s.store.collection<TotalDoc>('points_totals').get(`${memberId}:${shanghaiYear(s.clock.now)}`))?.total ?? 0;
const audits = (filter: Filter) => s.store.collection<AuditDoc>('audit').count(filter);
const messages = (filter: Filter) => s.store.collection<MessageDoc>('messages').count(filter);

test('a verify answered but never drained credits the member on the timer, once', async () => {
  const id = await declarationIn(s, 'forwarded');
  const before = await total(PEOPLE.member);
  const answer = await raw('verify', { declarationId: id, points: 3 }, PEOPLE.staff);
  expect(answer).toMatchObject({ ok: true, data: { id, status: 'verified', points: 3 }, pending: [{ collection: 'points_declarations', id }] });
  expect(await declaration(id)).toMatchObject({
    status: 'verified',
    points: 3,
    fx: [expect.objectContaining({ effects: expect.arrayContaining([expect.objectContaining({ type: 'credit' })]) })],
  });
  expect(await total(PEOPLE.member)).toBe(before);
  // Asking again answers what was verified and writes nothing more.
  expect(okData(await s.call('points', 'verify', { declarationId: id }, PEOPLE.staff))).toEqual({ id, status: 'verified', points: 3 });
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
  expect(await total(PEOPLE.member)).toBe(before + 3);
  expect((await declaration(id)).fx).toBeUndefined();
  expect(await audits({ action: 'points.verify', targetId: id })).toBe(1);
  expect(await messages({ userId: PEOPLE.member, kind: 'pointsVerified', body: { $prefix: `${(await declaration(id)).date} 的服务已核实` } })).toBeGreaterThanOrEqual(1);
});

test('a credit leaves its ledger id on the roll-ups only while a record still carries it: the grid total grows, its keys do not', async () => {
  const year = shanghaiYear(s.clock.now);
  const stamp = (await s.store.collection<TotalDoc>('points_totals').get(`${PEOPLE.member}:${year}`))!;
  expect(stamp.gridId).toBeTruthy();
  const grid = () => s.store.collection<RollupDoc>('points_rollups').get(`grid:${stamp.gridId}:${year}`);
  const before = (await grid())?.total ?? 0;
  for (const points of [2, 3]) okData(await s.call('points', 'verify', { declarationId: await declarationIn(s, 'forwarded'), points }, PEOPLE.staff));
  expect(await grid()).toMatchObject({ total: before + 5, applied: [] });
  // Each credit still counted once: the member's total carries its ledger ids (its own guard), and check:points agrees.
  expect((await checkTotals(s.store)).differences).toEqual([]);
});

test('a 汇总 batch carries one batch on each declaration it moved: drained through one, applied once, the rest cleared by the timer', async () => {
  const ids = await Promise.all([1, 2, 3].map(() => declarationIn(s, 'declared')));
  const sent = await messages({ kind: 'pointsForwarded' });
  const answer = await raw<{ forwarded: string[] }>('forward', { declarationIds: ids, note: '三条一起' }, PEOPLE.gridLeader);
  expect(answer).toMatchObject({ ok: true, data: { forwarded: ids, skipped: [] }, pending: [{ collection: 'points_declarations', id: ids[0] }] });
  const moved = await Promise.all(ids.map(declaration));
  const keys = new Set(moved.map((d) => d.fxLast));
  expect(keys.size).toBe(1);
  expect(moved.map((d) => [d.status, d.timeline.at(-1)?.code, d.timeline.at(-1)?.note])).toEqual(ids.map(() => ['forwarded', 'forward', '三条一起']));
  // The client's drain names the one the answer named; the two others keep their copy until the timer.
  okData(await s.call('effects', 'drain', { refs: answer.ok ? answer.pending : [] }, PEOPLE.gridLeader));
  expect(await audits({ action: 'points.forward', targetId: moved[0]!.batchId })).toBe(1);
  expect(await messages({ kind: 'pointsForwarded' })).toBe(sent + 1);
  expect((await Promise.all(ids.map(declaration))).map((d) => !!d.fx)).toEqual([false, true, true]);
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect((await Promise.all(ids.map(declaration))).map((d) => !!d.fx)).toEqual([false, false, false]);
  expect(await audits({ action: 'points.forward', targetId: moved[0]!.batchId })).toBe(1);
  expect(await messages({ kind: 'pointsForwarded' })).toBe(sent + 1);
});

test('a correction is one insert carrying its totals, audit and message: a double tap adds nothing, a drain stopped half-way is finished once', async () => {
  const year = shanghaiYear(s.clock.now);
  const entryId = `declared_service:declaration:${await declarationIn(s, 'verified')}`;
  const stamp = (await s.store.collection<TotalDoc>('points_totals').get(`${PEOPLE.member}:${year}`))!;
  const grid = async () => (await s.store.collection<RollupDoc>('points_rollups').get(`grid:${stamp.gridId}:${year}`))?.total ?? 0;
  const [before, gridBefore] = [stamp.total, await grid()];
  const id = `correction:reversal:${entryId}`;
  const data = { entryId, reason: '重复申报，予以冲正' };
  const answer = await raw('correct', data, PEOPLE.staff);
  expect(answer).toMatchObject({ ok: true, data: { id, delta: -2 }, pending: [{ collection: 'points_ledger', id }] });
  // Answered before anything else is written: the row carries the rest.
  expect(await s.store.collection<LedgerDoc & Pending>('points_ledger').get(id)).toMatchObject({
    delta: -2,
    credit: -1,
    corrects: entryId,
    fx: [
      expect.objectContaining({ effects: [expect.objectContaining({ type: 'credit' }), expect.objectContaining({ type: 'audit' }), expect.objectContaining({ type: 'notify' })] }),
    ],
  });
  expect(await total(PEOPLE.member)).toBe(before);
  expect(await audits({ action: 'points.correct', targetId: entryId })).toBe(0);
  // Tapped again: the same answer, the same row, and no second drain of it (the first call's, or the timer, applies it).
  expect(await raw('correct', data, PEOPLE.staff)).toEqual({ ok: true, data: { id, delta: -2 } });
  expect(await s.store.collection('points_ledger').count({ memberId: PEOPLE.member, corrects: entryId })).toBe(1);

  // The client's drain dies after the member's total, before the grid's roll-up.
  const stopped = beforeUpdates(s.store, async (name) => {
    if (name === 'points_rollups') throw new Error('function stopped');
  });
  await expect(drainRefs(depsOver(s, stopped), [{ collection: 'points_ledger', id }])).rejects.toThrow('function stopped');
  expect([await total(PEOPLE.member), await grid()]).toEqual([before - 2, gridBefore]);
  // The minute's drain finishes it; another adds nothing.
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
  expect([await total(PEOPLE.member), await grid()]).toEqual([before - 2, gridBefore - 2]);
  expect((await s.store.collection<LedgerDoc & Pending>('points_ledger').get(id))?.fx).toBeUndefined();
  expect(await audits({ action: 'points.correct', targetId: entryId })).toBe(1);
  expect(await messages({ userId: PEOPLE.member, kind: 'pointsCorrected', body: '-2 分：重复申报，予以冲正' })).toBe(1);
  expect((await checkTotals(s.store)).differences).toEqual([]);
  expect(await checkEffects(s.store, s.clock.now)).toMatchObject({ pending: 0, findings: [] });
});

/** The store as the command sees it, with `before` run once right before the first multi-record update of declarations. */
function racing(inner: DocumentStore, before: () => Promise<void>): DocumentStore {
  let raced = false;
  return beforeUpdates(inner, async (name, f) => {
    if (raced || name !== 'points_declarations' || typeof f._id !== 'object') return;
    raced = true;
    await before();
  });
}

test('one of a batch decided between the read and the write is skipped; the rest move and the answer names one of them', async () => {
  const ids = await Promise.all([1, 2, 3].map(() => declarationIn(s, 'declared')));
  const leader = (await s.store.collection<UserDoc>('users').get(PEOPLE.gridLeader))!;
  const pending: PendingRef[] = [];
  const store = racing(s.store, async () => void okData(await s.call('points', 'reject', { declarationId: ids[1], reason: '当天没有该项活动' }, PEOPLE.staff)));
  const ctx = {
    ...depsOver(s, store),
    actor: toActor(leader),
    identity: { kind: 'local', userId: leader._id },
    pending,
  } as Ctx;
  expect(await forwardDeclarations(ctx, { declarationIds: ids })).toEqual({ forwarded: [ids[0], ids[2]], skipped: [ids[1]] });
  expect((await Promise.all(ids.map(declaration))).map((d) => d.status)).toEqual(['forwarded', 'rejected', 'forwarded']);
  expect(pending).toEqual([{ collection: 'points_declarations', id: ids[0] }]);
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
});

test('two drains of one record at once (the client’s and the timer’s) credit it once: the second waits for the first’s claim', async () => {
  const id = await declarationIn(s, 'forwarded');
  const year = shanghaiYear(s.clock.now);
  const stamp = (await s.store.collection<TotalDoc>('points_totals').get(`${PEOPLE.member}:${year}`))!;
  const grid = async () => (await s.store.collection<RollupDoc>('points_rollups').get(`grid:${stamp.gridId}:${year}`))?.total ?? 0;
  const [before, gridBefore] = [await total(PEOPLE.member), await grid()];
  expect(await raw('verify', { declarationId: id, points: 3 }, PEOPLE.staff)).toMatchObject({ ok: true, pending: [{ collection: 'points_declarations', id }] });
  // The client's drain has credited the member's total and is about to add the grid's roll-up when the timer's drain runs in full.
  let timer: { records: number; batches: number } | null = null;
  let paused = false;
  const slow = beforeUpdates(s.store, async (name) => {
    if (paused || name !== 'points_rollups') return;
    paused = true;
    timer = await drainRefs(depsOver(s, s.store), [{ collection: 'points_declarations', id }]);
  });
  await drainRefs(depsOver(s, slow), [{ collection: 'points_declarations', id }]);
  // Before claims the timer applied it too, then cleared it and took its guard keys off the roll-ups: the client's went on and added them again.
  expect(timer).toEqual({ records: 0, batches: 0 });
  expect([await total(PEOPLE.member), await grid()]).toEqual([before + 3, gridBefore + 3]);
  expect((await declaration(id)).fx).toBeUndefined();
  expect((await checkTotals(s.store)).differences).toEqual([]);
  expect(await checkEffects(s.store, s.clock.now)).toMatchObject({ pending: 0, findings: [] });
});
