/** In Chromium at 375×812: the home page's 待办 shows each person's counts and taps through to where they are worked off. */
import type { Browser, Page } from 'playwright-core';
import type { TodoView } from '../../shared/users/schemas';
import { fileOrder, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot } from './browser';
import { signedIn, waitText } from './orderPages';

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
const orders = () => s.store.collection<{ _id: string; status: string; path: string; createdBy: string }>('orders');

/** Waits until the element's whole text is `text` (a count of 12 is not 1). */
const waitExact = (page: Page, selector: string, text: string) =>
  page.waitForFunction(([sel, want]) => document.querySelector(sel!)?.textContent?.trim() === want, [selector, text] as const, WAIT);

async function phone(name: string): Promise<Page> {
  const page = await signedIn(browser, s.url, name);
  await page.setViewportSize({ width: 375, height: 812 });
  return page;
}

describe('待办 on the home page', () => {
  it('staff see 待分拣 N first thing, tap through to the 派单台, and find the count grown when they come back', async () => {
    await fileOrder(s);
    const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!.path;
    const waiting = await orders().count({ status: 'new', path: { $prefix: c1 } });
    expect(waiting).toBeGreaterThan(0);

    const page = await phone('孙丽');
    await waitText(page, '#todo-new', `待分拣 ${waiting}`);
    // At the top: above the entry grids.
    const [todo, grid] = [await page.locator('#home-todo').boundingBox(), await page.locator('#order-entries .order-entries__group').first().boundingBox()];
    expect(todo!.y).toBeLessThan(grid!.y);
    await screenshot(page, 'home-todo-staff');

    await page.locator('#todo-new').click();
    await page.locator('#console-orders').waitFor(WAIT);
    expect(page.url()).toContain('/staff/pages/console/index?tab=new');

    await fileOrder(s);
    // Back by the app's own 返回 (the h5 bar; browser back is navigation.test's), then home refreshes on show.
    await page.locator('#h5-nav-back').click();
    await waitText(page, '#todo-new', `待分拣 ${waiting + 1}`);
    await page.context().close();
  });

  it('急时 comes before the counts', async () => {
    okData(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'emergency', reason: '台风过境' }, PEOPLE.staff));
    const page = await phone('孙丽');
    await page.locator('#emergency-banner').waitFor(WAIT);
    await page.locator('#home-todo').waitFor(WAIT);
    const [banner, todo] = [await page.locator('#emergency-banner').boundingBox(), await page.locator('#home-todo').boundingBox()];
    expect(banner!.y + banner!.height).toBeLessThanOrEqual(todo!.y);
    await screenshot(page, 'home-todo-emergency');
    okData(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'normal', reason: '台风已过' }, PEOPLE.staff));
    await page.context().close();
  });

  it('a 一键响应 not yet acknowledged comes first, badges the 待办 tab, opens 我收到的指令, and leaves once 收到', async () => {
    const sent = okData(
      await s.call<{ id: string }>(
        'response',
        'send',
        { areaId: NODES.grid1, title: '楼道杂物清理', text: '本周末前请排查楼道堆物。', deadline: s.clock.now + 6 * 3600_000 },
        PEOPLE.staff,
      ),
    ).id;
    const open = await s.store.collection('receipts').count({ userId: PEOPLE.gridLeader, ackedAt: null });
    const page = await phone('赵强');
    await waitExact(page, '#todo-ack', `指令待确认 ${open}`);
    // First among the counts, marked urgent.
    expect(await page.locator('#home-todo > *').first().getAttribute('id')).toBe('todo-ack');
    expect(await page.locator('#todo-ack').getAttribute('class')).toContain('is-urgent');
    // The 待办 tab carries every waiting count but 未读 (on 消息) and 办理中 (work in hand).
    const items = okData(await s.call<TodoView>('users', 'todo', {}, PEOPLE.gridLeader)).items;
    const work = items.filter((i) => i.key !== 'unread' && i.key !== 'held').reduce((n, i) => n + i.count, 0);
    await waitExact(page, '#app-tab-work-badge', String(work));
    await screenshot(page, 'home-todo-ack');

    await page.locator('#todo-ack').click();
    await page.locator('#response-inbox').getByText('楼道杂物清理').click();
    await page.locator('#ack-button').click();
    await page.locator('#mine-acked').waitFor(WAIT);
    expect((await s.store.collection<{ _id: string; ackedAt: number | null }>('receipts').get(`${sent}:${PEOPLE.gridLeader}`))?.ackedAt).toEqual(expect.any(Number));
    await page.locator('#h5-nav-back').click();
    await page.locator('#h5-nav-back').click();
    if (open > 1) await waitExact(page, '#todo-ack', `指令待确认 ${open - 1}`);
    else await page.locator('#todo-ack').waitFor({ state: 'detached', ...WAIT });
    await waitExact(page, '#app-tab-work-badge', String(work - 1));
    await page.context().close();
  });

  it('a resident sees nothing to rate, then 待评价 once their order is completed, and it opens 我的点单', async () => {
    const page = await phone('王秀英');
    await page.locator('#order-entries').waitFor(WAIT);
    expect(await page.locator('#todo-toRate').count()).toBe(0);

    await orderIn(s, 'completed');
    const toRate = await orders().count({ createdBy: PEOPLE.resident, status: 'completed' });
    await page.reload();
    await waitText(page, '#todo-toRate', `待评价 ${toRate}`);
    await screenshot(page, 'home-todo-resident');
    await page.locator('#todo-toRate').click();
    await page.locator('#mine-tabs').waitFor(WAIT);
    await page.context().close();
  });
});
