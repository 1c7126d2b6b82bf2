/**
 * AB角, removal hand-over and the node page (issue 16, points 3–4): a 网格长 away has their grid's orders, node messages and
 * console reach their B角 and return when back; removing a member from their role leaves no open order pointing at them,
 * each moved one saying why on its timeline; 一人联十户 lists; refusals name the field or the node in Chinese.
 */
import type { OrderDoc } from '../../backend/orders/repo';
import type { OrderDetail, OrderPage } from '../../shared/orders/schemas';
import type { ConsoleCounts } from '../../shared/orders/schemas';
import type { MessagePage } from '../../shared/notifications/schemas';
import type { HouseholdView, NodeView } from '../../shared/users/deputies';
import { act, addSecondMember, detail, fileOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const call = <T>(action: string, data: Record<string, unknown>, who: string) => s.call<T>('users', action, data, who);
const leaderGrant = { userId: PEOPLE.gridLeader, role: 'grid_leader', areaId: NODES.grid1 };
const consoleOf = (who: string, tab = 'new') => s.call<{ counts: ConsoleCounts; page: OrderPage }>('orders', 'console', { tab, areaId: NODES.grid1 }, who);
const inbox = async (who: string) => okData(await s.call<MessagePage>('notifications', 'list', {}, who)).items;
const nodePage = async (who: string, areaId = NODES.grid1) => okData(await call<NodeView>('node', { areaId }, who));

describe('AB角: 张伟 is the B person of 第一网格’s 网格长 赵强', () => {
  test('naming a deputy is refused to the holder, to a lower role, outside the subtree, and for a far-off or self deputy', async () => {
    const own = errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.member }, PEOPLE.gridLeader));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: '不能给自己设置B角，请由上级设置' });
    const lower = errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.member }, PEOPLE.gridWorker));
    expect(lower.code).toBe('FORBIDDEN');
    expect(lower.message).toContain('「第一网格」的网格长');
    expect(errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.member }, PEOPLE.otherStaff)).message).toContain('不在您的辖区内');
    const same = errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.gridLeader }, PEOPLE.staff));
    expect(same.fields).toEqual({ deputyId: 'B角不能是本人' });
    expect(errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.staff }, PEOPLE.staff)).fields?.deputyId).toBe('不能把自己设为B角，请选其他人员');
    // 周敏 works in 梅川第二居委会 only.
    expect(errorOf(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.otherStaff }, PEOPLE.staff)).fields?.deputyId).toContain('B角须在本网格或本社区已有角色');
    const wrongRole = errorOf(await call('setDeputy', { ...leaderGrant, role: 'grid_worker', deputyId: PEOPLE.member }, PEOPLE.staff));
    expect(wrongRole.fields?.role).toBe('赵强在该区域没有网格员角色');
    const away = errorOf(await call('setAway', { ...leaderGrant, away: true, deputyId: PEOPLE.member }, PEOPLE.gridLeader));
    expect(away.fields?.away).toContain('请先为赵强的网格长设置B角');
  });

  test('community staff name him; the node page shows the deputy', async () => {
    expect(okData(await call('setDeputy', { ...leaderGrant, deputyId: PEOPLE.member }, PEOPLE.staff))).toEqual({ changed: true });
    const page = await nodePage(PEOPLE.staff);
    const leader = page.staff.find((p) => p.id === PEOPLE.gridLeader);
    expect(leader?.roles).toEqual([expect.objectContaining({ roleName: '网格长', deputyName: '张伟', away: false, canManage: true, canMarkAway: true })]);
  });

  test('while 赵强 is away, a new order of his grid reaches 张伟 — console and message — and not him; back, it returns', async () => {
    // Before: 张伟 has no 派单台, 赵强 has.
    expect(errorOf(await consoleOf(PEOPLE.member)).code).toBe('FORBIDDEN');
    expect(okData(await call('setAway', { ...leaderGrant, away: true, deputyId: PEOPLE.member }, PEOPLE.gridLeader))).toEqual({ changed: true });
    // Another person's deputy may not be named in the request.
    expect(errorOf(await call('setAway', { ...leaderGrant, away: false, deputyId: PEOPLE.gridWorker }, PEOPLE.gridLeader)).fields?.deputyId).toContain('B角已换成张伟');

    const orderId = await fileOrder(s, { description: '楼下的路灯不亮了，晚上很黑，请尽快修理一下' });
    expect(okData(await consoleOf(PEOPLE.member)).page.items.map((o) => o.id)).toContain(orderId);
    expect((await inbox(PEOPLE.member)).filter((m) => m.orderId === orderId).map((m) => m.kind)).toEqual(['newOrder']);
    expect((await inbox(PEOPLE.gridLeader)).some((m) => m.orderId === orderId)).toBe(false);
    expect(errorOf(await consoleOf(PEOPLE.gridLeader)).code).toBe('FORBIDDEN');
    // 张伟 acts as 网格长: he triages it.
    expect((await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.member)).status).toBe('triaged');
    const acting = (await nodePage(PEOPLE.staff)).staff.find((p) => p.id === PEOPLE.member);
    expect(acting?.roles).toEqual([expect.objectContaining({ roleName: '网格长', actingForName: '赵强', canManage: false })]);

    // Staff above may mark him back too; here he does it himself.
    expect(okData(await call('setAway', { ...leaderGrant, away: false, deputyId: PEOPLE.member }, PEOPLE.gridLeader))).toEqual({ changed: true });
    const next = await fileOrder(s, { description: '二楼的楼道扶手松动了，老人扶着不安全，请修一下' });
    expect((await inbox(PEOPLE.gridLeader)).filter((m) => m.orderId === next).map((m) => m.kind)).toEqual(['newOrder']);
    expect((await inbox(PEOPLE.member)).some((m) => m.orderId === next)).toBe(false);
    expect(errorOf(await consoleOf(PEOPLE.member)).code).toBe('FORBIDDEN');
    expect(okData(await consoleOf(PEOPLE.gridLeader)).page.items.map((o) => o.id)).toContain(next);
    expect(okData(await consoleOf(PEOPLE.gridLeader, 'toDispatch')).page.items.map((o) => o.id)).toContain(orderId);
  });

  test('someone with no say over the grant cannot mark it away', async () => {
    const e = errorOf(await call('setAway', { ...leaderGrant, away: true, deputyId: PEOPLE.member }, PEOPLE.gridWorker));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('「第一网格」的网格长');
  });
});

