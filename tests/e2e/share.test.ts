/**
 * Sharing into the 网格微信群 on h5 (issue 13 point 8), at 375×812: 张伟 copies an activity's link with 复制链接 and the
 * clipboard holds the activity page with its id; 孙丽 (staff of the same community) opens it and lands on the activity; 刘洋 of
 * 梅川第二居委会 is told in words that he may not see it; someone signed out is sent to sign in and comes back to it.
 * An 一键响应 instruction: its sender copies its link, someone it was not sent to is told so in words.
 */
import type { Page } from 'playwright-core';
import { HOUR, publishActivity } from '../support/activities';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { h5Suite, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

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
