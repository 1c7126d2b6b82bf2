/**
 * 12345 工单 keep the hotline's own 办理时限 (issue 14, point 3): read as a date/time or as working days/hours counted from
 * 来电时间 over 国庆; 分拣 by colour does not replace it (the timeline says so), the sweep escalates on it and the on-time
 * rate counts against it; an unreadable 办理时限 is a numbered problem row.
 */
import type { Area } from '../../shared/areas/model';
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { HotlinePreview, HotlineStep } from '../../shared/orders/hotlineApi';
import { formatDeadline } from '../../shared/time';
import { act, detail } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

jest.setTimeout(120000);

/** An instant given in Shanghai time. */
const at = (local: string) => Date.parse(`${local}+08:00`);

let s: TestServer;
let c1 = '';
beforeAll(async () => {
  s = await startTestServer({ start: at('2026-09-29T10:00:00') });
  c1 = (await s.store.collection<Area>('areas').get(NODES.community1))?.name ?? '';
});
afterAll(() => s.close());

const ordersByTicket = async () => {
  const found = await s.store.collection<{ _id: string; hotline?: { ticket: string; deadline: number } }>('orders').find({ source: '12345' });
  return Object.fromEntries(found.map((o) => [o.hotline!.ticket, o]));
};
const sweep = async () => okData(await runTimer<{ escalated: number }>(s, 'orders', 'sweep'));

/** Dispatched and accepted, so only the 办结 deadline is left to miss. */
async function taken(orderId: string, colour: string): Promise<void> {
  await act(s, 'triage', { orderId, colour }, PEOPLE.gridLeader);
  await act(s, 'dispatch', { orderId, memberId: PEOPLE.member }, PEOPLE.staff);
  await act(s, 'accept', { orderId }, PEOPLE.member);
}

let ids: Record<string, string> = {};

test('办理时限 as a date/time, as working days or hours from 来电时间 (over 国庆), or a bare number of working days; unreadable ones are numbered rows', async () => {
  const text = [
    '工单编号,来电时间,诉求内容,诉求地址,办理时限',
    `HD0001,2026-09-29 10:00,楼道灯不亮,${c1}第一网格1号楼,2026-10-09 18:00`,
    `HD0002,2026-09-29 10:00,井盖松动,${c1}第一网格1号楼,3个工作日`,
    `HD0003,2026-09-29 10:00,垃圾未清运,${c1}第一网格1号楼,5`,
    `HD0004,2026-09-29 10:00,占道经营,${c1}第一网格1号楼,24小时`,
    `HD0005,2026-09-29 10:00,噪音扰民,${c1}第一网格1号楼,下周`,
    `HD0006,2026-09-29 10:00,路面破损,${c1}第一网格1号楼,0个工作日`,
  ].join('\r\n');
  okData(await s.call('hotline', 'upload', { uploadId: 'updeadline1', part: 0, data: Buffer.from(text).toString('base64') }, PEOPLE.staff));
  const file = { uploadId: 'updeadline1', parts: 1, fileName: '12345.csv' };
  const p = okData(await s.call<HotlinePreview>('hotline', 'preview', file, PEOPLE.staff));
  expect(p.problems.map((x) => x.message)).toEqual([
    '第 6 行：「办理时限」「下周」不是日期时间或工作日数（如 2026-12-05 18:00、5个工作日）',
    '第 7 行：「办理时限」「0个工作日」不是日期时间或工作日数（如 2026-12-05 18:00、5个工作日）',
  ]);
  expect(okData(await s.call<HotlineStep>('hotline', 'import', { ...file, from: 0 }, PEOPLE.staff))).toMatchObject({ created: 4, queued: 0 });
  const filed = await ordersByTicket();
  ids = Object.fromEntries(Object.entries(filed).map(([k, o]) => [k, o._id]));
  expect(Object.fromEntries(Object.entries(filed).map(([k, o]) => [k, o.hotline!.deadline]))).toEqual({
    HD0001: at('2026-10-09T18:00:00'),
    // 14 h on the 29th, 24 h on the 30th, 国庆 (10月1日–7日) skipped, 24 h on the 8th, 10 h on the 9th.
    HD0002: at('2026-10-09T10:00:00'),
    // Five working days: the 29th, 30th, 8th, 9th, the 调休 Saturday 10th, then 10 h on Monday the 12th.
    HD0003: at('2026-10-12T10:00:00'),
    HD0004: at('2026-09-30T10:00:00'),
  });
  // Before 分拣 the order page already shows the hotline's deadline.
  expect(await detail(s, ids.HD0001!)).toMatchObject({ resolveBy: null, hotline: { ticket: 'HD0001', deadline: at('2026-10-09T18:00:00') } });
});

test('分拣 by colour keeps the hotline’s 办理时限 as the 办结期限 and says so; the colour still sets the 响应期限', async () => {
  await taken(ids.HD0001!, 'red');
  await taken(ids.HD0004!, 'green');
  const red = await detail(s, ids.HD0001!);
  // Red would be due in 24 h (9月30日 10:00); the ticket says 10月9日 18:00.
  expect(red).toMatchObject({ respondBy: at('2026-09-29T11:00:00'), resolveBy: at('2026-10-09T18:00:00') });
  expect(`${formatDeadline(red.resolveBy!, s.clock.now)}前办结`).toBe('10月9日（周五）18:00前办结');
  expect(red.timeline.find((e) => e.action.startsWith('分拣'))?.action).toBe('分拣为红色，办结期限按12345热线时限');
  // Green would allow 7 days; the ticket allows 24 h, and the 响应期限 is never later than the 办结期限.
  expect(await detail(s, ids.HD0004!)).toMatchObject({ respondBy: at('2026-09-30T10:00:00'), resolveBy: at('2026-09-30T10:00:00') });
});

test('the sweep escalates on the hotline’s deadline, not the colour’s', async () => {
  s.clock.now = at('2026-09-30T11:00:00');
  expect((await sweep()).escalated).toBe(1);
  expect((await detail(s, ids.HD0004!)).overdue).toBe(true);
  expect((await detail(s, ids.HD0001!)).overdue).toBe(false);
});

test('the on-time rate counts against the same deadlines: both completed on 10月8日, only the ticket still inside its 办理时限 on time', async () => {
  s.clock.now = at('2026-10-08T09:00:00');
  await act(s, 'complete', { orderId: ids.HD0001!, note: '已更换灯泡' }, PEOPLE.member);
  await act(s, 'complete', { orderId: ids.HD0004!, note: '已劝离' }, PEOPLE.member);
  const v = okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'custom', from: '2026-09-29', to: '2026-10-09' }, PEOPLE.staff));
  expect(v.rates.onTimeRate).toMatchObject({ num: 1, den: 2 });
});
