/**
 * 微心愿 in Chromium: 王秀英 posts a wish → 孙丽 anonymises and publishes → 张伟 claims on the board → marks it fulfilled
 * with a photo → 王秀英 confirms → 张伟's 我的积分 rises; two members claiming at once → one wins; a lapsed claim
 * returns to the board (clock moved, timer action run).
 */
import type { Browser, Page } from 'playwright-core';
import type { UserDoc } from '../../backend/users/repo';
import type { WishDetail } from '../../shared/wishes/schemas';
import { DAY } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';
import { wishIn } from '../support/wishes';
import { H5_DIR, launch } from './browser';
import { fullShot, open, pngFile, signedIn, submitPopup, waitText } from './orderPages';

jest.setTimeout(150000);

let s: TestServer;
let browser: Browser;
let resident: Page;
let staff: Page;
let member: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  [resident, staff, member] = await Promise.all([signedIn(browser, s.url, '王秀英'), signedIn(browser, s.url, '孙丽'), signedIn(browser, s.url, '张伟')]);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const waitStatus = (page: Page, name: string) => waitText(page, '#wish-status', name);
const press = (page: Page, verb: string) => page.locator('#wish-actions').getByText(verb, { exact: true }).click();
const lapse = () => runTimer<{ lapsed: number }>(s, 'wishes', 'lapse');

const STORY = '我是1号楼302室的王秀英，孙子今年上三年级，很爱看书，家里条件有限，想要几本课外书。';
const PUBLIC_STORY = '一位三年级的小朋友很爱看书，家里条件有限，想要几本适合他看的课外书。';
const SECRETS = ['王秀英', '13912340001', '302室'];