describe('removing 张伟 from 在职党员 hands over every open order he holds', () => {
  const memberGrant = { userId: PEOPLE.member, role: 'member', areaId: NODES.community1 };
  let toDeputy: string[];
  let back: string;

  beforeAll(async () => {
    await addSecondMember(s);
    okData(await call('setDeputy', { ...memberGrant, deputyId: 'u-member-b' }, PEOPLE.staff));
    const dispatched = async (who: string = PEOPLE.resident) => {
      const id = await fileOrder(s, {}, who);
      await act(s, 'triage', { orderId: id, colour: 'yellow' }, PEOPLE.staff);
      await act(s, 'dispatch', { orderId: id, memberId: PEOPLE.member }, PEOPLE.staff);
      return id;
    };
    const a = await dispatched();
    const b = await dispatched();
    await act(s, 'accept', { orderId: b }, PEOPLE.member);
    back = await dispatched(PEOPLE.resident);
    // The B person follows this one (我也遇到): nobody takes an order they are party to, so it goes back to staff.
    await s.store.collection<OrderDoc>('orders').updateWhere({ _id: back }, { $push: { followers: 'u-member-b' }, $inc: { followerCount: 1 } });
    toDeputy = [a, b];
  });

  test('the revoke is refused to someone outside the subtree, then done by the community', async () => {
    const outside = errorOf(await call('revokeRole', { ...memberGrant, reason: '已搬离本社区' }, PEOPLE.otherStaff));
    expect(outside.code).toBe('FORBIDDEN');
    expect(okData(await call('revokeRole', { ...memberGrant, reason: '已搬离本社区' }, PEOPLE.staff))).toEqual({ changed: true });
  });

  test('no open order points at him any more', async () => {
    const open = await s.store.collection<OrderDoc>('orders').find({ holderId: PEOPLE.member, status: { $in: ['assigned', 'in_progress'] } });
    expect(open).toEqual([]);
  });

  test('two went to his B角, the one the B角 follows back to 待派单; each timeline says why', async () => {
    for (const id of toDeputy) {
      const d: OrderDetail = await detail(s, id);
      expect(d.status).toBe('assigned');
      expect(d.holderName).toBe('第二位党员');
      expect(d.timeline.at(-1)).toMatchObject({ action: '改派给党员第二位党员', note: '张伟已不再担任在职党员，改派给B角' });
    }
    const d = await detail(s, back);
    expect(d.status).toBe('triaged');
    expect(d.holderName).toBeNull();
    expect(d.timeline.at(-1)?.action).toBe('张伟已不再担任在职党员，退回待派单');
    // The grid's staff are told it is theirs again.
    expect((await inbox(PEOPLE.gridLeader)).filter((m) => m.orderId === back).map((m) => m.kind)).toContain('handedOver');
  });
});

