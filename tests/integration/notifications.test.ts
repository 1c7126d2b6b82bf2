/**
 * 站内消息 over HTTP: personal and node messages in one inbox, newest first, paged by "more" (never counted); the
 * unread count against the watermark kept on the caller's record; and the read actions of the staff console,
 * member picker, inbox and 我的积分 held to their requests per call (issue 12), in a warm instance.
 */
import type { MessageDoc } from '../../backend/notifications/outbox';
import type { MessagePage } from '../../shared/notifications/schemas';
import { orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { Meter } from '../support/cost';
import { costMeter } from '../support/cost';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
let requestsOf: Meter;
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured.
  s = await startTestServer({ containers: 1 });
  requestsOf = costMeter(s);
});
afterAll(() => s.close());

const list = async (who: string, page = 1, pageSize = 5) => okData(await s.call<MessagePage>('notifications', 'list', { page, pageSize }, who));
const unread = async (who: string) => okData(await s.call<{ unread: number }>('notifications', 'unread', {}, who)).unread;

let seq = 0;
function message(to: { userId: string } | { areaId: string }, at: number): MessageDoc {
  return {
    _id: `m-test-${++seq}`,
    userId: 'userId' in to ? to.userId : null,
    toAreaId: 'areaId' in to ? to.areaId : null,
    kind: 'progress',
    title: '办理进展',
    body: `第 ${seq} 条`,
    orderId: null,
    createdAt: at,
  };
}

describe('the inbox', () => {
  it('pages personal and node messages newest first, saying whether more follow', async () => {
    const who = PEOPLE.gridLeader;
    await s.call('notifications', 'markRead', {}, who);
    const before = (await list(who, 1, 50)).items.length;
    const base = s.clock.now + 1000;
    // Seven to the person, five to the grid they lead: twelve in one inbox, interleaved in time.
    for (let i = 0; i < 12; i++) await s.store.collection<MessageDoc>('messages').insert(message(i % 2 && i < 10 ? { areaId: NODES.grid1 } : { userId: who }, base + i));
    s.clock.now = base + 100;
    const first = await list(who);
    expect(first.items.map((m) => m.createdAt)).toEqual([11, 10, 9, 8, 7].map((i) => base + i));
    expect(first).toMatchObject({ page: 1, pageSize: 5, more: true, unread: 12 });
    expect(first.items.every((m) => m.unread)).toBe(true);
    const pages = [first, await list(who, 2), await list(who, 3)];
    expect(
      pages
        .flatMap((p) => p.items)
        .slice(0, 12)
        .map((m) => m.createdAt),
    ).toEqual(Array.from({ length: 12 }, (_, i) => base + 11 - i));
    const last = await list(who, Math.ceil((12 + before) / 5));
    expect(last.more).toBe(false);
    expect(last.items.length).toBe((12 + before) % 5 || 5);
    // A resident of the grid is not its staff: no node messages.
    expect((await list(PEOPLE.resident, 1, 50)).items.some((m) => m.body.startsWith('第 '))).toBe(false);
  });

  it('counts unread against the watermark on the caller: marking read clears them, a newer message is the only dot', async () => {
    const who = PEOPLE.gridLeader;
    expect(await unread(who)).toBeGreaterThanOrEqual(12);
    await s.call('notifications', 'markRead', {}, who);
    expect(await unread(who)).toBe(0);
    expect((await list(who)).items.some((m) => m.unread)).toBe(false);
    s.clock.now += 1000;
    await s.store.collection<MessageDoc>('messages').insert(message({ areaId: NODES.grid1 }, s.clock.now));
    expect(await unread(who)).toBe(1);
    const page = await list(who);
    expect(page.unread).toBe(1);
    expect(page.items.map((m) => m.unread)).toEqual([true, false, false, false, false]);
  });
});

describe('requests per read action (warm instance)', () => {
  /** The requests of one call (tests/support/cost.ts). */
  const requests = (fn: 'orders' | 'notifications' | 'points', action: string, data: Record<string, unknown>, who: string) => requestsOf(fn, action, data, who);

  it('the console, the member picker, the member and resident lists, the inbox, 我的积分: at most 3', async () => {
    const triaged = await orderIn(s, 'triaged');
    await orderIn(s, 'pooled');
    await orderIn(s, 'closed');
    const cases: Array<[string, 'orders' | 'notifications' | 'points', string, Record<string, unknown>, string, number]> = [
      ['console', 'orders', 'console', { tab: 'toDispatch' }, PEOPLE.staff, 3],
      ['console of a grid', 'orders', 'console', { tab: 'new', areaId: NODES.grid1 }, PEOPLE.staff, 3],
      ['candidates', 'orders', 'candidates', { orderId: triaged }, PEOPLE.staff, 3],
      ['hall', 'orders', 'hall', {}, PEOPLE.member, 3],
      ['held', 'orders', 'held', {}, PEOPLE.member, 3],
      ['mine', 'orders', 'mine', {}, PEOPLE.resident, 3],
      ['detail', 'orders', 'detail', { orderId: triaged }, PEOPLE.resident, 3],
      ['similar', 'orders', 'similar', { buildingId: NODES.building1, category: '维修' }, PEOPLE.resident, 3],
      ['inbox', 'notifications', 'list', {}, PEOPLE.gridLeader, 3],
      ['unread badge', 'notifications', 'unread', {}, PEOPLE.gridLeader, 2],
      // The caller (with the posts they held), my ledger page and my standing.
      ['我的积分', 'points', 'mine', {}, PEOPLE.member, 3],
    ];
    const over: string[] = [];
    // The first round warms the instance (areas kept per instance); the second is measured.
    for (const round of [0, 1]) {
      for (const [label, fn, action, data, who, most] of cases) {
        const n = await requests(fn, action, data, who);
        if (round === 1 && n > most) over.push(`${label}: ${n} > ${most}`);
      }
    }
    expect(over).toEqual([]);
    expect(s.logged).toEqual([]);
  });
});