describe('the whole wish in three browsers', () => {
  let wishId = '';

  it('the resident opens 许个心愿 from home, is told the value cap, and posts a wish with a photo: 待审核', async () => {
    await open(resident, s.url, '/pages/index/index');
    await resident.locator('#entry-new-wish').click();
    await resident.locator('#wish-title input').waitFor();
    await resident.locator('#wish-title input').fill('想给孙子买几本课外书');
    await resident.locator('#wish-story textarea').fill(STORY);
    await resident.locator('#wish-kind-choice').getByText('物质心愿', { exact: true }).click();
    await resident.locator('#wish-value input').fill('500');
    await resident.locator('#wish-photo input[type=file]').setInputFiles(pngFile());
    await resident.locator('#wish-photo .photo-picker__img').waitFor();
    await resident.locator('#wish-mobile input').fill('13912340001');
    await resident.locator('#wish-door input').fill('1号楼302室');
    await resident.getByText('提交心愿', { exact: true }).click();
    await waitText(resident, '#wish-new', '估算价值不能超过本社区的上限 200 元');

    await resident.locator('#wish-value input').fill('150');
    await resident.getByText('提交心愿', { exact: true }).click();
    await waitStatus(resident, '待审核');
    wishId = new URL(resident.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(wishId).toMatch(/^w/);
    expect(await text(resident, '#wish-private')).toContain('13912340001');
  });

  it('staff see it in 心愿审核, are warned of the name and door, are refused publishing it as is, then anonymise and publish', async () => {
    await open(staff, s.url, '/pages/index/index');
    await staff.locator('#entry-wish-review').click();
    const card = staff.locator('#review-wishes .w-card').filter({ hasText: '想给孙子买几本课外书' });
    await card.waitFor();
    await card.getByText('审核', { exact: true }).click();
    await staff.locator('#popup-review').waitFor();
    expect(await text(staff, '#review-warning')).toContain('王秀英');
    await staff.locator('#popup-review').getByText('发布到心愿墙', { exact: true }).click();
    await waitText(staff, '#popup-review', '心愿故事仍含有受助人姓名「王秀英」，请删去后再发布');
    await staff.locator('#popup-review textarea').fill(PUBLIC_STORY);
    await staff.locator('#review-warning').waitFor({ state: 'detached' });
    await submitPopup(staff, 'popup-review', '发布到心愿墙');
    await waitStatus(staff, '待认领');
    expect(await text(staff, '#wish-timeline')).toMatch(/修改公开内容并发布[\s\S]*孙丽 · 社区工作人员/);
  });

  it('the member finds it on the board (no name, phone or door anywhere), claims it and then sees the contact', async () => {
    await open(member, s.url, '/pages/index/index');
    await member.locator('#entry-wishes').click();
    const card = member.locator('#wish-list .w-card').filter({ hasText: '想给孙子买几本课外书' });
    await card.waitFor();
    expect(await text(member, '#wish-community')).toBe('梅川第一居委会');
    const board = await member.locator('#wish-board').innerText();
    for (const secret of SECRETS) expect(board).not.toContain(secret);
    await fullShot(member, 'wishes-board');
    await card.getByText('认领心愿', { exact: true }).click();
    await waitStatus(member, '圆梦中');
    expect(await text(member, '#wish-private')).toContain('13912340001');
    expect(await text(member, '#wish-story-view')).toContain(PUBLIC_STORY);
    expect(await text(member, '#wish-claimant')).toBe('张伟');
    await fullShot(member, 'wishes-detail-claimant');
  });

  it('a neighbour opening the claimed wish still sees only the public view', async () => {
    const neighbour = await signedIn(browser, s.url, '李建国');
    await open(neighbour, s.url, `/wish/pages/detail/index?id=${wishId}`);
    await waitStatus(neighbour, '圆梦中');
    const page = await neighbour.locator('#wish-detail').innerText();
    for (const secret of SECRETS) expect(page).not.toContain(secret);
    expect(await neighbour.locator('#wish-private').count()).toBe(0);
    await neighbour.context().close();
  });

  it('the member marks it fulfilled with a photo and a note: 待确认', async () => {
    await press(member, '登记圆梦');
    const popup = member.locator('#popup-deliver');
    await popup.waitFor();
    await popup.locator('textarea').fill('已把五本课外书送到家里，孩子很喜欢');
    await member.locator('#deliver-photo input[type=file]').setInputFiles(pngFile());
    await member.locator('#deliver-photo .photo-picker__img').waitFor();
    await submitPopup(member, 'popup-deliver', '确认已圆梦');
    await waitStatus(member, '待确认');
    expect(await member.locator('#wish-actions').count()).toBe(0);
  });

  it('the resident confirms; the board counts one more fulfilled wish this year', async () => {
    await open(resident, s.url, `/wish/pages/detail/index?id=${wishId}`);
    await waitStatus(resident, '待确认');
    expect(await text(resident, '#wish-delivery')).toContain('已把五本课外书送到家里');
    await press(resident, '确认圆梦');
    await resident.locator('.taro-modal__foot').getByText('确认圆梦', { exact: true }).click();
    await waitStatus(resident, '已圆梦');
    await open(resident, s.url, '/wish/pages/board/index');
    await waitText(resident, '#wish-fulfilled-count', '1');
    await fullShot(resident, 'wishes-board-fulfilled');
  });

  it("张伟's 我的积分 rises by the community's wish points (3)", async () => {
    await open(member, s.url, '/member/pages/points/index');
    await waitText(member, '#points-total', '3');
    expect(await text(member, '#points-entries')).toContain('圆梦微心愿');
  });
});

describe('two members claim the same wish at once', () => {
  it('exactly one wins; the other is told it was claimed', async () => {
    const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
    await s.store.collection<UserDoc>('users').insertIfAbsent({
      _id: 'u-member-b',
      name: '第二位党员',
      roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: [],
      rev: 0,
      createdAt: 0,
    });
    const wishId = await wishIn(s, 'published');
    const results = await Promise.all([PEOPLE.member, 'u-member-b'].map((who) => s.call('wishes', 'claim', { wishId }, who)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(errorOf(results.find((r) => !r.ok)!)).toMatchObject({ code: 'CONFLICT', message: '这个心愿已被他人认领' });
  });
});

describe('a lapsed claim', () => {
  it('goes back on the board after 14 days unfulfilled; the member is told', async () => {
    const wishId = await wishIn(s, 'claimed');
    s.clock.now += 15 * DAY;
    // Every claim still open (this one, and the winner's from the race above) is past its deadline now.
    const stillClaimed = await s.store.collection('wishes').count({ status: 'claimed' });
    expect(okData(await lapse())).toEqual({ lapsed: stillClaimed });
    expect(okData(await s.call<WishDetail>('wishes', 'detail', { wishId }, PEOPLE.member)).status).toBe('published');
    // Sessions last 7 days: sign in again at the new time.
    const again = await signedIn(browser, s.url, '张伟');
    await open(again, s.url, '/wish/pages/board/index');
    await again.locator('#wish-filter').getByText('待认领', { exact: true }).click();
    const card = again.locator(`#wish-list .w-card`).filter({ hasText: '想要几本三年级的课外书' }).first();
    await card.waitFor();
    // The notice leads back to the wish.
    await open(again, s.url, '/pages/order/messages/index');
    await waitText(again, '#messages', '微心愿认领已超期');
    await again.locator('.message').filter({ hasText: '微心愿认领已超期' }).first().getByText('查看心愿 ›').click();
    await waitStatus(again, '待认领');
    expect(again.url()).toContain(`/wish/pages/detail/index?id=${wishId}`);
    // 张伟 is linked to a reporting organisation in the demo data, so he may also claim in its name.
    expect(
      await again
        .locator('#wish-actions')
        .getByText(/^(认领心愿|个人认领)$/)
        .count(),
    ).toBe(1);
    await again.context().close();
  });
});
