/**
 * 待办 on the home page (users.todo, issue 13 point 2): each role sees its counts, a count moves with the action
 * that should move it, staff count only their own subtree, 超时 comes first, zeros are left out; and the call stays
 * within 3 database requests on a warm instance (tests/support/cost.ts).
 */
import type { TodoKey, TodoView } from '../../shared/users/schemas';
import { costMeter } from '../support/cost';
import { DAY, act, fileOrder } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1 });
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

  it('answers within 3 database requests on a warm instance, for staff, a member and a resident', async () => {
    const requestsOf = costMeter(s);
    const who = [PEOPLE.staff, PEOPLE.gridLeader, PEOPLE.member, PEOPLE.resident];
    for (const w of who) await requestsOf('users', 'todo', {}, w);
    const warm: Record<string, number> = {};
    for (const w of who) warm[w] = await requestsOf('users', 'todo', {}, w);
    // The caller, the order group, the unread count: each person's call makes exactly those three.
    expect(warm).toEqual(Object.fromEntries(who.map((w) => [w, 3])));
    expect(s.logged).toEqual([]);
  });
});
