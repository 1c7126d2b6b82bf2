/**
 * 12345 工单 (issue 14, point 3): a street's export imported with the default header or the street's saved one; each
 * ticket an order with source 12345, its 工单编号 and 办理时限; a re-import creates nothing; an unknown address waits in
 * the queue until staff place it; the export comes back in the file's layout with the results; other scopes are refused.
 */
import type { Area } from '../../shared/areas/model';
import type { HotlineMappingView, HotlinePreview, HotlineStep, QueuedTicket } from '../../shared/orders/hotlineApi';
import { HOTLINE_FIELDS } from '../../shared/orders/hotline';
import { HOTLINE_PART_CHARS } from '../../shared/orders/hotlineApi';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => {
  if (s.logged.length) console.log(s.logged.join('\n'));
  return s.close();
});

const HEADER = '序号,工单编号,来电时间,诉求内容,诉求地址,联系人,联系电话,办理时限,诉求分类';
let upload = 0;
/** Sends the file up as the page does (one part here) and answers what preview and import take. */
async function sendFile(who: string, text: string, areaId?: string) {
  const uploadId = `up${Date.now().toString(36)}${upload++}`;
  okData(await s.call('hotline', 'upload', { uploadId, part: 0, data: Buffer.from(text, 'utf8').toString('base64') }, who));
  return { uploadId, parts: 1, fileName: '12345工单.csv', ...(areaId ? { areaId } : {}) };
}
async function importAll(who: string, file: Record<string, unknown>): Promise<HotlineStep[]> {
  const steps: HotlineStep[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const r: HotlineStep = okData(await s.call<HotlineStep>('hotline', 'import', { ...file, from }, who));
    steps.push(r);
    from = r.next;
  }
  return steps;
}
const ordersOf = () => s.store.collection<{ _id: string; source?: string; hotline?: { ticket: string; deadline: number } }>('orders').find({ source: '12345' });

let c1 = '';
beforeAll(async () => {
  c1 = (await s.store.collection<Area>('areas').get(NODES.community1))?.name ?? '';
});

const lines = () => [
  HEADER,
  `1,GD2026120100001,2026-12-01 09:30,楼道灯不亮,${c1}第一网格1号楼,王阿姨,13800000001,2026-12-05,城乡建设/路灯`,
  `2,GD2026120100002,2026-12-01 10:05,门口垃圾堆放,真如路88弄,李先生,13800000002,2026-12-04 18:00,环境卫生`,
  `3,GD2026120100003,昨天下午,噪音扰民,${c1}1号楼,,,2026-12-04,环境卫生`,
];

test('a file with the default header files tickets as 12345 orders, queues an unknown address and lists a bad row; a re-import creates nothing', async () => {
  const file = await sendFile(PEOPLE.staff, lines().join('\r\n'));
  const p = okData(await s.call<HotlinePreview>('hotline', 'preview', file, PEOPLE.staff));
  expect(p).toMatchObject({ tickets: 2, existing: 0, placed: 1, queued: 1, problemCount: 1 });
  expect(p.problems).toEqual([{ row: 4, message: '第 4 行：「来电时间」「昨天下午」不是日期时间（如 2026-12-01 09:30）' }]);
  expect(await ordersOf()).toEqual([]);

  expect(await importAll(PEOPLE.staff, file)).toEqual([{ total: 2, created: 1, queued: 1, next: null }]);
  const filed = await ordersOf();
  expect(filed).toHaveLength(1);
  expect(filed[0]).toMatchObject({
    source: '12345',
    status: 'new',
    buildingId: NODES.building1,
    contactName: '王阿姨',
    contactMobile: '13800000001',
    category: '维修',
    hotline: { ticket: 'GD2026120100001', deadline: Date.parse('2026-12-05T23:59:59+08:00') },
  });

  const again = await sendFile(PEOPLE.staff, lines().join('\r\n'));
  expect(okData(await s.call<HotlinePreview>('hotline', 'preview', again, PEOPLE.staff))).toMatchObject({ tickets: 2, existing: 2 });
  expect(await importAll(PEOPLE.staff, again)).toEqual([{ total: 2, created: 0, queued: 0, next: null }]);
  expect(await ordersOf()).toHaveLength(1);
});

