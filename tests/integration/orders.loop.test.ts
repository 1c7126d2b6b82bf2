/** The whole loop through the HTTP server: 点单 → 分拣 → 派单/抢单 → 接单 → 办结 → 评单 → 积分, and its side paths. */
import type { MessagePage } from '../../shared/notifications/schemas';
import type { OrderPage } from '../../shared/orders/schemas';
import type { MyPointsView } from '../../shared/points/schemas';
import { DAY, act, detail, fileOrder, orderIn, uploadPhoto } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, PHOTO_URL, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const sweep = () => runTimer(s, 'orders', 'sweep');
const inbox = async (who: string) => okData(await s.call<MessagePage>('notifications', 'list', {}, who));
const points = async (who: string) => okData(await s.call<MyPointsView>('points', 'mine', {}, who));

describe('the happy loop', () => {
  it('resident files with a photo → 黄 → grid pool → member claims, progresses, completes → resident rates 5 → points', async () => {
    const photo = await uploadPhoto(s);
    const id = await fileOrder(s, { photos: [photo] });
    const filed = await detail(s, id, PEOPLE.resident);
    expect(filed).toMatchObject({ status: 'new', statusName: '待分拣', place: '第一网格 · 1号楼', contactMobile: '13912345678' });
    expect(filed.photoUrls[0]).toMatch(PHOTO_URL);
    expect((await fetch(fetchable(s, filed.photoUrls[0]!))).status).toBe(200);
    expect((await inbox(PEOPLE.gridLeader)).items[0]).toMatchObject({ kind: 'newOrder', orderId: id });

    expect(await act(s, 'triage', { orderId: id, colour: 'yellow' }, PEOPLE.gridLeader)).toEqual({ id, status: 'triaged' });
    const triaged = await detail(s, id);
    expect(triaged.resolveBy! - triaged.respondBy!).toBe(68 * 3600_000); // 黄: respond 4 h, resolve 72 h
    await act(s, 'pool', { orderId: id, level: 'grid' }, PEOPLE.staff);

    const hall = okData(await s.call<OrderPage>('orders', 'hall', {}, PEOPLE.member));
    expect(hall.items.map((o) => o.id)).toContain(id);
    const asMember = await detail(s, id, PEOPLE.member);
    expect(asMember.contactMobile).toBe('139****5678');
    expect(asMember.can.claim).toBe(true);

    await act(s, 'claim', { orderId: id }, PEOPLE.member);
    expect((await detail(s, id, PEOPLE.member)).contactMobile).toBe('13912345678');
    await act(s, 'progress', { orderId: id, note: '已买好灯泡，明天上午上门' }, PEOPLE.member);
    await act(s, 'complete', { orderId: id, note: '灯已修好', photos: [await uploadPhoto(s, PEOPLE.member)] }, PEOPLE.member);

    const kinds = (await inbox(PEOPLE.resident)).items.filter((m) => m.orderId === id).map((m) => m.kind);
    expect(kinds).toEqual(['completed', 'progress', 'claimed']);
    await act(s, 'rate', { orderId: id, stars: 5, comment: '很及时，谢谢' }, PEOPLE.resident);

    const done = await detail(s, id, PEOPLE.resident);
    expect(done).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '很及时，谢谢' } });
    expect(done.timeline.map((t) => t.action)).toEqual(['提交点单', '分拣为黄色', '派到网格抢单池', '接单', '更新进展', '办结', '确认并评价']);
    expect(done.timeline.map((t) => t.actorName)).toEqual(['王秀英', '赵强', '孙丽', '张伟', '张伟', '张伟', '王秀英']);
    const mine = await points(PEOPLE.member);
    expect(mine.entries).toEqual([expect.objectContaining({ delta: 5, sourceId: id, note: '黄色点单 3 分，按时办结 +1，五星好评 +1' })]);
    expect(mine.total).toBe(5);
  });
});

