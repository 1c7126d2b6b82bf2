/**
 * Sharing into the 网格微信群 on h5 (issue 13 point 8), at 375×812: 张伟 copies an activity's link with 复制链接 and the
 * clipboard holds the activity page with its id; 孙丽 (staff of the same community) opens it and lands on the activity; 刘洋 of
 * 梅川第二居委会 is told in words that he may not see it; someone signed out is sent to sign in and comes back to it.
 * An 一键响应 instruction: its sender copies its link, someone it was not sent to is told so in words. An order: shared only
 * when its filer turned on 允许分享到网格群; a neighbour gets the public view (no phone, name masked, no photo), staff the
 * whole order, and an order not allowed is refused in words.
 */
import type { Page } from 'playwright-core';
import { HOUR, publishActivity } from '../support/activities';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { goodOrder } from '../support/orders';
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { orderIdFromUrl, pngFile, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();

/** A 375×812 phone whose page may read the clipboard, as a person pasting into a chat would. */
function phone(): Promise<Page> {
  return smallPhone(suite.browser, (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.s.url }));
}

describe('复制链接 and opening the link', () => {
  let activityId = '';
  let link = '';

  beforeAll(async () => {
    ({ id: activityId } = await publishActivity(suite.s, { title: '楼道清洁日' }));
  });

  it('a member copies the activity link: the clipboard holds the activity page with its id, and the page says so', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '张伟');
    await page.goto(`${suite.s.url}/#/activity/pages/detail/index?id=${activityId}`);
    await page.locator('#share-copy').click();
    await page.getByText('链接已复制，可粘贴到微信群').waitFor({ timeout: 15000 });
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${suite.s.url}/#/activity/pages/detail/index?id=${encodeURIComponent(activityId)}`);
  });

  it('a staff member of the same community opens the link and lands on the activity', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '孙丽');
    await page.goto(link);
    await waitText(page, '#activity-detail', '楼道清洁日');
    expect(await page.locator('#share-copy').isVisible()).toBe(true);
  });

  it('a member of another community is told in words that he may not see it, with no raw error', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '刘洋');
    await page.goto(link);
    await waitText(page, '#activity-detail', '这个活动只有本社区完成双报到的党员和工作人员能看到');
    expect(await page.locator('#activity-detail').innerText()).not.toMatch(/FORBIDDEN|NOT_FOUND|楼道清洁日/);
  });

  it('someone signed out is sent to sign in, then comes back to the activity', async () => {
    const page = await phone();
    await page.goto(link);
    await page.locator('#signin-list').waitFor({ timeout: 15000 });
    expect(decodeURIComponent(page.url())).toContain(`back=/activity/pages/detail/index?id=${activityId}`);
    await page.locator('#signin-list').getByText('孙丽', { exact: true }).first().click();
    await waitText(page, '#activity-detail', '楼道清洁日');
  });
});

describe('an instruction link', () => {
  it('the sender copies it; a member of another community who opens it is told he was not sent it, in words', async () => {
    const data = { areaId: NODES.community1, title: '防汛准备', text: '今晚有暴雨，请各网格检查地下车库和低洼楼栋。', deadline: suite.s.clock.now + 6 * HOUR };
    const { id } = okData(await suite.s.call<{ id: string }>('response', 'send', data, PEOPLE.staff));
    const sender = await phone();
    await signInAs(sender, suite.s.url, '孙丽');
    await sender.goto(`${suite.s.url}/#/respond/pages/detail/index?id=${id}`);
    await waitText(sender, '#instruction-detail', '防汛准备');
    await sender.locator('#share-copy').click();
    await sender.getByText('链接已复制，可粘贴到微信群').waitFor({ timeout: 15000 });
    const link = await sender.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${suite.s.url}/#/respond/pages/detail/index?id=${encodeURIComponent(id)}`);

    const stranger = await phone();
    await signInAs(stranger, suite.s.url, '刘洋');
    await stranger.goto(link);
    await waitText(stranger, '#instruction-detail', '这条指令只发给了相关区域的人员，您不在发送范围内');
    expect(await stranger.locator('#instruction-detail').innerText()).not.toMatch(/NOT_FOUND|防汛准备|暴雨/);
  });
});

