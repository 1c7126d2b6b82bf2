/**
 * Nobody works or decides their own case (shared/orders/permissions isParty): a member may not claim, be
 * dispatched, complete or rate an order they filed or follow; staff do not triage their own; the page's
 * `can` flags say the same. Also who sees similar orders, who gets a 拨打 button, and claim messages.
 */
import type { OrderCard } from '../../shared/orders/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { act, addSecondMember, detail, fileOrder, goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await addSecondMember(s);
});
afterAll(() => s.close());

const pooled = async (orderId: string) => {
  await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
  await act(s, 'pool', { orderId, level: 'community' }, PEOPLE.staff);
};
const orders = () => s.store.collection<{ _id: string; status: string; holderId: string | null; holderName: string | null }>('orders');
const ledgerFor = (orderId: string) => s.store.collection('points_ledger').find({ sourceType: 'order', sourceId: orderId });
const hall = async (who: string) => okData(await s.call<{ items: OrderCard[] }>('orders', 'hall', {}, who)).items.map((o) => o.id);

describe('a member and their own order', () => {
  it('cannot claim what they filed: refused, not in their hall, no 接单 on the page; another member can', async () => {
    const own = await fileOrder(s, {}, PEOPLE.member);
    await pooled(own);
    expect(errorOf(await s.call('orders', 'claim', { orderId: own }, PEOPLE.member))).toEqual({ code: 'FORBIDDEN', message: '不能接自己提交或跟进的点单' });
    expect((await detail(s, own, PEOPLE.member)).can.claim).toBe(false);
    expect(await hall(PEOPLE.member)).not.toContain(own);
    expect(await hall('u-member-b')).toContain(own);
    expect((await detail(s, own, 'u-member-b')).can.claim).toBe(true);
  });

  it('cannot claim or be dispatched what they follow (+1), nor be offered it in the 派单 list', async () => {
    const orderId = await fileOrder(s);
    okData(await s.call('orders', 'follow', { orderId }, PEOPLE.member));
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
    const candidates = okData(await s.call<{ items: Array<{ id: string }> }>('orders', 'candidates', { orderId }, PEOPLE.staff)).items.map((c) => c.id);
    expect(candidates).toContain('u-member-b');
    expect(candidates).not.toContain(PEOPLE.member);
    expect(errorOf(await s.call('orders', 'dispatch', { orderId, memberId: PEOPLE.member }, PEOPLE.staff))).toEqual({
      code: 'VALIDATION',
      message: '张伟是这个点单的提交人或跟进人，请派给其他党员',
      fields: { memberId: '张伟是这个点单的提交人或跟进人，请派给其他党员' },
    });
    await act(s, 'pool', { orderId, level: 'community' }, PEOPLE.staff);
    expect(errorOf(await s.call('orders', 'claim', { orderId }, PEOPLE.member)).code).toBe('FORBIDDEN');
    await act(s, 'claim', { orderId }, 'u-member-b');
    expect(errorOf(await s.call('orders', 'reassign', { orderId, memberId: PEOPLE.member, reason: '第二位党员出差' }, PEOPLE.staff)).fields).toEqual({
      memberId: '张伟是这个点单的提交人或跟进人，请派给其他党员',
    });
  });

  it('an order that reached its own filer anyway can be neither completed nor rated by them, and earns nothing, not even when it closes unrated', async () => {
    const orderId = await fileOrder(s, {}, PEOPLE.member);
    await pooled(orderId);
    // As older data or a race might have left it: the filer holds their own order.
    await orders().updateWhere({ _id: orderId }, { $set: { status: 'in_progress', holderId: PEOPLE.member, holderName: '张伟' } });
    const working = await detail(s, orderId, PEOPLE.member);
    expect(working.can).toMatchObject({ complete: false, release: true });
    expect(errorOf(await s.call('orders', 'complete', { orderId, note: '已处理好' }, PEOPLE.member))).toEqual({
      code: 'FORBIDDEN',
      message: '不能办结自己提交或跟进的点单，请联系社区改派其他党员',
    });

    await orders().updateWhere({ _id: orderId }, { $set: { status: 'completed', completedAt: s.clock.now } });
    expect((await detail(s, orderId, PEOPLE.member)).can.rate).toBe(false);
    expect(errorOf(await s.call('orders', 'rate', { orderId, stars: 5 }, PEOPLE.member))).toEqual({ code: 'FORBIDDEN', message: '不能评价自己办理的点单' });
    s.clock.now += 8 * 24 * 3600_000;
    okData(await runTimer(s, 'orders', 'sweep'));
    expect((await orders().get(orderId))?.status).toBe('closed');
    expect(await ledgerFor(orderId)).toEqual([]);
  });

  it('a dispatched order that turns out to be the member’s own is declined, not accepted', async () => {
    const orderId = await fileOrder(s, {}, PEOPLE.member);
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
    await orders().updateWhere({ _id: orderId }, { $set: { status: 'assigned', holderId: PEOPLE.member, holderName: '张伟' } });
    expect((await detail(s, orderId, PEOPLE.member)).can).toMatchObject({ accept: false, decline: true });
    expect(errorOf(await s.call('orders', 'accept', { orderId }, PEOPLE.member))).toEqual({ code: 'FORBIDDEN', message: '不能接受自己提交或跟进的点单，请婉拒后由社区改派' });
    await act(s, 'decline', { orderId, reason: '这是我自己提交的' }, PEOPLE.member);
  });
});

