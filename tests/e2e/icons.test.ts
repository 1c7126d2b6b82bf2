/**
 * Icons, not glyphs (issue 13, point 4), in Chromium at 375×812: every home tile, the tab bar and an empty state
 * draw an icon from @nutui/icons-react-taro (an SVG mask tinted by the text colour, embedded, no request elsewhere),
 * and no tile carries a single Chinese character in its square any more.
 */
import type { Page } from 'playwright-core';
import { h5Suite, signInAs, smallPhone } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();

/** What each tile's square holds: its text, and whether it draws an embedded SVG icon. */
function squares(page: Page) {
  return page.locator('.order-entries__mark').evaluateAll((marks) =>
    marks.map((m) => {
      const icon = m.querySelector('.nut-icon');
      const mask = icon ? getComputedStyle(icon).webkitMaskImage || getComputedStyle(icon).maskImage : '';
      return { text: (m.firstChild?.textContent ?? '').trim(), svg: mask.startsWith('url("data:image/svg+xml') };
    }),
  );
}

it.each([
  ['王秀英', 'a resident'],
  ['孙丽', 'community staff'],
])('%s (%s): every tile and tab draws an embedded icon, none a character', async (name) => {
  const page = await smallPhone(suite.browser);
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(suite.s.url)) remote.push(r.url());
  });
  await signInAs(page, suite.s.url, name);
  await page.locator('.order-entries__mark').first().waitFor();
  const tiles = await squares(page);
  expect(tiles.length).toBeGreaterThanOrEqual(6);
  expect(tiles.filter((t) => !t.svg || /\p{Script=Han}/u.test(t.text))).toEqual([]);
  const tabs = await page.locator('#app-tabs .app-tabs__tab').evaluateAll((ts) => ts.map((t) => Boolean(t.querySelector('.nut-icon'))));
  expect(tabs.length).toBe(3);
  expect(tabs.every(Boolean)).toBe(true);
  expect(remote).toEqual([]);
  await page.context().close();
});

it('an empty list shows an icon in its circle, not a character', async () => {
  const page = await smallPhone(suite.browser);
  await signInAs(page, suite.s.url, '李建国');
  await open(page, suite.s.url, '/pages/order/mine/index');
  await waitText(page, '.empty-state', '');
  const circle = page.locator('.empty-state__mark').first();
  expect(await circle.locator('.nut-icon').count()).toBe(1);
  expect((await circle.innerText()).trim()).toBe('');
  await page.context().close();
});
