/**
 * 人员管理 offers 撤销 only where the server allows it (issue 13, point 5), in Chromium at 375×812: 赵强, 网格长 of
 * 第一网格, sees 撤销 beside the 网格员's role but not beside his own roles nor a 党员's.
 */
import type { Page } from 'playwright-core';
import type { Page as Paged, PersonView } from '../../shared/users/schemas';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { h5Suite, signInAs, smallPhone } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();
let leader: Page;

beforeAll(async () => {
  leader = await smallPhone(suite.browser);
  await signInAs(leader, suite.s.url, '赵强');
}, 60000);

/** The roles shown on a person's card, each with whether 撤销 sits beside it. */
async function rolesOn(page: Page, name: string): Promise<Array<[string, boolean]>> {
  const card = page.locator('#staff-people .person').filter({ has: page.locator('.person__name', { hasText: name }) });
  const rows = card.locator('.person__role');
  const out: Array<[string, boolean]> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([(await row.locator('.role-tag, .person__role-area').first().innerText()).trim(), (await row.locator('.person__revoke').count()) === 1]);
  }
  return out;
}

it('撤销 is beside the 网格员’s role; his own and a 党员’s roles have none', async () => {
  await open(leader, suite.s.url, '/staff/pages/people/index');
  await waitText(leader, '#staff-area', '第一网格');
  const people = okData(await suite.s.call<Paged<PersonView>>('users', 'listPeople', { areaId: NODES.grid1, pageSize: 50 }, PEOPLE.gridLeader)).items;
  const worker = people.find((p) => p.id === PEOPLE.gridWorker)!;
  const member = people.find((p) => p.id === PEOPLE.member)!;
  await waitText(leader, '#staff-people', worker.name);
  expect((await rolesOn(leader, '赵强')).some(([, offered]) => offered)).toBe(false);
  expect((await rolesOn(leader, member.name)).find(([tag]) => tag.includes('党员'))?.[1]).toBe(false);
  expect((await rolesOn(leader, worker.name)).find(([tag]) => tag.includes('网格员'))?.[1]).toBe(true);
});
