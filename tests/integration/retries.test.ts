/**
 * Retries are safe (issue 12): a keyed write sent again after a lost answer, or several copies at once, makes one
 * record and answers the same id every time, with one audit entry and no second message or quota unit; other keys
 * make other records, and one person's key reused by another person is that person's own write. Without a key a
 * submission is written as before. Through the real gateway, in both modes.
 */
import type { Envelope } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import { WISH_LIMITS } from '../../shared/wishes/model';
import { goodActivity, goodPost } from '../support/activities';
import { DAY, act, detail, goodOrder, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import { goodDeclaration } from '../support/points';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';
import { goodWish } from '../support/wishes';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
// A fresh day for every test: the daily wish quota never interferes.
beforeEach(() => {
  s.clock.now += DAY;
});

interface Keyed {
  fn: string;
  action: string;
  collection: string;
  /** Made once per submission, so every copy carries the same content. */
  data: () => Record<string, unknown>;
  /** Two people who may both make it. */
  who: [string, string];
}

const CASES: Array<[string, Keyed]> = [
  ['申报 points.declare', { fn: 'points', action: 'declare', collection: 'points_declarations', data: () => goodDeclaration(s), who: [PEOPLE.member, PEOPLE.memberOutOfScope] }],
  ['许心愿 wishes.post', { fn: 'wishes', action: 'post', collection: 'wishes', data: () => goodWish(), who: [PEOPLE.resident, PEOPLE.otherResident] }],
  [
    '民情日记 diary.record',
    {
      fn: 'diary',
      action: 'record',
      collection: 'visits',
      data: () => ({ buildingId: NODES.building1, residentName: '王秀英', heard: '楼道里堆了很多纸箱，老人担心着火', tags: ['安全隐患'] }),
      who: [PEOPLE.gridWorker, PEOPLE.gridLeader],
    },
  ],
  ['发布活动 activities.publish', { fn: 'activities', action: 'publish', collection: 'activities', data: () => goodActivity(s), who: [PEOPLE.staff, PEOPLE.street] }],
  ['群众点单 orders.file', { fn: 'orders', action: 'file', collection: 'orders', data: () => goodOrder(), who: [PEOPLE.resident, PEOPLE.otherResident] }],
  ['发布岗位 activities.publishPost', { fn: 'activities', action: 'publishPost', collection: 'posts', data: () => goodPost(), who: [PEOPLE.staff, PEOPLE.street] }],
];

let serial = 0;
const newKey = () => `retry-${Date.now().toString(36)}-${++serial}`;
const idOf = (env: Envelope<unknown>) => (okData(env) as { id: string }).id;
const count = (c: Keyed) => s.store.collection(c.collection).count({});
const audits = (id: string) => s.store.collection('audit').count({ targetId: id });
const messages = () => s.store.collection('messages').count({});

describe.each(CASES)('%s', (_name, c) => {
  const send = (data: Record<string, unknown>, who = c.who[0]) => s.call(c.fn, c.action, data, who);

  it('sent again after a lost answer: one record, one audit entry, no second message, the same answer', async () => {
    const data = { ...c.data(), requestKey: newKey() };
    const records = await count(c);
    const first = await send(data);
    const id = idOf(first);
    const [sent, audited] = [await messages(), await audits(id)];
    expect(audited).toBe(1);
    const again = await send(data);
    expect(again).toEqual(first);
    expect(await count(c)).toBe(records + 1);
    expect(await audits(id)).toBe(1);
    expect(await messages()).toBe(sent);
    expect(s.logged).toEqual([]);
  });

  it('four copies at once: one record, every copy answers its id', async () => {
    const data = { ...c.data(), requestKey: newKey() };
    const [records, sent] = [await count(c), await messages()];
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(data)));
    const ids = new Set(answers.map(idOf));
    expect(ids.size).toBe(1);
    expect(await count(c)).toBe(records + 1);
    expect(await audits([...ids][0]!)).toBe(1);
    // Whatever the first write sent (a message for declarations and wishes, none for the others), it sent once.
    const perWrite = (await messages()) - sent;
    expect(perWrite).toBeLessThanOrEqual(1);
    expect(await send(data)).toEqual(answers[0]);
    expect(await messages()).toBe(sent + perWrite);
    expect(s.logged).toEqual([]);
  });

  it('different keys are different submissions', async () => {
    const data = c.data();
    const records = await count(c);
    const a = idOf(await send({ ...data, requestKey: newKey() }));
    const b = idOf(await send({ ...data, requestKey: newKey() }));
    expect(a).not.toBe(b);
    expect(await count(c)).toBe(records + 2);
  });

  it("one person's key sent by another is the other's own record", async () => {
    const data = { ...c.data(), requestKey: newKey() };
    const records = await count(c);
    const mine = idOf(await send(data, c.who[0]));
    const theirs = idOf(await send(data, c.who[1]));
    expect(theirs).not.toBe(mine);
    expect(await count(c)).toBe(records + 2);
    const created = await s.store.collection<{ _id: string; createdBy?: string; memberId?: string }>(c.collection).get(theirs);
    expect(created?.createdBy ?? created?.memberId).toBe(c.who[1]);
    // And the first person's resend still finds their own.
    expect(idOf(await send(data, c.who[0]))).toBe(mine);
  });

  it('without a key each submission is written, as before', async () => {
    const data = c.data();
    const records = await count(c);
    const a = idOf(await send(data));
    const b = idOf(await send(data));
    expect(a).not.toBe(b);
    expect(await count(c)).toBe(records + 2);
  });

  it.each([
    ['too short', 'abc'],
    ['a character outside [A-Za-z0-9_-]', 'key with spaces'],
    ['too long', 'k'.repeat(65)],
  ])('a key %s is refused, naming 请求编号, and writes nothing', async (_what, requestKey) => {
    const records = await count(c);
    const err = errorOf(await send({ ...c.data(), requestKey }));
    expect(err).toMatchObject({ code: 'VALIDATION', fields: { requestKey: '请求编号应为 8–64 位字母、数字、- 或 _' } });
    expect(await count(c)).toBe(records);
  });
});

