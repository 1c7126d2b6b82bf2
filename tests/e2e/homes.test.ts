/**
 * 各角色的首页 (issue 13, "Done when"), in Chromium at 375×812: what a resident, a 在职党员, a 网格长, 社区 staff and a
 * 微网格联络员 see first — the 待办 strip where they have one, their tiles, the tab bar. Each home is checked for what
 * belongs to that role and photographed; `WG_UPDATE_SCREENS=1` writes the pictures to docs/screens/ for docs/home.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { ARTIFACTS, h5Suite, signInAs, smallPhone } from './browser';

jest.setTimeout(120000);

const suite = h5Suite({}, async (s) => {
  okData(await s.call('users', 'grantRole', { userId: PEOPLE.otherResident, role: 'liaison', areaId: NODES.grid2 }, PEOPLE.staff));
});

const OUT = process.env.WG_UPDATE_SCREENS ? path.resolve(__dirname, '../../docs/screens') : ARTIFACTS;

it.each([
  ['resident', '王秀英', ['entry-new-order', 'entry-my-orders', 'entry-messages', 'entry-register'], ['entry-hall', 'entry-console'], '办事'],
  ['member', '张伟', ['entry-hall', 'entry-held', 'entry-points', 'entry-certificate'], ['entry-console'], '接单'],
  ['grid-leader', '赵强', ['entry-console', 'entry-diary', 'entry-points-review', 'entry-codes'], ['entry-points-verify'], '待办'],
  ['community-staff', '孙丽', ['entry-console', 'entry-member-review', 'entry-wish-review', 'entry-points-verify', 'entry-response', 'entry-hotline'], ['entry-hall'], '待办'],
  ['liaison', '李建国', ['entry-households', 'entry-new-order'], ['entry-console'], '办事'],
])('%s (%s): the tiles of the role, none of another, and the tab bar', async (file, name, shown, hidden, work) => {
  const page = await smallPhone(suite.browser);
  await signInAs(page, suite.s.url, name);
  await page.locator('.order-entries__mark').first().waitFor();
  for (const id of shown) expect([id, await page.locator(`#${id}`).count()]).toEqual([id, 1]);
  for (const id of hidden) expect([id, await page.locator(`#${id}`).count()]).toEqual([id, 0]);
  expect(await page.locator('#app-tab-work').innerText()).toContain(work);
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `home-${file}.jpg`), type: 'jpeg', quality: 70, fullPage: true });
  await page.context().close();
});