describe('side paths', () => {
  it('reject: the resident sees the reason', async () => {
    const id = await fileOrder(s);
    await act(s, 'reject', { orderId: id, reason: '属于物业维修范围，已转物业' }, PEOPLE.gridWorker);
    expect(await detail(s, id, PEOPLE.resident)).toMatchObject({ status: 'rejected', rejectReason: '属于物业维修范围，已转物业' });
    expect((await inbox(PEOPLE.resident)).items[0]).toMatchObject({ kind: 'rejected', body: '属于物业维修范围，已转物业' });
  });

  it('cancel works until a member takes it, then CONFLICT', async () => {
    const pooled = await orderIn(s, 'pooled');
    expect(await act(s, 'cancel', { orderId: pooled }, PEOPLE.resident)).toMatchObject({ status: 'cancelled' });
    const taken = await orderIn(s, 'in_progress');
    expect(errorOf(await s.call('orders', 'cancel', { orderId: taken }, PEOPLE.resident)).code).toBe('CONFLICT');
  });

  it('decline returns a dispatched order to staff; dispatch again works', async () => {
    const id = await orderIn(s, 'assigned');
    expect((await inbox(PEOPLE.member)).items[0]).toMatchObject({ kind: 'dispatched', orderId: id });
    await act(s, 'decline', { orderId: id, reason: '这周出差，来不及' }, PEOPLE.member);
    const back = await detail(s, id);
    expect(back).toMatchObject({ status: 'triaged', holderName: null });
    expect((await inbox(PEOPLE.gridLeader)).items[0]).toMatchObject({ kind: 'declined', body: '张伟：这周出差，来不及' });
    await act(s, 'dispatch', { orderId: id, memberId: PEOPLE.member }, PEOPLE.staff);
    await act(s, 'accept', { orderId: id }, PEOPLE.member);
    expect((await detail(s, id)).status).toBe('in_progress');
    // A dispatched order goes back to staff, not to the pool.
    expect((await detail(s, id, PEOPLE.member)).can).toMatchObject({ release: false, complete: true });
    expect(errorOf(await s.call('orders', 'release', { orderId: id, reason: '来不及了' }, PEOPLE.member)).code).toBe('CONFLICT');
  });

  it('release puts a claimed order back in the pool for someone else', async () => {
    const id = await orderIn(s, 'in_progress');
    await act(s, 'release', { orderId: id, reason: '需要专业电工，我处理不了' }, PEOPLE.member);
    expect(await detail(s, id)).toMatchObject({ status: 'pooled', holderName: null });
    expect(okData(await s.call<OrderPage>('orders', 'hall', {}, PEOPLE.member)).items.map((o) => o.id)).toContain(id);
  });

  it('a rating of 2 reopens it to staff with the comment; staff close it with an explanation; no points', async () => {
    const id = await orderIn(s, 'reopened');
    const reopened = await detail(s, id);
    expect(reopened.status).toBe('reopened');
    expect(reopened.timeline.at(-1)).toMatchObject({ action: '评价不满意，申请重办', note: '2 星：灯又坏了' });
    expect((await inbox(PEOPLE.gridLeader)).items[0]).toMatchObject({ kind: 'reopened' });
    await act(s, 'closeReopened', { orderId: id, explanation: '已联系物业更换整条线路' }, PEOPLE.staff);
    expect((await detail(s, id, PEOPLE.resident)).status).toBe('closed');
    expect((await points(PEOPLE.member)).entries.map((e) => e.sourceId)).not.toContain(id);
  });

  it('overdue: the sweep escalates one level up, notifies, shows in 已超时, and is idempotent', async () => {
    const id = await orderIn(s, 'pooled');
    s.clock.now += 5 * 3600_000; // 黄 must be taken within 4 h
    const [a, b] = await Promise.all([sweep(), sweep()]);
    const total = [a, b].map((r) => (r.ok ? (r.data as { escalated: number }).escalated : -1));
    expect(total.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    const order = await detail(s, id);
    expect(order.overdue).toBe(true);
    expect(order.timeline.filter((t) => t.action.startsWith('超时未响应'))).toHaveLength(1);
    expect((await inbox(PEOPLE.staff)).items.some((m) => m.kind === 'overdue' && m.orderId === id)).toBe(true);
    const overdueTab = okData(await s.call<{ page: OrderPage }>('orders', 'console', { tab: 'overdue' }, PEOPLE.staff));
    expect(overdueTab.page.items.map((o) => o.id)).toContain(id);
    const again = await sweep();
    expect(again.ok && (again.data as { escalated: number }).escalated).toBe(0);
  });

  it('a completed order unrated for 7 days closes as 未评价 and still credits the member once', async () => {
    const id = await orderIn(s, 'completed');
    s.clock.now += 8 * DAY;
    await Promise.all([sweep(), sweep()]);
    const order = await detail(s, id, PEOPLE.resident);
    expect(order.status).toBe('closed');
    expect(order.timeline.at(-1)?.action).toContain('自动办结（未评价）');
    expect((await points(PEOPLE.member)).entries.filter((e) => e.sourceId === id)).toHaveLength(1);
  });

  it('+1 我也遇到: similar orders are suggested and a follower gets the same news', async () => {
    const id = await orderIn(s, 'pooled');
    const similar = okData(await s.call<{ items: Array<{ id: string }> }>('orders', 'similar', { buildingId: NODES.building1, category: '维修' }, PEOPLE.otherResident));
    expect(similar.items.map((o) => o.id)).toContain(id);
    expect(okData(await s.call<{ followerCount: number }>('orders', 'follow', { orderId: id }, PEOPLE.otherResident)).followerCount).toBe(1);
    expect(okData(await s.call<{ followerCount: number }>('orders', 'follow', { orderId: id }, PEOPLE.otherResident)).followerCount).toBe(1);
    expect(okData(await s.call<OrderPage>('orders', 'mine', {}, PEOPLE.otherResident)).items.map((o) => o.id)).toContain(id);
    await act(s, 'claim', { orderId: id }, PEOPLE.member);
    expect((await inbox(PEOPLE.otherResident)).items[0]).toMatchObject({ kind: 'claimed', orderId: id });
    const asFollower = await detail(s, id, PEOPLE.otherResident);
    expect(asFollower.contactMobile).toBe('139****5678');
  });

  it('the unread badge counts new messages until they are marked read', async () => {
    const before = okData(await s.call<{ unread: number }>('notifications', 'unread', {}, PEOPLE.resident)).unread;
    expect(before).toBeGreaterThan(0);
    okData(await s.call('notifications', 'markRead', {}, PEOPLE.resident));
    expect(okData(await s.call<{ unread: number }>('notifications', 'unread', {}, PEOPLE.resident)).unread).toBe(0);
  });
});