describe('quota', () => {
  it("copies of one keyed wish take one unit of the resident's daily quota", async () => {
    const data = { ...goodWish(), requestKey: newKey() };
    const answers = await Promise.all([1, 2, 3].map(() => s.call('wishes', 'post', data, PEOPLE.otherResident)));
    expect(new Set(answers.map(idOf)).size).toBe(1);
    await s.call('wishes', 'post', data, PEOPLE.otherResident);
    // The quota is kept on the person (backend/users/quota.ts): one field per day.
    const person = await s.store.collection<{ _id: string; quota?: Record<string, number> }>('users').get(PEOPLE.otherResident);
    expect(person?.quota?.[`wishes${shanghaiDay(s.clock.now).replace(/-/g, '')}`]).toBe(1);
  });

  it("the resend of the day's last wish answers it rather than refusing one more", async () => {
    for (let i = 1; i < WISH_LIMITS.perResidentPerDay; i++) okData(await s.call('wishes', 'post', goodWish(), PEOPLE.otherResident));
    const last = { ...goodWish(), requestKey: newKey() };
    const first = await s.call('wishes', 'post', last, PEOPLE.otherResident);
    expect(await s.call('wishes', 'post', last, PEOPLE.otherResident)).toEqual(first);
    expect(errorOf(await s.call('wishes', 'post', { ...goodWish(), requestKey: newKey() }, PEOPLE.otherResident)).code).toBe('RATE_LIMITED');
  });
});

/** Moves that add to a record rather than create one: a resend adds nothing to the timeline and tells nobody twice. */
describe.each([
  ['进展 orders.progress', 'progress', PEOPLE.member, { note: '已联系物业，明天上午来换灯' }],
  ['备注 orders.note', 'note', PEOPLE.staff, { note: '居民说晚上八点后在家' }],
] as const)('%s', (_name, action, who, extra) => {
  it('sent again after a lost answer, and four copies at once: one timeline entry, one notice, the same answer', async () => {
    const orderId = await orderIn(s, 'in_progress');
    const data = { orderId, ...extra, requestKey: newKey() };
    const [before, sent] = [(await detail(s, orderId)).timeline.length, await messages()];
    const first = await act(s, action, data, who);
    const answers = await Promise.all([1, 2, 3, 4].map(() => act(s, action, data, who)));
    for (const again of answers) expect(again).toEqual(first);
    expect((await detail(s, orderId)).timeline.length).toBe(before + 1);
    expect(await messages()).toBe(sent + (action === 'progress' ? 1 : 0));
    // Another key is another note; the same key from someone else cannot name this one.
    await act(s, action, { ...data, requestKey: newKey() }, who);
    expect((await detail(s, orderId)).timeline.length).toBe(before + 2);
    expect(s.logged).toEqual([]);
  });
});
