/**
 * 12345 工单 database requests, in both modes (docs/hotline.md 性能). Single-ticket actions answer in at most 3 once the
 * instance is warm; the import is a batch, so it is held to a ceiling per call of HOTLINE_STEP (1,000) tickets:
 *
 * | action                                   | requests                 |
 * | ---------------------------------------- | ------------------------ |
 * | place a 待定位 ticket on a building       | 3                        |
 * | read / save the street's 列对应           | 2 / 3                    |
 * | 待定位 list                               | 3                        |
 * | export                                   | 1 + 2 per 1,000 tickets  |
 * | preview                                  | ≤ 5 + 1 per 1,000 rows   |
 * | import, per call of 1,000 rows           | ≤ 16 (local 11, cloud 15: an insert of 500 is 1 request locally, 2 in CloudBase) |
 */
import type { Area } from '../../shared/areas/model';
import type { HotlineStep, QueuedTicket } from '../../shared/orders/hotlineApi';
import type { Meter } from '../support/cost';
import { meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(180000);

let s: TestServer;
let requests: Meter;
let run: <T>(fn: 'hotline', action: string, data: Record<string, unknown>, who: string) => Promise<T>;
let c1 = '';
beforeAll(async () => {
  s = await startTestServer({ functionEnv: WARM_FOR_COSTS });
  ({ requests, run } = meterAndRuntime(s));
  c1 = (await s.store.collection<Area>('areas').get(NODES.community1))?.name ?? '';
});
afterAll(() => s.close());

/** A street's tickets: every tenth address names no building (queued), the rest land on 1号楼. */
function sheet(prefix: string, rows: number): string {
  const lines = ['工单编号,来电时间,诉求内容,诉求地址,联系人,来电号码,办理时限,诉求分类'];
  for (let i = 0; i < rows; i++) {
    const address = i % 10 === 0 ? `真如路${i}弄` : `${c1}第一网格1号楼`;
    lines.push(`${prefix}${String(i).padStart(6, '0')},2026-11-${String(1 + (i % 19)).padStart(2, '0')} 09:30,楼道灯不亮,${address},王阿姨,13800000001,5个工作日,路灯`);
  }
  return lines.join('\r\n');
}
let uploads = 0;
async function send(text: string): Promise<{ uploadId: string; parts: number; fileName: string }> {
  const uploadId = `upcost${uploads++}`;
  await run('hotline', 'upload', { uploadId, part: 0, data: Buffer.from(text).toString('base64') }, PEOPLE.staff);
  return { uploadId, parts: 1, fileName: '12345.csv' };
}

test('single-ticket actions, warm: place 3, 列对应 read 2 and save 3, 待定位 list 3, export of one page 3', async () => {
  await run('hotline', 'mapping', {}, PEOPLE.street);
  const mapping = await requests('hotline', 'mapping', {}, PEOPLE.street);
  // This street's export says 来电号码 where the hotline's usual header says 联系电话.
  const setMapping = await requests('hotline', 'setMapping', { mapping: { phone: '来电号码' } }, PEOPLE.street);

  const file = await send(sheet('CS', 20));
  await run<HotlineStep>('hotline', 'import', { ...file, from: 0 }, PEOPLE.staff);
  const queue = await run<{ items: QueuedTicket[] }>('hotline', 'queue', {}, PEOPLE.staff);
  expect(queue.items).toHaveLength(2);
  // The first placing keeps the building's path warm, as a staff member placing several in a row does.
  await run('hotline', 'place', { ticketId: queue.items[0]!.id, buildingId: NODES.building1 }, PEOPLE.staff);
  const place = await requests('hotline', 'place', { ticketId: queue.items[1]!.id, buildingId: NODES.building1 }, PEOPLE.staff);
  const list = await requests('hotline', 'queue', {}, PEOPLE.staff);
  expect(await s.store.collection('hotline_tickets').count({ streetId: NODES.street, placed: false, calledAt: { $gte: 0 } })).toBe(0);
  expect(await s.store.collection('orders').count({ source: '12345' })).toBe(20);

  await run('hotline', 'export', { format: 'csv' }, PEOPLE.staff);
  const exportPage = await requests('hotline', 'export', { format: 'csv' }, PEOPLE.staff);
  expect({ place, list, mapping, setMapping, exportPage }).toEqual({ place: 3, list: 3, mapping: 2, setMapping: 3, exportPage: 3 });
});

test('a ticket placed once is refused a second time and files no second order', async () => {
  const [done] = await s.store.collection<{ _id: string }>('hotline_tickets').find({ streetId: NODES.street, placed: true, calledAt: { $gte: 0 } }, { limit: 1 });
  const again = await s.call('hotline', 'place', { ticketId: done!._id, buildingId: NODES.building1 }, PEOPLE.staff);
  expect(again.ok).toBe(false);
  expect(await s.store.collection('orders').count({ source: '12345' })).toBe(20);
});

test('import is a batch: each call of 1,000 rows makes at most 16 requests, and the export grows by 2 per 1,000 tickets', async () => {
  const rows = 2000;
  const file = await send(sheet('CT', rows));
  const preview = await requests('hotline', 'preview', file, PEOPLE.staff);
  const perCall: number[] = [];
  for (let from: number | null = 0; from !== null;) {
    perCall.push(await requests('hotline', 'import', { ...file, from }, PEOPLE.staff));
    from = from + 1000 < rows ? from + 1000 : null;
  }
  expect(await s.store.collection('orders').count({ source: '12345' })).toBe(20 + rows - rows / 10);
  expect(perCall).toHaveLength(rows / 1000);
  for (const n of perCall) expect(n).toBeLessThanOrEqual(16);
  // The caller, the file, the mapping, the tree below and above the scope, then which tickets are in: one per 1,000.
  expect(preview).toBeLessThanOrEqual(5 + rows / 1000);
  // 2,020 tickets are three pages: the caller, then each page and its orders (the import forgot the kept settings: warm again).
  await run('hotline', 'export', { format: 'csv' }, PEOPLE.staff);
  expect(await requests('hotline', 'export', { format: 'csv' }, PEOPLE.staff)).toBe(7);
  console.log(`12345 import of ${rows} rows: preview ${preview} requests, import ${perCall.join(' + ')} (per 1,000 rows)`);
});
