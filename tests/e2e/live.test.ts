/**
 * Live screens (issue 13 point 3), in Chromium at 375×812: what others do reaches an open page without a reload. The
 * page's clock is installed so a poll is one fast-forward (no real waiting); without the poll the page never changes.
 * Lists too: the 派单台 (like 我的点单 and the 接单大厅) shows an order filed meanwhile.
 */
import type { Browser, Page } from 'playwright-core';
import { buildingId } from '../../local/seed';
import { goodRegistration, pendingRegistration } from '../support/members';
import { act, fileOrder } from '../support/orders';
import { declare } from '../support/points';
import { postWish } from '../support/wishes';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { waitStatus } from './orderPages';

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const WAIT = { timeout: 15000 };
/** The poll interval of miniprogram/src/utils/useLive.ts (LIVE_MS). */
const POLL = 20_000;

/** A 375×812 phone with the page clock installed (time runs on its own until fast-forwarded), signed in as `name`. */
async function livePhone(name: string): Promise<Page> {
  const page = await smallPhone(browser);
  await page.clock.install({ time: s.clock.now });
  await signInAs(page, s.url, name);
  return page;
}

/** Waits until a tile's badge reads exactly `n`. */
const waitBadge = (page: Page, tile: string, n: number) =>
  page
    .locator(`#${tile}-badge`)
    .filter({ hasText: new RegExp(`^\\s*${n}\\s*$`) })
    .waitFor(WAIT);

async function approve(who: string, building: string, name: string, mobile: string): Promise<void> {
  const reg = okData(await s.call<{ id: string }>('members', 'register', goodRegistration(building, { name, mobile }), who));
  okData(await s.call('members', 'approve', { registrationId: reg.id }, PEOPLE.staff));
}

describe('live screens', () => {
  it('a resident’s open order detail moves from 待分拣 to 待派单 after staff triage, without a reload', async () => {
    const orderId = await fileOrder(s);
    const page = await livePhone('王秀英');
    // Opened by taps (a page loaded straight from its URL stays hidden under Playwright's installed clock).
    await page.locator('#entry-my-orders').click();
    await page.locator('#my-orders').getByText('待分拣').first().click();
    await waitStatus(page, '待分拣');
    expect(page.url()).toContain(orderId);

    await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
    await page.clock.fastForward(POLL);
    await waitStatus(page, '待派单');
    // Then the member's claim arrives the same way.
    await act(s, 'pool', { orderId, level: 'grid' }, PEOPLE.staff);
    await act(s, 'claim', { orderId }, PEOPLE.member);
    await page.clock.fastForward(POLL);
    await waitStatus(page, '处理中');
    await screenshot(page, 'live-order-detail');
    await page.context().close();
  });

  it('staff on the 派单台 see an order filed meanwhile at the next poll, without a reload', async () => {
    const page = await livePhone('孙丽');
    await page.locator('#entry-console').click();
    await page.locator('#console-orders').waitFor(WAIT);
    const text = '5号楼电梯按钮失灵，老人下不了楼';
    expect(await page.locator('#console-orders').getByText(text).count()).toBe(0);

    await fileOrder(s, { description: text });
    await page.clock.fastForward(POLL);
    await page.locator('#console-orders').getByText(text).first().waitFor(WAIT);
    await page.context().close();
  });

  it('a resident approved as 在职党员 while on home sees the member home at the next poll', async () => {
    const page = await livePhone('李建国');
    await page.locator('#entry-register').waitFor(WAIT);
    expect(await page.locator('#entry-hall').count()).toBe(0);

    await approve(PEOPLE.otherResident, buildingId(C1, 2, 3), '李建国', '13912340002');
    await page.clock.fastForward(POLL);
    await page.locator('#entry-hall').waitFor(WAIT);
    await page.locator('#entry-certificate').waitFor(WAIT);
    await screenshot(page, 'live-member-home');
    await page.context().close();
  });

  it('a resident approved while on another page sees the member home on return', async () => {
    const page = await livePhone('王秀英');
    await page.locator('#entry-register').waitFor(WAIT);
    await page.locator('#entry-my-orders').click();
    await page.locator('#mine-tabs').waitFor(WAIT);

    await approve(PEOPLE.resident, NODES.building1, '王秀英', '13912340001');
    await page.goBack();
    await page.locator('#entry-hall').waitFor(WAIT);
    await page.context().close();
  });

  it('staff tiles carry what waits behind them (派单台, 报到审核, 心愿审核, 积分核实, 积分汇总), and a new one shows at the next poll', async () => {
    const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!.path;
    const under = { path: { $prefix: c1 } };
    await fileOrder(s);
    await pendingRegistration(s, NODES.building1);
    await postWish(s);
    const forwarded = await declare(s);
    okData(await s.call('points', 'forward', { declarationIds: [forwarded] }, PEOPLE.gridLeader));
    await declare(s);
    const count = (name: string, filter: object) => s.store.collection(name).count({ ...under, ...filter });
    const want = {
      'entry-console': (await count('orders', { status: 'new' })) + (await count('orders', { status: { $in: ['triaged', 'reopened'] } })),
      'entry-member-review': await count('registrations', { status: 'pending' }),
      'entry-wish-review': await count('wishes', { status: 'pending' }),
      'entry-points-verify': await count('points_declarations', { status: 'forwarded' }),
    };
    expect(Object.values(want).every((n) => n > 0)).toBe(true);

    const page = await livePhone('孙丽');
    for (const [tile, n] of Object.entries(want)) await waitBadge(page, tile, n);
    await screenshot(page, 'live-staff-tiles');
    await pendingRegistration(s, NODES.building1);
    await page.clock.fastForward(POLL);
    await waitBadge(page, 'entry-member-review', want['entry-member-review'] + 1);
    await page.context().close();

    const leader = await livePhone('赵强');
    await waitBadge(leader, 'entry-points-review', await s.store.collection('points_declarations').count({ status: 'declared', gridPath: { $prefix: c1 } }));
    await leader.context().close();
  });
});
