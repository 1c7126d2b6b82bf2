/**
 * 邀请人员 in Chromium at 375×812 (h5): a 网格长 invites a 专职网格员 to 第一网格 and sees the QR, the 4-digit code
 * and the link; the invitee opens the link, a wrong code is said under the field, the right one makes the post
 * theirs, and the inviter's list shows it accepted by them.
 */
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite({ start: Date.now() });
const WAIT = { timeout: 15000 };

test('a 网格长 invites a 专职网格员 and the invitee accepts with the code read out', async () => {
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, suite.s.url, '赵强');
  await staff.goto(`${suite.s.url}/#/staff/pages/invite/index`);
  await waitText(staff, '#invite-area', '第一网格');
  await staff.locator('#invite-posts').getByText('专职网格员', { exact: true }).click();
  // Only posts below a 网格长 are offered on their grid: no 网格长, and no 楼栋长 (a building's post).
  expect(await staff.locator('#invite-posts').getByText('网格长', { exact: true }).count()).toBe(0);
  expect(await staff.locator('#invite-posts').getByText('楼栋长', { exact: true }).count()).toBe(0);
  await staff.locator('#invite-create').click();
  await waitText(staff, '#invite-issued', '第一网格 · 专职网格员');
  expect(await staff.locator('#invite-qr img, img#invite-qr').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const code = ((await staff.locator('#invite-code-digits').textContent()) ?? '').trim();
  expect(code).toMatch(/^\d{4}$/);
  const link = ((await staff.locator('#invite-link').textContent()) ?? '').trim();
  expect(link).toMatch(new RegExp(`^${suite.s.url}/#/invite/pages/accept/index\\?t=[A-Za-z0-9_-]{22}$`));
  await staff.locator('#invite-copy').waitFor(WAIT);
  // The whole card fits the 375-wide screen: nothing to scroll sideways.
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await waitText(staff, '#invite-list', '待接受');
  await screenshot(staff, 'invite-people-issued');

  const invitee = await smallPhone(suite.browser);
  await signInAs(invitee, suite.s.url, '李建国');
  await invitee.goto(link);
  await waitText(invitee, '#invite-role', '第一网格 · 专职网格员');
  const wrong = String((Number(code) + 1) % 10000).padStart(4, '0');
  await invitee.locator('#invite-code input').fill(wrong);
  await invitee.locator('#invite-accept').click();
  await waitText(invitee, '#invite-code', '确认码不对');
  await invitee.locator('#invite-code input').fill(code);
  await invitee.locator('#invite-accept').click();
  await waitText(invitee, '#invite-done', '第一网格 · 专职网格员');
  await screenshot(invitee, 'invite-people-accepted');

  await staff.reload();
  await waitText(staff, '#invite-list', '已接受 · 李建国');
});
