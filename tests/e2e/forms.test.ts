/** In Chromium at 375×812: the field-worker's forms — activity times from the date and time pickers, one bordered look for every typed field. */
import type { Page } from 'playwright-core';
import type { ActivityDetail } from '../../shared/activities/schemas';
import type { InstructionCard } from '../../shared/response/schemas';
import { h5Suite } from './browser';
import { open, signedIn, waitText } from './orderPages';
import { pick } from './picker';
import { NODES } from '../support/people';

jest.setTimeout(120000);

const suite = h5Suite();

async function phone(name: string): Promise<Page> {
  const page = await signedIn(suite.browser, suite.s.url, name);
  await page.setViewportSize({ width: 375, height: 812 });
  return page;
}

describe('活动发布 takes its times from pickers', () => {
  it('the picked start (a day later, an hour later) is the time the server stores; the end and deadline move with it', async () => {
    const staff = await phone('孙丽');
    // The phone's clock reads the test clock (2026-11-20 10:00 Shanghai): the form opens on tomorrow 09:00–11:00.
    await staff.clock.setFixedTime(suite.s.clock.now);
    await open(staff, suite.s.url, '/activity/pages/publish/index?kind=activity');
    await waitText(staff, '#publish-area', '梅川第一');
    await waitText(staff, '#publish-startAt', '2026-11-21');
    expect(await staff.locator('#publish-startAt input:not([type=hidden])').count()).toBe(0);

    await pick(staff, staff.locator('#publish-startAt .date-time__day'), [0, 0, 1]);
    await waitText(staff, '#publish-startAt', '2026-11-22');
    await pick(staff, staff.locator('#publish-startAt .date-time__time'), [1, 0]);
    await waitText(staff, '#publish-startAt', '10:00');
    expect(await staff.locator('#publish-endAt').innerText()).toMatch(/2026-11-22\s+12:00/);
    expect(await staff.locator('#publish-deadline').innerText()).toMatch(/2026-11-22\s+09:00/);
    await pick(staff, staff.locator('#publish-deadline .date-time__day'), [0, 0, -1]);
    await waitText(staff, '#publish-deadline', '2026-11-21');

    await staff.locator('#publish-title input').fill('楼道清洁');
    await staff.locator('#publish-description textarea').fill('清理楼道堆物，张贴消防提示');
    await staff.locator('#publish-place input').fill('梅川路小区3号楼');
    await staff.locator('.publish__submit').getByText('发布活动', { exact: true }).click();
    await waitText(staff, '#activity-title', '楼道清洁');
    const id = new URL(staff.url().replace('#', '')).searchParams.get('id') ?? '';
    const stored = await suite.s.call<ActivityDetail>('activities', 'detail', { activityId: id }, 'u-staff');
    expect(stored.ok && { startAt: stored.data.startAt, endAt: stored.data.endAt, deadline: stored.data.deadline }).toEqual({
      startAt: Date.parse('2026-11-22T02:00:00Z'),
      endAt: Date.parse('2026-11-22T04:00:00Z'),
      deadline: Date.parse('2026-11-21T01:00:00Z'),
    });
    expect(await staff.locator('#activity-time').innerText()).toContain('11月22日 周日 10:00–12:00');
  });
});

describe('一键响应 takes a chosen deadline from pickers', () => {
  it('自定义 opens on tomorrow 12:00; the picked day and hour are the deadline the server stores', async () => {
    const staff = await phone('孙丽');
    await staff.clock.setFixedTime(suite.s.clock.now);
    await open(staff, suite.s.url, '/respond/pages/compose/index');
    await waitText(staff, '#compose-area', '梅川第一居委会');
    await staff.locator('#compose-due').getByText('自定义', { exact: true }).click();
    await waitText(staff, '#compose-deadline', '2026-11-21');
    expect(await staff.locator('#compose-deadline').innerText()).toMatch(/2026-11-21\s+12:00/);
    await pick(staff, staff.locator('#compose-deadline .date-time__day'), [0, 0, 1]);
    await pick(staff, staff.locator('#compose-deadline .date-time__time'), [2, 0]);
    await waitText(staff, '#compose-deadline', '14:00');
    await staff.locator('#compose-title input').fill('楼道堆物清理');
    await staff.locator('#compose-text textarea').fill('周末前清理各楼道堆物，拍照回复。');
    await staff.locator('#compose-send').click();
    await staff.getByText('确定发送', { exact: true }).click();
    await waitText(staff, '#tally-summary', '0/');
    const sent = await suite.s.call<{ items: InstructionCard[] }>('response', 'sent', { page: 1, pageSize: 20 }, 'u-staff');
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    expect(sent.data.items.find((i) => i.title === '楼道堆物清理')?.deadline).toBe(Date.parse('2026-11-22T06:00:00Z'));
  });
});

/** The typed field's box and its placeholder's font, as the suite.browser computes them. */
async function look(page: Page, box: string): Promise<{ border: string; placeholderFont: string }> {
  const root = page.locator(box).first();
  await root.waitFor();
  return root.evaluate((el) => {
    const field = el.querySelector('textarea, input:not([type=hidden])')!;
    return { border: getComputedStyle(el).borderTopWidth, placeholderFont: getComputedStyle(field, '::placeholder').fontFamily };
  });
}
const boxed = { border: '1px', placeholderFont: expect.not.stringMatching(/monospace/) };

describe('every typed field looks the same: a bordered box, the page font in its placeholder', () => {
  it('积分申报 (date, hours, description)', async () => {
    const member = await phone('张伟');
    await open(member, suite.s.url, '/points/pages/declare/index');
    for (const id of ['#declare-date', '#declare-hours', '#declare-description']) expect(await look(member, `${id} .field-box`)).toEqual(boxed);
  });

  it('民情日记 and 急时 reason', async () => {
    const worker = await phone('陈静');
    await open(worker, suite.s.url, `/respond/pages/visit-new/index?building=${NODES.building1}`);
    await waitText(worker, '#visit-building', '1号楼');
    expect(await look(worker, '#visit-resident .field-box')).toEqual(boxed);
    const staff = await phone('孙丽');
    await open(staff, suite.s.url, '/respond/pages/mode/index');
    await staff.locator('#mode-switch').click();
    expect(await look(staff, '#popup-mode .field-box')).toEqual(boxed);
  });

  it('the reply to a 一键响应 instruction', async () => {
    const sent = await suite.s.call<{ id: string }>(
      'response',
      'send',
      { areaId: NODES.community1, roles: ['member'], title: '防汛准备', text: '检查楼道排水口', deadline: suite.s.clock.now + 2 * 3600_000 },
      'u-staff',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    const member = await phone('张伟');
    await open(member, suite.s.url, `/respond/pages/detail/index?id=${sent.data.id}`);
    expect(await look(member, '#reply-text .field-box')).toEqual(boxed);
  });
});