test('a queued ticket is placed by hand, which files its order once', async () => {
  const q = okData(await s.call<{ items: QueuedTicket[]; total: number }>('hotline', 'queue', {}, PEOPLE.staff));
  expect(q.total).toBe(1);
  expect(q.items[0]).toMatchObject({ ticket: 'GD2026120100002', address: '真如路88弄', reason: 'unknown' });
  const id = q.items[0]!.id;
  const placed = okData(await s.call<{ orderId: string }>('hotline', 'place', { ticketId: id, buildingId: NODES.building1 }, PEOPLE.staff));
  expect((await ordersOf()).map((o) => o._id).sort()).toEqual(expect.arrayContaining([placed.orderId]));
  expect(await ordersOf()).toHaveLength(2);
  expect(okData(await s.call<{ total: number }>('hotline', 'queue', {}, PEOPLE.staff)).total).toBe(0);
  expect(errorOf(await s.call('hotline', 'place', { ticketId: id, buildingId: NODES.building1 }, PEOPLE.staff)).code).toBe('CONFLICT');
});

test('the export comes back in the file’s layout with 办理结果, 办结时间 and 回访结果', async () => {
  const out = okData(await s.call<{ url: string; name: string }>('hotline', 'export', { format: 'csv' }, PEOPLE.staff));
  const text = (await (await fetch(fetchable(s, out.url))).text()).replace(/^\uFEFF/, '');
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe(`${HEADER},办理结果,办结时间,回访结果`);
  expect(rows.slice(1)).toEqual([
    `1,GD2026120100001,2026-12-01 09:30,楼道灯不亮,${c1}第一网格1号楼,王阿姨,13800000001,2026-12-05,城乡建设/路灯,待分拣,,`,
    `2,GD2026120100002,2026-12-01 10:05,门口垃圾堆放,真如路88弄,李先生,13800000002,2026-12-04 18:00,环境卫生,待分拣,,`,
  ]);
});

test('a street admin saves the street’s own header names, picked from a file’s header; community staff read them and are refused; the default header then misses a column', async () => {
  const own = ['热线单号,来电时间,诉求内容,事发地址,办理时限', `RX0001,2026-12-02 08:00,井盖松动,${c1}2号楼,2026-12-06`].join('\r\n');
  const first = okData(await s.call<HotlinePreview>('hotline', 'preview', await sendFile(PEOPLE.street, own), PEOPLE.street));
  // The file's header is what the 列对应 picker offers.
  expect(first).toMatchObject({ tickets: 0, header: ['热线单号', '来电时间', '诉求内容', '事发地址', '办理时限'] });
  expect(first.problems[0]?.message).toContain('缺少「工单编号」「诉求地址」列');

  const before = okData(await s.call<HotlineMappingView>('hotline', 'mapping', {}, PEOPLE.staff));
  expect(before).toMatchObject({ saved: false, canEdit: false, headers: { ticket: '工单编号' } });
  expect(before.fields[0]).toEqual({ field: 'ticket', label: '工单编号', header: '工单编号', required: true });
  const refused = errorOf(await s.call('hotline', 'setMapping', { mapping: { ticket: '热线单号' } }, PEOPLE.staff));
  expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '列对应按街道保存，只有街道管理员可以修改；请联系街道管理员' });
  expect(okData(await s.call<HotlineMappingView>('hotline', 'mapping', {}, PEOPLE.street)).canEdit).toBe(true);

  const saved = okData(await s.call<HotlineMappingView>('hotline', 'setMapping', { mapping: { ticket: '热线单号', address: '事发地址' } }, PEOPLE.street));
  expect(saved).toMatchObject({ saved: true, canEdit: true, headers: { ticket: '热线单号', address: '事发地址', content: '诉求内容' } });
  expect(okData(await s.call<HotlineMappingView>('hotline', 'mapping', {}, PEOPLE.staff))).toMatchObject({ canEdit: false, headers: { ticket: '热线单号' } });
  const file = await sendFile(PEOPLE.staff, own);
  expect(await importAll(PEOPLE.staff, file)).toEqual([{ total: 1, created: 1, queued: 0, next: null }]);
  const p = okData(await s.call<HotlinePreview>('hotline', 'preview', await sendFile(PEOPLE.staff, lines().join('\r\n')), PEOPLE.staff));
  expect(p.problems[0]?.message).toContain('缺少「热线单号」「事发地址」列');
  const bad = errorOf(await s.call('hotline', 'setMapping', { mapping: { ticket: '诉求内容' } }, PEOPLE.street));
  expect(bad.fields).toEqual({ 'mapping.content': '「诉求内容」与「工单编号」不能对应同一列「诉求内容」' });
});

