/**
 * 首位管理员邀请 in Chromium (h5): the link `npm run setup` prints, opened while signed out, asks for sign-in, comes
 * back to the invitation after it, is accepted, and its taker lands on the home page as 街道管理员; opened again it
 * says it is used.
 */
import { runScript } from '../support/server';
import { h5Suite, phonePage, screenshot } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite({ start: Date.now() });
const WAIT = { timeout: 15000 };

test('a signed-out visitor opens the first-admin link, signs in, accepts and lands as 街道管理员', async () => {
  const run = await runScript(suite.s, 'scripts/setup.ts', ['310107102', '--url', suite.s.url, '--png', `${suite.s.dataDir}/first-admin.png`]);
  expect(run.code).toBe(0);
  const link = /网页版链接：(\S+)/.exec(run.out)?.[1] ?? '';
  expect(link).toMatch(new RegExp(`^${suite.s.url}/#/invite/pages/accept/index\\?t=[A-Za-z0-9_-]{22}$`));

  const page = await phonePage(suite.browser);
  await page.goto(link);
  // Signed out: the sign-in page, then the privacy sheet (a first visit), which bring the visitor back to the invitation.
  await page.locator('#signin-list').getByText('李建国', { exact: true }).first().click();
  await page.getByText('同意并继续', { exact: true }).click();
  await waitText(page, '#invite-role', '长征镇 · 街道管理员');
  expect(page.url()).toContain('/invite/pages/accept/index');
  await screenshot(page, 'invite-offer');
  await page.locator('#invite-accept').click();
  await page.locator('#invite-done').waitFor(WAIT);
  await page.locator('#invite-home').click();
  const consent = page.getByText('同意并继续', { exact: true });
  await consent.or(page.locator('#home-name')).first().waitFor(WAIT);
  if (await consent.isVisible()) await consent.click();
  await waitText(page, '#home-name', '李建国');
  await page.getByText('街道管理员').first().waitFor(WAIT);
  await screenshot(page, 'invite-landed');

  // The same link for someone else: used.
  const other = await phonePage(suite.browser);
  await other.goto(link);
  await other.locator('#signin-list').getByText('王秀英', { exact: true }).first().click();
  await other.getByText('同意并继续', { exact: true }).click();
  await waitText(other, '#invite-refused', '该邀请已被使用');
});
