/**
 * 待办 on the home page (users.todo, issue 13 point 2): each role sees its counts, a count moves with the action
 * that should move it (报到 and 心愿 to review, 积分申报 to 汇总 and to 核实 too), staff count only their own subtree,
 * 超时 and 一键响应 not yet acknowledged come first, zeros are left out; the counters agree with the records; a person's
 * 待评价 and instructions to acknowledge are kept on their record; and the call stays within 3 database requests on a
 * warm instance (tests/support/cost.ts).
 */
import { rebuildPending } from '../../backend/records/pendingRebuild';
import { PERSONAL_COUNTS } from '../../backend/records/recount';
import type { UserDoc } from '../../backend/users/repo';
import { roleFields } from '../../backend/users/repo';
import type { TodoKey, TodoView } from '../../shared/users/schemas';
import { costMeter } from '../support/cost';
import { pendingRegistration } from '../support/members';
import { DAY, act, fileOrder, goodOrder, orderIn } from '../support/orders';
import { HOUR, addPerson } from '../support/response';
import { NODES, PEOPLE } from '../support/people';
import { declare } from '../support/points';
import { postWish, publicText, wishAct } from '../support/wishes';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
/** A 网格员 of 第一网格 who is also a 党员 registered in the community: both kinds of count in one call. */
const STAFF_MEMBER = 'u-grid-member';
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1 });
  await addPerson(s, { id: STAFF_MEMBER, name: '周敏', role: 'grid_worker', areaId: NODES.grid1, homeId: NODES.building1 });
  const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!;
  const me = (await s.store.collection<UserDoc>('users').get(STAFF_MEMBER))!;
  await s.store
    .collection<UserDoc>('users')
    .updateWhere({ _id: STAFF_MEMBER }, { $set: roleFields([...me.roles, { role: 'member', areaId: c1._id, areaPath: c1.path, grantedBy: 'test', grantedAt: 0 }]) });
});
afterAll(() => s.close());

const todo = async (who: string) => okData(await s.call<TodoView>('users', 'todo', {}, who)).items;
const countOf = async (who: string, key: TodoKey) => (await todo(who)).find((i) => i.key === key)?.count ?? 0;