describe('staff and their own order', () => {
  it('staff who are also members do not dispatch to themselves; they take it from the pool like anyone', async () => {
    const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
    const staff = await s.store.collection<UserDoc>('users').get(PEOPLE.staff);
    const roles = [...staff!.roles, { role: 'member' as const, areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }];
    await s.store
      .collection<UserDoc>('users')
      .updateWhere({ _id: PEOPLE.staff }, { $set: { roles, roleNames: ['community_staff', 'member'], homePath: c1!.path }, $inc: { rev: 1 } });
    const orderId = await fileOrder(s);
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
    const candidates = okData(await s.call<{ items: Array<{ id: string }> }>('orders', 'candidates', { orderId }, PEOPLE.staff)).items.map((c) => c.id);
    expect(candidates).not.toContain(PEOPLE.staff);
    expect(errorOf(await s.call('orders', 'dispatch', { orderId, memberId: PEOPLE.staff }, PEOPLE.staff)).fields).toEqual({ memberId: '不能派给自己；要办理请在接单大厅接单' });
    await act(s, 'pool', { orderId, level: 'community' }, PEOPLE.staff);
    await act(s, 'claim', { orderId }, PEOPLE.staff);
    await s.store
      .collection<UserDoc>('users')
      .updateWhere({ _id: PEOPLE.staff }, { $set: { roles: staff!.roles, roleNames: staff!.roleNames, homePath: staff!.homePath }, $inc: { rev: 1 } });
  });

  it('a grid worker does not triage the order they filed for their own home; the community does', async () => {
    const orderId = await fileOrder(s, { buildingId: NODES.building1 }, PEOPLE.gridWorker);
    expect((await detail(s, orderId, PEOPLE.gridWorker)).can).toMatchObject({ triage: false, reject: false, note: false });
    expect(errorOf(await s.call('orders', 'triage', { orderId, colour: 'green' }, PEOPLE.gridWorker))).toEqual({
      code: 'FORBIDDEN',
      message: '这是您自己提交或跟进的点单，请由其他工作人员处理',
    });
    expect(errorOf(await s.call('orders', 'reject', { orderId, reason: '不属于受理范围' }, PEOPLE.gridWorker)).code).toBe('FORBIDDEN');
    expect((await detail(s, orderId, PEOPLE.staff)).can.triage).toBe(true);
    await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
  });
});