describe('一人联十户', () => {
  beforeAll(async () => {
    okData(await call('grantRole', { userId: PEOPLE.resident, role: 'liaison', areaId: NODES.grid1 }, PEOPLE.staff));
  });
  const liaison = { userId: PEOPLE.resident, role: 'liaison', areaId: NODES.grid1 };

  test('a resident of another grid cannot be linked; the field is named', async () => {
    const e = errorOf(await call('linkHouseholds', { ...liaison, residentIds: [PEOPLE.gridWorker, PEOPLE.otherResident] }, PEOPLE.staff));
    expect(e.fields).toEqual({ residentIds: '李建国不住在该联络员负责的区域内' });
    expect(errorOf(await call('linkHouseholds', { ...liaison, residentIds: [PEOPLE.gridWorker] }, PEOPLE.otherStaff)).code).toBe('FORBIDDEN');
  });

  test('staff link two households; the liaison sees them with their phones, others have no list', async () => {
    expect(okData(await call('linkHouseholds', { ...liaison, residentIds: [PEOPLE.gridWorker, PEOPLE.gridLeader] }, PEOPLE.staff))).toEqual({ households: 2 });
    const items = okData(await call<{ items: HouseholdView[] }>('myHouseholds', {}, PEOPLE.resident)).items;
    expect(items.map((h) => [h.name, h.mobile])).toEqual([
      ['陈静', '13900001005'],
      ['赵强', '13900001006'],
    ]);
    expect(items[0]?.homeTrail).toContain('第一网格');
    expect(errorOf(await call('myHouseholds', {}, PEOPLE.otherResident)).message).toBe('只有微网格联络员有联系住户名单');
    const page = await nodePage(PEOPLE.staff);
    expect(page.staff.find((p) => p.id === PEOPLE.resident)?.roles).toEqual([expect.objectContaining({ roleName: '微网格联络员', households: 2 })]);
  });
});

describe('the node page', () => {
  test('staff of the community see the grid’s staff first and its members; others are told why not', async () => {
    const page = await nodePage(PEOPLE.staff);
    expect(page.node).toMatchObject({ id: NODES.grid1, name: '第一网格' });
    expect(page.staff.slice(0, 2).map((p) => p.name)).toEqual(['赵强', '陈静']);
    expect(page.staff[0]?.mobileMasked).toMatch(/^139\*\*\*\*\d{4}$/);
    const other = errorOf(await call('node', { areaId: NODES.grid1 }, PEOPLE.otherStaff));
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: '「第一网格」不在您的辖区内，不能查看该网格的人员' });
    expect(errorOf(await call('node', { areaId: NODES.community1 }, PEOPLE.gridWorker)).message).toContain('不在您的辖区内');
    expect(errorOf(await call('node', { areaId: '' }, PEOPLE.staff)).fields).toHaveProperty('areaId');
  });
});

describe('removing the last people in charge of 第一网格 hands its orders up to the community', () => {
  let yellow: string;
  let fresh: string;
  beforeAll(async () => {
    yellow = await fileOrder(s, { description: '3号楼的下水道堵了，污水漫到楼道里了，请安排人疏通' });
    await act(s, 'triage', { orderId: yellow, colour: 'yellow' }, PEOPLE.staff);
    fresh = await fileOrder(s, { description: '4号楼的单元门关不上了，陌生人随便进出，请修一下' });
  });

  test('the 网格长 goes: his yellow order goes up (nobody else there is 网格长); the new one stays with the 网格员', async () => {
    okData(await call('revokeRole', { ...leaderGrant, reason: '调往其他街道' }, PEOPLE.staff));
    // 黄 is the 网格长's: nobody on the grid holds that role any more, so it goes up; the new order is any grid staff's.
    expect((await detail(s, yellow)).timeline.at(-1)?.action).toBe('赵强已不再担任网格长，第一网格暂无其他人负责，转交上一级');
    const stored = await s.store.collection<OrderDoc>('orders').get(fresh);
    expect(stored?.owner?.areaId).toBe(NODES.grid1);
  });

  test('when the 网格员 goes too, no open order is owned by the grid; each says why and the community is told', async () => {
    okData(await call('revokeRole', { userId: PEOPLE.gridWorker, role: 'grid_worker', areaId: NODES.grid1, reason: '辞职' }, PEOPLE.staff));
    const owned = (await s.store.collection<OrderDoc>('orders').find({ status: { $in: ['new', 'triaged', 'pooled', 'assigned', 'in_progress', 'completed', 'reopened'] } })).filter(
      (o) => o.owner?.areaId === NODES.grid1,
    );
    expect(owned).toEqual([]);
    const d = await detail(s, fresh);
    expect(d.timeline.at(-1)?.action).toBe('陈静已不再担任网格员，第一网格暂无其他人负责，转交上一级');
    expect((await s.store.collection<OrderDoc>('orders').get(fresh))?.owner?.areaId).toBe(NODES.community1);
    expect((await inbox(PEOPLE.staff)).filter((m) => m.orderId === fresh).map((m) => m.kind)).toContain('handedOver');
  });
});
