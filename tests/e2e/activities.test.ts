/** In Chromium: staff publish an activity → 张伟 signs up → opens the activity QR URL to check in, later again to check out → hours and points on the activity page and on 我的积分. */
import jsQR from 'jsqr';
import { PNG as PngImage } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { formatShanghai } from '../../shared/activities/model';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch } from './browser';
import { fullShot, open, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

const HOUR = 3600_000;
let s: TestServer;
let browser: Browser;
let staff: Page;
let member: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  // The check-in code is a QR of this server's h5 URL (the 民情二维码 port reads it on each call).
  process.env.WG_PUBLIC_URL = s.url;
  browser = await launch();
  [staff, member] = await Promise.all([signedIn(browser, s.url, '孙丽'), signedIn(browser, s.url, '张伟')]);
}, 60000);
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await browser?.close();
  await s?.close();
});

const fill = (page: Page, field: string, value: string) => page.locator(`#publish-${field} ${field === 'description' ? 'textarea' : 'input'}`).fill(value);
const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe('志愿活动 from publishing to points', () => {
  let activityId = '';
  const startAt = Date.parse('2026-11-21T01:00:00Z'); // 09:00 Shanghai, the day after the test clock
  const TITLE = '梅川路垃圾分类宣传';

  it('community staff publish an activity from the home page', async () => {
    // The phone's clock reads the test clock, so the form's default (tomorrow 09:00–11:00, sign-up closing 08:00) is this activity's time.
    await staff.clock.setFixedTime(s.clock.now);
    await open(staff, s.url, '/pages/index/index');
    await staff.locator('#entry-publish-activity').click();
    await staff.locator('#publish-activity').click();
    await staff.locator('#activity-publish').waitFor();
    await waitText(staff, '#publish-area', '梅川第一');
    await fill(staff, 'title', TITLE);
    await fill(staff, 'description', '在小区南门向居民讲解垃圾分类，发放宣传册');
    await fill(staff, 'place', '梅川路小区南门');
    expect(await text(staff, '#publish-startAt')).toMatch(new RegExp(formatShanghai(startAt).replace(' ', '\\s+')));
    expect(await text(staff, '#publish-endAt')).toMatch(new RegExp(formatShanghai(startAt + 2 * HOUR).replace(' ', '\\s+')));
    expect(await text(staff, '#publish-deadline')).toMatch(new RegExp(formatShanghai(startAt - HOUR).replace(' ', '\\s+')));
    await fill(staff, 'capacity', '0');
    await staff.locator('.publish__submit').getByText('发布活动', { exact: true }).click();
    await waitText(staff, '#activity-publish', '招募人数不能小于 1');
    await fill(staff, 'capacity', '10');
    await staff.locator('.publish__submit').getByText('发布活动', { exact: true }).click();
    await waitText(staff, '#activity-title', TITLE);
    activityId = new URL(staff.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(activityId).toMatch(/^va/);
    expect(await text(staff, '#activity-time')).toContain('11月21日 周六 09:00–11:00');
    expect(await text(staff, '#activity-places')).toContain('剩 10 个');
  });

  it('the roster shows a QR that encodes the check-in URL', async () => {
    await staff.locator('#activity-actions').getByText('报名名单与签到码').click();
    const img = staff.locator('#roster-qr-img img').or(staff.locator('img#roster-qr-img')).first();
    await img.waitFor();
    await staff.waitForFunction(() => {
      const el = document.querySelector('#roster-qr-img img, img#roster-qr-img') as HTMLImageElement | null;
      return !!el && el.complete && el.naturalWidth > 0;
    });
    const png = PngImage.sync.read(await img.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`${s.url}/#/activity/pages/checkin/index?id=${activityId}`);
  });

  it('张伟 finds it under 志愿活动 and signs up', async () => {
    await open(member, s.url, '/pages/index/index');
    await member.locator('#entry-activities').click();
    const card = member.locator('.a-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.innerText()).toContain('剩 10 个名额');
    await card.click();
    await member.locator('#activity-actions').getByText('我要报名', { exact: true }).click();
    await waitText(member, '#activity-my-status', '已报名');
    expect(await text(member, '#activity-places')).toContain('剩 9 个');
  });

  it('opening the QR URL checks in; too early it says why; later it checks out with hours and points', async () => {
    s.clock.now = startAt - 2 * HOUR;
    await open(member, s.url, `/activity/pages/checkin/index?id=${activityId}`);
    await waitText(member, '#checkin-title', '无法签到');
    expect(await text(member, '#checkin-why')).toContain('活动开始前 1 小时开放签到');

    s.clock.now = startAt - 10 * 60_000;
    await member.reload();
    await waitText(member, '#checkin-title', '签到成功');
    await fullShot(member, 'activities-checkin');

    s.clock.now = startAt + 2 * HOUR + 20 * 60_000;
    // A phone camera opens the code's URL as a fresh page load, as here.
    await member.goto('about:blank');
    await open(member, s.url, `/activity/pages/checkin/index?id=${activityId}`);
    await waitText(member, '#checkin-title', '签退成功');
    expect(await text(member, '#checkin-numbers')).toMatch(/服务 2 小时[\s\S]*积分 \+2/);
  });

  it('hours and points show on the activity page and on 我的积分', async () => {
    await open(member, s.url, `/activity/pages/detail/index?id=${activityId}`);
    await waitText(member, '#activity-my-status', '已签退');
    expect(await text(member, '#activity-result')).toMatch(/服务 2 小时[\s\S]*积分 \+2/);
    await open(member, s.url, '/member/pages/points/index');
    await waitText(member, '#points-entries', '志愿活动');
    expect(await text(member, '#points-entries')).toContain(TITLE);
    expect(await text(member, '#points-total')).toBe('2');

    await open(staff, s.url, `/activity/pages/roster/index?id=${activityId}`);
    await waitText(staff, '#roster-rows', '张伟');
    expect(await text(staff, '#roster-rows')).toMatch(/张伟[\s\S]*已签退[\s\S]*2 小时 · \+2 分/);
    await fullShot(staff, 'activities-roster');
  });
});