describe('users.todo', () => {
  it('staff count 待分拣 and 待派单 in their subtree only; a sibling community’s staff do not', async () => {
    const [fresh, sibling] = [await countOf(PEOPLE.staff, 'new'), await countOf(PEOPLE.otherStaff, 'new')];
    const orderId = await fileOrder(s);
    expect(await countOf(PEOPLE.staff, 'new')).toBe(fresh + 1);
    expect(await countOf(PEOPLE.gridWorker, 'new')).toBeGreaterThanOrEqual(1);
    expect(await countOf(PEOPLE.otherStaff, 'new')).toBe(sibling);

    const waiting = await countOf(PEOPLE.staff, 'toDispatch');
    await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
    expect(await countOf(PEOPLE.staff, 'new')).toBe(fresh);
    expect(await countOf(PEOPLE.staff, 'toDispatch')).toBe(waiting + 1);
    expect((await todo(PEOPLE.staff)).find((i) => i.key === 'toDispatch')).toMatchObject({ label: '待派单', urgent: false });
  });

  it('a member sees 待接单 in the hall, then 办理中 once they claim; the resident sees 待评价 after completion, gone once rated', async () => {
    const orderId = await fileOrder(s);
    await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
    const [hall, held] = [await countOf(PEOPLE.member, 'hall'), await countOf(PEOPLE.member, 'held')];
    await act(s, 'pool', { orderId, level: 'grid' }, PEOPLE.staff);
    expect(await countOf(PEOPLE.member, 'hall')).toBe(hall + 1);
    // The filer does not see their own order as one to take.
    expect(await countOf(PEOPLE.resident, 'hall')).toBe(0);

    await act(s, 'claim', { orderId }, PEOPLE.member);
    expect(await countOf(PEOPLE.member, 'hall')).toBe(hall);
    expect(await countOf(PEOPLE.member, 'held')).toBe(held + 1);

    const toRate = await countOf(PEOPLE.resident, 'toRate');
    await act(s, 'complete', { orderId, note: '已更换灯泡' }, PEOPLE.member);
    expect(await countOf(PEOPLE.member, 'held')).toBe(held);
    expect(await todo(PEOPLE.resident)).toContainEqual({ key: 'toRate', label: '待评价', count: toRate + 1, urgent: false });
    await act(s, 'rate', { orderId, stars: 5 }, PEOPLE.resident);
    expect(await countOf(PEOPLE.resident, 'toRate')).toBe(toRate);
  });

  it('未读 counts messages since the watermark and leaves the list once read', async () => {
    okData(await s.call('notifications', 'markRead', {}, PEOPLE.resident));
    expect((await todo(PEOPLE.resident)).map((i) => i.key)).not.toContain('unread');
    s.clock.now += 1000;
    const orderId = await fileOrder(s);
    await act(s, 'reject', { orderId, reason: '不属于社区受理范围' }, PEOPLE.staff);
    expect(await countOf(PEOPLE.resident, 'unread')).toBeGreaterThan(0);
    okData(await s.call('notifications', 'markRead', {}, PEOPLE.resident));
    expect(await countOf(PEOPLE.resident, 'unread')).toBe(0);
  });

  it('超时 orders come first, marked urgent', async () => {
    const orderId = await fileOrder(s);
    await act(s, 'triage', { orderId, colour: 'red' }, PEOPLE.staff);
    const before = await countOf(PEOPLE.staff, 'overdue');
    s.clock.now += 3 * DAY;
    okData(await runTimer(s, 'orders', 'sweep'));
    const items = await todo(PEOPLE.staff);
    expect(items[0]).toMatchObject({ key: 'overdue', label: '超时', urgent: true });
    expect(items[0]!.count).toBeGreaterThan(before);
    expect(items.every((i) => i.count > 0)).toBe(true);
  });

  it('报到 and 心愿 awaiting review count for the community’s staff and the street, not a sibling community’s; a decision takes them off', async () => {
    const [reg, wish, sibling, street] = [
      await countOf(PEOPLE.staff, 'reg'),
      await countOf(PEOPLE.staff, 'wish'),
      await todo(PEOPLE.otherStaff),
      await countOf(PEOPLE.street, 'reg'),
    ];
    const registrationId = await pendingRegistration(s, NODES.building1);
    const wishId = await postWish(s);
    expect(await todo(PEOPLE.staff)).toEqual(
      expect.arrayContaining([
        { key: 'reg', label: '报到待审核', count: reg + 1, urgent: false },
        { key: 'wish', label: '心愿待审核', count: wish + 1, urgent: false },
      ]),
    );
    expect(await countOf(PEOPLE.street, 'reg')).toBe(street + 1);
    // Outside the subtree: the other community's staff see the same list as before; a member sees neither.
    expect(await todo(PEOPLE.otherStaff)).toEqual(sibling);
    expect((await todo(PEOPLE.member)).map((i) => i.key)).not.toContain('reg');

    okData(await s.call('members', 'approve', { registrationId }, PEOPLE.staff));
    await wishAct(s, 'approve', { wishId, ...publicText }, PEOPLE.staff);
    expect([await countOf(PEOPLE.staff, 'reg'), await countOf(PEOPLE.staff, 'wish'), await countOf(PEOPLE.street, 'reg')]).toEqual([reg, wish, street]);
  });

  it('积分申报 count 待汇总 for the grid leader, then 待核实 for the community once summed up, and neither once verified', async () => {
    const [sum, verify, sibling] = [await countOf(PEOPLE.gridLeader, 'sum'), await countOf(PEOPLE.staff, 'verify'), await todo(PEOPLE.otherStaff)];
    const ids = [await declare(s), await declare(s)];
    expect(await countOf(PEOPLE.gridLeader, 'sum')).toBe(sum + 2);
    // 待汇总 is the grid leader's: the community's staff do not 汇总.
    expect(await countOf(PEOPLE.staff, 'sum')).toBe(0);

    okData(await s.call('points', 'forward', { declarationIds: ids }, PEOPLE.gridLeader));
    expect(await countOf(PEOPLE.gridLeader, 'sum')).toBe(sum);
    expect(await todo(PEOPLE.staff)).toContainEqual({ key: 'verify', label: '待核实', count: verify + 2, urgent: false });
    expect(await todo(PEOPLE.otherStaff)).toEqual(sibling);

    okData(await s.call('points', 'verify', { declarationId: ids[0] }, PEOPLE.staff));
    okData(await s.call('points', 'reject', { declarationId: ids[1], reason: '当天没有该项活动' }, PEOPLE.staff));
    expect(await countOf(PEOPLE.staff, 'verify')).toBe(verify);
  });

  it('every staff count equals the records waiting in the caller’s subtree', async () => {
    const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!.path;
    const under = { path: { $prefix: c1 } };
    const store = (name: string) => s.store.collection(name);
    const want = {
      new: await store('orders').count({ ...under, status: 'new' }),
      toDispatch: await store('orders').count({ ...under, status: { $in: ['triaged', 'reopened'] } }),
      overdue: await store('orders').count({ ...under, overdue: true, status: { $in: ['new', 'triaged', 'pooled', 'assigned', 'in_progress', 'completed', 'reopened'] } }),
      reg: await store('registrations').count({ ...under, status: 'pending' }),
      wish: await store('wishes').count({ ...under, status: 'pending' }),
      verify: await store('points_declarations').count({ ...under, status: 'forwarded' }),
    };
    expect(Object.values(want).some((n) => n > 0)).toBe(true);
    const shown = async () => {
      const items = await todo(PEOPLE.staff);
      return Object.fromEntries(Object.keys(want).map((k) => [k, items.find((i) => i.key === k)?.count ?? 0]));
    };
    expect(await shown()).toEqual(want);

    // Records already waiting when the counters came in: the migration counts them from the records.
    await s.store.collection('order_counters').updateWhere({ day: 'open' }, { $set: { p: {} } });
    expect(Object.values(await shown()).every((n) => n === 0)).toBe(true);
    expect(await rebuildPending(s.store)).toBeGreaterThan(0);
    expect(await shown()).toEqual(want);
    expect(await rebuildPending(s.store)).toBe(0);
  });

  it('answers within 3 database requests on a warm instance, for staff, a member, a staff member who is also a 党员 and a resident', async () => {
    const requestsOf = costMeter(s);
    const who = [PEOPLE.staff, PEOPLE.street, PEOPLE.gridLeader, PEOPLE.member, STAFF_MEMBER, PEOPLE.resident];
    for (const w of who) await requestsOf('users', 'todo', {}, w);
    const warm: Record<string, number> = {};
    for (const w of who) warm[w] = await requestsOf('users', 'todo', {}, w);
    // The caller (held, 待评价, instructions to acknowledge ride on it), the node counters (staff and members), the unread count.
    expect(warm).toEqual({ ...Object.fromEntries(who.map((w) => [w, 3])), [PEOPLE.resident]: 2 });
    expect(s.logged).toEqual([]);
  });

  it('一键响应 not yet acknowledged comes first for each recipient, and leaves once 收到 (or a reply)', async () => {
    const [leader, member, resident] = [await countOf(PEOPLE.gridLeader, 'ack'), await countOf(PEOPLE.member, 'ack'), await todo(PEOPLE.resident)];
    const send = async () =>
      okData(
        await s.call<{ id: string }>(
          'response',
          'send',
          { areaId: NODES.grid1, title: '防汛准备', text: '今晚有暴雨，请检查地下车库。', deadline: s.clock.now + 6 * HOUR },
          PEOPLE.staff,
        ),
      ).id;
    const [first, second] = [await send(), await send()];
    expect((await todo(PEOPLE.gridLeader))[0]).toEqual({ key: 'ack', label: '指令待确认', count: leader + 2, urgent: true });
    expect(await countOf(PEOPLE.member, 'ack')).toBe(member + 2);
    // Not sent to a resident, nor to staff of another community.
    expect(await todo(PEOPLE.resident)).toEqual(resident);
    expect(await countOf(PEOPLE.otherStaff, 'ack')).toBe(0);

    // Tapped twice: one less, not two.
    await Promise.all([1, 2].map(() => s.call('response', 'ack', { instructionId: first }, PEOPLE.gridLeader)));
    expect(await countOf(PEOPLE.gridLeader, 'ack')).toBe(leader + 1);
    expect(await countOf(PEOPLE.member, 'ack')).toBe(member + 2);
    okData(await s.call('response', 'reply', { instructionId: second, text: '已检查' }, PEOPLE.gridLeader));
    expect(await countOf(PEOPLE.gridLeader, 'ack')).toBe(leader);
    // An overdue one still waits to be acknowledged: it stays counted.
    s.clock.now += 7 * HOUR;
    expect(await countOf(PEOPLE.member, 'ack')).toBe(member + 2);
    for (const id of [first, second]) okData(await s.call('response', 'ack', { instructionId: id }, PEOPLE.member));
    expect(await countOf(PEOPLE.member, 'ack')).toBe(member);
  });

  it('staff see their own 待评价, and a staff member who is also a 党员 their 待接单', async () => {
    const [toRate, hall] = [await countOf(PEOPLE.gridLeader, 'toRate'), await countOf(STAFF_MEMBER, 'hall')];
    const orderId = await fileOrder(s, {}, PEOPLE.gridLeader);
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
    await act(s, 'pool', { orderId, level: 'grid' }, PEOPLE.staff);
    expect(await countOf(STAFF_MEMBER, 'hall')).toBe(hall + 1);
    // Their staff counts come in the same call.
    expect((await todo(STAFF_MEMBER)).map((i) => i.key)).toContain('toDispatch');
    await act(s, 'claim', { orderId }, PEOPLE.member);
    expect(await countOf(STAFF_MEMBER, 'hall')).toBe(hall);
    await act(s, 'complete', { orderId, note: '已修好' }, PEOPLE.member);
    expect(await todo(PEOPLE.gridLeader)).toContainEqual({ key: 'toRate', label: '待评价', count: toRate + 1, urgent: false });
    await act(s, 'rate', { orderId, stars: 4 }, PEOPLE.gridLeader);
    expect(await countOf(PEOPLE.gridLeader, 'toRate')).toBe(toRate);
  });

  it('待评价 leaves when the order closes unrated after 7 days; a 代为登记 order is not its staff filer’s to rate', async () => {
    const toRate = await countOf(PEOPLE.resident, 'toRate');
    const orderId = await orderIn(s, 'completed');
    expect(await countOf(PEOPLE.resident, 'toRate')).toBe(toRate + 1);
    s.clock.now += 8 * DAY;
    okData(await runTimer(s, 'orders', 'sweep'));
    okData(await runTimer(s, 'effects', 'sweep'));
    expect((await s.store.collection<{ _id: string; status: string }>('orders').get(orderId))?.status).toBe('closed');
    expect(await countOf(PEOPLE.resident, 'toRate')).toBe(toRate);

    const staffRate = await countOf(PEOPLE.gridWorker, 'toRate');
    const behalf = okData(await s.call<{ id: string }>('orders', 'fileOnBehalf', { ...goodOrder(), source: 'phone' }, PEOPLE.gridWorker)).id;
    await act(s, 'triage', { orderId: behalf, colour: 'green' }, PEOPLE.staff);
    await act(s, 'dispatch', { orderId: behalf, memberId: PEOPLE.member }, PEOPLE.staff);
    await act(s, 'accept', { orderId: behalf }, PEOPLE.member);
    await act(s, 'complete', { orderId: behalf, note: '已处理' }, PEOPLE.member);
    expect(await countOf(PEOPLE.gridWorker, 'toRate')).toBe(staffRate);
  });

  it('people stored before the personal counts get them from their records (migration)', async () => {
    const orderId = await orderIn(s, 'completed');
    const want = await countOf(PEOPLE.resident, 'toRate');
    expect(want).toBeGreaterThan(0);
    await s.store.collection('users').updateWhere({ _id: PEOPLE.resident }, { $unset: { toRate: true, unacked: true } });
    expect(await countOf(PEOPLE.resident, 'toRate')).toBe(0);
    expect(await PERSONAL_COUNTS.run(s.store)).toBeGreaterThan(0);
    expect(await countOf(PEOPLE.resident, 'toRate')).toBe(want);
    expect(await PERSONAL_COUNTS.run(s.store)).toBe(0);
    await act(s, 'rate', { orderId, stars: 5 }, PEOPLE.resident);
  });
});
