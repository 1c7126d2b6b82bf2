/**
 * 被邀请人手机号 in Chromium at 375×812 (h5): a 网格长 gives the invitee's mobile (a short one is refused naming the
 * field), the list shows it; on the web the accept page has no WeChat phone button (weapp only) and the code confirms.
 */
import { h5Suite, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite({ start: Date.now() });

test('a 网格长 invites with the invitee’s mobile; on h5 the invitee confirms with the code, no WeChat button', async () => {
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, suite.s.url, '赵强');
  await staff.goto(`${suite.s.url}/#/staff/pages/invite/index`);
  await waitText(staff, '#invite-area', '第一网格');
  await staff.locator('#invite-posts').getByText('网格志愿者', { exact: true }).click();
  await staff.locator('#invite-mobile input').fill('1391234567');
  await staff.locator('#invite-create').click();
  await waitText(staff, '.taro-modal__text', '被邀请人手机号应为 11 位手机号');
  await staff.locator('.taro-modal__foot').getByText('确定', { exact: true }).click();
  await staff.locator('.taro-modal__text').waitFor({ state: 'hidden' });
  await staff.locator('#invite-mobile input').fill('13912345678');
  await staff.locator('#invite-create').click();
  await waitText(staff, '#invite-issued', '第一网格 · 网格志愿者');
  await waitText(staff, '#invite-list', '待接受 · 13912345678');
  const code = ((await staff.locator('#invite-code-digits').textContent()) ?? '').trim();
  const link = ((await staff.locator('#invite-link').textContent()) ?? '').trim();

  const invitee = await smallPhone(suite.browser);
  await signInAs(invitee, suite.s.url, '李建国');
  await invitee.goto(link);
  await waitText(invitee, '#invite-code', '请输入邀请人告诉您的 4 位确认码');
  expect(await invitee.locator('#invite-phone').count()).toBe(0);
  expect(await invitee.getByText('用微信手机号确认').count()).toBe(0);
  await invitee.locator('#invite-code input').fill(code);
  await invitee.locator('#invite-accept').click();
  await waitText(invitee, '#invite-done', '第一网格 · 网格志愿者');
});