describe('拨打 reaches someone else', () => {
  it('the resident sees her own number on her order but no call button; staff and the member holding it do get one', async () => {
    const orderId = await fileOrder(s);
    const mine = await detail(s, orderId, PEOPLE.resident);
    expect(mine.contactMobile).toBe(goodOrder().contactMobile);
    expect(mine.can.call).toBe(false);
    expect((await detail(s, orderId, PEOPLE.staff)).can.call).toBe(true);
    await pooled(orderId);
    await act(s, 'claim', { orderId }, PEOPLE.member);
    expect((await detail(s, orderId, PEOPLE.member)).can.call).toBe(true);
    // A neighbour following it sees a masked number and has nobody to call.
    const anonymous = await fileOrder(s, { anonymousToMembers: true });
    await pooled(anonymous);
    await act(s, 'claim', { orderId: anonymous }, PEOPLE.member);
    expect(await detail(s, anonymous, PEOPLE.member)).toMatchObject({ contactMobile: null, can: { call: false } });
  });
});

describe('similar orders', () => {
  it('are shown to the building’s community, and to nobody from another community', async () => {
    const orderId = await fileOrder(s, { category: '安全隐患' });
    const similar = async (who: string) => okData(await s.call<{ items: OrderCard[] }>('orders', 'similar', { buildingId: NODES.building1, category: '安全隐患' }, who)).items;
    for (const who of [PEOPLE.resident, PEOPLE.otherResident, PEOPLE.member, PEOPLE.gridLeader, PEOPLE.staff, PEOPLE.street]) {
      expect((await similar(who)).map((o) => o.id)).toContain(orderId);
    }
    for (const who of [PEOPLE.memberOutOfScope, PEOPLE.otherStaff]) expect(await similar(who)).toEqual([]);
  });
});

describe('what a claim that cannot happen says', () => {
  it('names the real reason: assigned to me, already mine, assigned to another, never pooled, no longer pooled', async () => {
    const claim = async (orderId: string, who: string) => errorOf(await s.call('orders', 'claim', { orderId }, who));
    const dispatched = await fileOrder(s);
    await act(s, 'triage', { orderId: dispatched, colour: 'green' }, PEOPLE.staff);
    await act(s, 'dispatch', { orderId: dispatched, memberId: PEOPLE.member }, PEOPLE.staff);
    expect(await claim(dispatched, PEOPLE.member)).toEqual({ code: 'CONFLICT', message: '该点单已派给您，请点“接受派单”开始办理' });
    await act(s, 'accept', { orderId: dispatched }, PEOPLE.member);
    expect(await claim(dispatched, PEOPLE.member)).toEqual({ code: 'CONFLICT', message: '您已在办理这个点单，不用再接单' });

    // A member who follows an order sees it, so may press 接单 on it in any status.
    const waiting = await fileOrder(s);
    okData(await s.call('orders', 'follow', { orderId: waiting }, 'u-member-b'));
    expect(await claim(waiting, 'u-member-b')).toEqual({ code: 'CONFLICT', message: '该点单还没有派到抢单池，暂时不能接单' });
    await act(s, 'triage', { orderId: waiting, colour: 'green' }, PEOPLE.staff);
    expect(await claim(waiting, 'u-member-b')).toEqual({ code: 'CONFLICT', message: '该点单还没有派到抢单池，暂时不能接单' });
    await act(s, 'dispatch', { orderId: waiting, memberId: PEOPLE.member }, PEOPLE.staff);
    expect(await claim(waiting, 'u-member-b')).toEqual({ code: 'CONFLICT', message: '该点单已派给其他党员' });

    const taken = await fileOrder(s);
    okData(await s.call('orders', 'follow', { orderId: taken }, 'u-member-b'));
    await pooled(taken);
    await act(s, 'claim', { orderId: taken }, PEOPLE.member);
    expect(await claim(taken, 'u-member-b')).toEqual({ code: 'CONFLICT', message: '已被其他党员接单' });
    await act(s, 'complete', { orderId: taken, note: '已处理好' }, PEOPLE.member);
    await act(s, 'rate', { orderId: taken, stars: 5 }, PEOPLE.resident);
    expect(await claim(taken, 'u-member-b')).toEqual({ code: 'CONFLICT', message: '该点单当前为「已完结」，不在抢单池' });
  });
});