/** Sends a big file up in parts of HOTLINE_PART_CHARS, as the page does. */
async function sendParts(who: string, bytes: Buffer) {
  const data = bytes.toString('base64');
  const uploadId = `up${Date.now().toString(36)}${upload++}`;
  const parts = Math.ceil(data.length / HOTLINE_PART_CHARS);
  for (let part = 0; part < parts; part++)
    okData(await s.call('hotline', 'upload', { uploadId, part, data: data.slice(part * HOTLINE_PART_CHARS, (part + 1) * HOTLINE_PART_CHARS) }, who));
  return { uploadId, parts, fileName: '12345工单.csv' };
}

test('an export of up to 50,000 tickets is read whole; one more row, or a file over 20 MB, is refused saying so', async () => {
  // In the street's header as saved now (an earlier test changed it), one column per field in HOTLINE_FIELDS order.
  const { headers } = okData(await s.call<HotlineMappingView>('hotline', 'mapping', {}, PEOPLE.staff));
  const values = { ticket: 'GDL', calledAt: '2026-12-01 09:30', content: '路灯不亮', address: '无此地址', contact: '', phone: '', deadline: '2026-12-05', category: '城乡建设' };
  const row = (i: number) => HOTLINE_FIELDS.map((f) => (f === 'ticket' || f === 'address' ? `${values[f]}${i}` : values[f])).join(',');
  const rows = (n: number) => [HOTLINE_FIELDS.map((f) => headers[f]).join(','), ...Array.from({ length: n }, (_, i) => row(i))].join('\r\n');
  const big = okData(await s.call<HotlinePreview>('hotline', 'preview', await sendParts(PEOPLE.staff, Buffer.from(rows(12_000))), PEOPLE.staff));
  expect(big).toMatchObject({ tickets: 12_000, queued: 12_000 });
  const over = errorOf(await s.call('hotline', 'preview', await sendParts(PEOPLE.staff, Buffer.from(rows(50_001))), PEOPLE.staff));
  expect(over.fields).toEqual({ data: '表中有 50001 行，一次最多导入 50000 行：请分几个文件导入' });
  const huge = errorOf(await s.call('hotline', 'preview', await sendParts(PEOPLE.staff, Buffer.alloc(20 * 1024 * 1024 + 1, 'a')), PEOPLE.staff));
  expect(huge.fields).toEqual({ data: '文件有 20.0 MB，一次最多导入 20 MB：请分几个文件导入' });
  expect(await ordersOf()).not.toContainEqual(expect.objectContaining({ hotline: expect.objectContaining({ ticket: 'GDL0' }) }));
});

test('staff of another community and residents are refused with a message naming the field', async () => {
  const file = await sendFile(PEOPLE.otherStaff, lines().join('\r\n'));
  const e = errorOf(await s.call('hotline', 'import', { ...file, areaId: NODES.community1, from: 0 }, PEOPLE.otherStaff));
  expect(e.code).toBe('VALIDATION');
  expect(e.fields?.areaId).toMatch(/^「导入到」不在您的辖区内/);
  expect(errorOf(await s.call('hotline', 'upload', { uploadId: 'upresident1', part: 0, data: 'YWJjZA==' }, PEOPLE.resident)).code).toBe('FORBIDDEN');
  expect(errorOf(await s.call('hotline', 'queue', { areaId: NODES.community1 }, PEOPLE.otherStaff)).fields?.areaId).toContain('不在您的辖区内');
});