describe('an order link (shared only when its filer allows)', () => {
  let link = '';
  const DESCRIPTION = '3单元302室门口的灯坏了，晚上请打13912345678找我';

  it('the resident turns on 允许分享到网格群 when filing; her order offers 复制链接 and the clipboard holds the order page', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '王秀英');
    await page.goto(`${suite.s.url}/#/pages/order/new/index?building=${NODES.building1}`);
    await waitText(page, '#order-building', '1号楼');
    await page.locator('#order-category').getByText('维修', { exact: true }).click();
    await page.locator('#order-description textarea').fill(DESCRIPTION);
    await page.locator('#order-photos input[type=file]').setInputFiles(pngFile());
    await page.locator('#order-photos .photo-picker__img').waitFor();
    await page.locator('#order-contact-name input').fill('王阿姨');
    await page.locator('#order-contact-mobile input').fill('13912345678');
    // Off until she turns it on.
    expect(await page.locator('#order-shareable input').isChecked()).toBe(false);
    await page.locator('#order-shareable').click();
    await page.getByText('提交点单', { exact: true }).click();
    await waitText(page, '#order-status', '待分拣');
    const orderId = orderIdFromUrl(page);
    expect((await suite.s.store.collection<{ _id: string; shareable?: boolean }>('orders').get(orderId))?.shareable).toBe(true);

    await page.locator('#share-copy').click();
    await page.getByText('链接已复制，可粘贴到微信群').waitFor({ timeout: 15000 });
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${suite.s.url}/#/pages/order/detail/index?id=${encodeURIComponent(orderId)}`);
  });

  it('a neighbour who may not see it opens the link: the problem and its progress, no phone, no full name, no photo', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '李建国');
    await page.goto(link);
    await waitText(page, '#order-public', '维修');
    const shown = await page.locator('#order-detail').innerText();
    expect(shown).toContain('待分拣');
    expect(shown).toContain('1号楼');
    expect(shown).toContain('王**');
    expect(shown).toContain('3单元***室门口的灯坏了');
    expect(shown).not.toMatch(/王秀英|王阿姨|1391|FORBIDDEN|NOT_FOUND/);
    expect(await page.locator('#order-detail img').count()).toBe(0);
    // He cannot share it on, nor act on it.
    expect(await page.locator('#share-copy').count()).toBe(0);
    expect(await page.locator('#order-actions').count()).toBe(0);
    await screenshot(page, 'share-order-public');
  });

  it('staff over the order open the same link and get the whole order', async () => {
    const page = await phone();
    await signInAs(page, suite.s.url, '孙丽');
    await page.goto(link);
    await waitText(page, '#order-contact', '13912345678');
    expect(await page.locator('#order-public').count()).toBe(0);
    expect(await page.locator('#share-copy').isVisible()).toBe(true);
  });

  it('an order filed without it: no 复制链接 for the filer, and a neighbour with its address is told in words', async () => {
    const { id } = okData(await suite.s.call<{ id: string }>('orders', 'file', goodOrder(), PEOPLE.resident));
    const filer = await phone();
    await signInAs(filer, suite.s.url, '王秀英');
    await filer.goto(`${suite.s.url}/#/pages/order/detail/index?id=${id}`);
    await waitText(filer, '#order-status', '待分拣');
    expect(await filer.locator('#share-copy').count()).toBe(0);

    const neighbour = await phone();
    await signInAs(neighbour, suite.s.url, '李建国');
    await neighbour.goto(`${suite.s.url}/#/pages/order/detail/index?id=${id}`);
    await waitText(neighbour, '#order-detail', '填单人没有允许分享这个点单');
    expect(await neighbour.locator('#order-detail').innerText()).not.toMatch(/FORBIDDEN|楼道的灯|王阿姨/);
  });
});
