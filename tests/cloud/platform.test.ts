/**
 * What only the cloud path can show, on the simulator running the deployable bundles: the platform decides who
 * is the system, WeChat pushes reach a member (or a node's staff) who consented (with the template's own fields, to a real page),
 * the deploy settings are what the containers run with, and each invocation's database requests are counted.
 */
import type { MessageDoc } from '../../backend/notifications/outbox';
import { simOpenid } from '../../local/cloudsim/gateway';
import type { OrderDetail } from '../../shared/orders/schemas';
import { act, fileOrder, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  if (!s.sim) throw new Error('tests/cloud runs in cloud mode only (WG_TEST_BACKEND=cloud)');
});
afterAll(() => s.close());

const sim = () => s.sim!;

describe('identity comes from the platform, never from the payload', () => {
  test('a resident whose payload says it is a timer is still the resident: the sweep is refused', async () => {
    const forged = await s.call('orders', 'sweep', { Type: 'Timer', TriggerName: 'sweep' }, PEOPLE.resident);
    expect(errorOf(forged).code).toBe('FORBIDDEN');
    const raw = await sim().invoke('orders', { kind: 'call', openid: simOpenid(sim().envId, PEOPLE.resident), appid: sim().appid, event: { Type: 'Timer', TriggerName: 'sweep' } });
    expect(raw.ok && (raw.result as { ok: boolean }).ok).toBe(false);
  });

  test('the timer trigger runs the sweep as the system', async () => {
    const r = await sim().fireTimer('orders', 'sweep');
    expect(r).toMatchObject({ ok: true, result: { ok: true } });
    expect(r.row).toMatchObject({ fn: 'orders', action: 'timer:sweep', outcome: 'ok' });
  });

  test('a call with no WeChat identity at all learns nothing', async () => {
    const r = await sim().invoke('orders', { kind: 'call', openid: '', appid: sim().appid, event: { action: 'hall', data: {} } });
    expect(r).toMatchObject({ ok: true, result: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    // Refused before any database request.
    expect(r.row.reads + r.row.writes).toBe(0);
  });
});

describe('subscribe messages', () => {
  const templateOf = (kind: string) => sim().wechat.templateEnv().get(`WG_TEMPLATE_${kind.toUpperCase()}`);

  test("a member who consented on their own tap gets the 派单 push: the template's fields, a page that exists; without consent none", async () => {
    const dispatched = templateOf('dispatched');
    expect(dispatched).toBeTruthy();
    const openid = simOpenid(sim().envId, PEOPLE.member);
    await s.call('users', 'me', {}, PEOPLE.member); // the member has opened the app
    sim().wechat.consent(openid, [dispatched!]);
    const before = sim().wechat.sent().length;
    const id = await orderIn(s, 'triaged');
    await act(s, 'dispatch', { orderId: id, memberId: PEOPLE.member }, PEOPLE.staff);
    const pushed = sim()
      .wechat.sent()
      .slice(before)
      .filter((m) => m.touser === openid);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ template_id: dispatched, page: expect.stringContaining(id) });
    const template = sim()
      .wechat.templates()
      .find((t) => t.id === dispatched)!;
    expect(Object.keys(pushed[0]!.data).sort()).toEqual(Object.keys(template.fields).sort());
    // One consent, one message: the next dispatch is answered 43101 by WeChat and only the in-app message remains.
    const second = await orderIn(s, 'triaged');
    okData(await s.call<OrderDetail>('orders', 'dispatch', { orderId: second, memberId: PEOPLE.member }, PEOPLE.staff));
    expect(
      sim()
        .wechat.sent()
        .slice(before)
        .filter((m) => m.touser === openid),
    ).toHaveLength(1);
    expect(s.logged).toEqual([]);
  });

  test("a message to a grid reaches its 网格长 who consented on his own tap; the in-app message stays the grid's", async () => {
    const newOrder = templateOf('newOrder');
    expect(newOrder).toBeTruthy();
    const leader = simOpenid(sim().envId, PEOPLE.gridLeader);
    await s.call('users', 'me', {}, PEOPLE.gridLeader);
    sim().wechat.consent(leader, [newOrder!]);
    const before = sim().wechat.sent().length;
    const id = await fileOrder(s);
    const pushed = sim().wechat.sent().slice(before);
    expect(pushed.filter((m) => m.touser === leader)).toHaveLength(1);
    // The grid's 网格员 has not consented: nothing else goes out.
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ template_id: newOrder, page: expect.stringContaining(id) });
    const template = sim()
      .wechat.templates()
      .find((t) => t.id === newOrder)!;
    expect(Object.keys(pushed[0]!.data).sort()).toEqual(Object.keys(template.fields).sort());
    const inApp = await s.store.collection<MessageDoc>('messages').find({ orderId: id, kind: 'newOrder' });
    expect(inApp.map((m) => [m.toAreaId, m.userId])).toEqual([[NODES.grid1, null]]);
    expect(s.logged).toEqual([]);
  });
});

describe("the scan page's building search on CloudBase", () => {
  test('areas.search finds a building by part of its name, case-insensitively, and treats regex characters as text', async () => {
    const found = okData(await s.call<{ items: Array<{ id: string }> }>('areas', 'search', { q: '1号楼', withinId: NODES.grid1, limit: 50 }, PEOPLE.resident));
    expect(found.items.map((a) => a.id)).toContain(NODES.building1);
    const none = okData(await s.call<{ items: unknown[] }>('areas', 'search', { q: '.*', withinId: NODES.grid1, limit: 50 }, PEOPLE.resident));
    expect(none.items).toEqual([]);
  });
});

describe('metering', () => {
  test('/__sim/stats names each invocation with its function, action and database requests', async () => {
    await s.call('orders', 'hall', {}, PEOPLE.member);
    const res = await fetch(`${s.url}/__sim/stats?fn=orders`);
    const { invocations } = (await res.json()) as { invocations: Array<{ action: string; reads: number; writes: number; outcome: string }> };
    const hall = invocations.filter((r) => r.action === 'hall').pop();
    expect(hall).toMatchObject({ outcome: 'ok', writes: 0 });
    expect(hall!.reads).toBeGreaterThan(0);
    const info = (await (await fetch(`${s.url}/__sim/info`)).json()) as { apiUrl: string; envId: string };
    expect(info).toMatchObject({ envId: sim().envId, apiUrl: `${sim().apiUrl}/admin` });
  });
});
