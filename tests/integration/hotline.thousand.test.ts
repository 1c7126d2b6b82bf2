/**
 * 12345 工单 at the size a street really sends (issue 14, "Done when"): a 1,000-row export with 33 bad rows and 20
 * addresses no building matches. The preview lists every bad row by number and reason, the import files the rest in
 * steps (queued ones wait for staff), a re-import creates nothing, and the export comes back with every ticket in the
 * file's own layout plus 办理结果/办结时间/回访结果.
 */
import type { Area } from '../../shared/areas/model';
import type { HotlinePreview, HotlineStep } from '../../shared/orders/hotlineApi';
import { HOTLINE_PART_CHARS } from '../../shared/orders/hotlineApi';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { fetchable, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let c1 = '';
beforeAll(async () => {
  s = await startTestServer();
  c1 = (await s.store.collection<Area>('areas').get(NODES.community1))?.name ?? '';
});
afterAll(() => {
  if (s.logged.length) console.log(s.logged.join('\n'));
  return s.close();
});

const HEADER = '序号,工单编号,来电时间,诉求内容,诉求地址,联系人,联系电话,办理时限,诉求分类';
const CONTENTS = ['楼道灯不亮', '门口垃圾堆放', '下水道堵塞', '电梯异响', '楼下噪音扰民'];
const CATEGORIES = ['城乡建设/路灯', '环境卫生'];
const ticketOf = (i: number) => `GD20261201${String(i).padStart(5, '0')}`;

/** What is wrong with row i on purpose, if anything: the reason the preview must give for it. */
function fault(i: number): 'unknown' | 'time' | 'phone' | 'duplicate' | 'deadline' | null {
  if (i % 50 === 7) return 'unknown';
  if (i % 100 === 13) return 'time';
  if (i % 100 === 29) return 'phone';
  if (i % 125 === 61) return 'duplicate';
  if (i % 200 === 99) return 'deadline';
  return null;
}

function row(i: number): string {
  const f = fault(i);
  const minute = String(i % 60).padStart(2, '0');
  const building = (i % 12) + 1;
  return [
    i + 1,
    f === 'duplicate' ? ticketOf(i - 1) : ticketOf(i),
    f === 'time' ? '昨天下午' : `2026-12-01 ${String(8 + (i % 10)).padStart(2, '0')}:${minute}`,
    CONTENTS[i % CONTENTS.length],
    f === 'unknown' ? `真如路${i}弄` : `${c1}${building}号楼${100 + (i % 6)}室`,
    i % 3 === 0 ? '' : `居民${i}`,
    f === 'phone' ? '12345' : `138${String(i).padStart(8, '0')}`,
    f === 'deadline' ? '2026-11-30' : i % 2 ? '5个工作日' : '2026-12-08 18:00',
    CATEGORIES[i % CATEGORIES.length],
  ].join(',');
}

const ROWS = Array.from({ length: 1000 }, (_, i) => i);
const faulty = (kind: ReturnType<typeof fault>) => ROWS.filter((i) => fault(i) === kind);
const PROBLEM_ROWS = ROWS.filter((i) => fault(i) && fault(i) !== 'unknown');

let upload = 0;
async function sendFile() {
  // Built here, not at load: the addresses carry the community's name, read in beforeAll.
  const data = Buffer.from([HEADER, ...ROWS.map(row)].join('\r\n'), 'utf8').toString('base64');
  const uploadId = `upk${upload++}`;
  const parts = Math.ceil(data.length / HOTLINE_PART_CHARS);
  for (let part = 0; part < parts; part++)
    okData(await s.call('hotline', 'upload', { uploadId, part, data: data.slice(part * HOTLINE_PART_CHARS, (part + 1) * HOTLINE_PART_CHARS) }, PEOPLE.staff));
  return { uploadId, parts, fileName: '12345工单（12月）.csv' };
}
async function importAll(file: Record<string, unknown>): Promise<HotlineStep[]> {
  const steps: HotlineStep[] = [];
  for (let from: number | null = 0; from !== null;) {
    const step: HotlineStep = okData(await s.call<HotlineStep>('hotline', 'import', { ...file, from }, PEOPLE.staff));
    steps.push(step);
    from = step.next;
  }
  return steps;
}
const filed = () => s.store.collection('orders').count({ source: '12345' });
const sum = (steps: HotlineStep[], k: 'created' | 'queued') => steps.reduce((n, st) => n + st[k], 0);

test('the preview lists each of the 33 bad rows by its number and reason, and counts what will be placed and queued', async () => {
  expect({ problems: PROBLEM_ROWS.length, unknown: faulty('unknown').length }).toEqual({ problems: 33, unknown: 20 });
  const p = okData(await s.call<HotlinePreview>('hotline', 'preview', await sendFile(), PEOPLE.staff));
  expect(p).toMatchObject({ tickets: 967, existing: 0, placed: 947, queued: 20, problemCount: 33 });
  expect(p.problems.map((x) => x.row)).toEqual(PROBLEM_ROWS.map((i) => i + 2));
  const said = (i: number) => p.problems.find((x) => x.row === i + 2)?.message;
  expect(said(faulty('time')[0]!)).toBe(`第 ${faulty('time')[0]! + 2} 行：「来电时间」「昨天下午」不是日期时间（如 2026-12-01 09:30）`);
  expect(said(faulty('phone')[0]!)).toBe(`第 ${faulty('phone')[0]! + 2} 行：「联系电话」「12345」应为 11 位手机号或带区号的固定电话`);
  const dup = faulty('duplicate')[0]!;
  expect(said(dup)).toBe(`第 ${dup + 2} 行：「工单编号」「${ticketOf(dup - 1)}」与第 ${dup + 1} 行重复`);
  expect(said(faulty('deadline')[0]!)).toBe(`第 ${faulty('deadline')[0]! + 2} 行：「办理时限」早于「来电时间」`);
  expect(await filed()).toBe(0);
});

test('the import files 947 orders and queues 20; the same file again creates nothing', async () => {
  const steps = await importAll(await sendFile());
  expect(steps.at(-1)?.next).toBeNull();
  expect({ created: sum(steps, 'created'), queued: sum(steps, 'queued') }).toEqual({ created: 947, queued: 20 });
  expect(await filed()).toBe(947);
  const queue = okData(await s.call<{ total: number }>('hotline', 'queue', {}, PEOPLE.staff));
  expect(queue.total).toBe(20);

  const again = await importAll(await sendFile());
  expect({ created: sum(again, 'created'), queued: sum(again, 'queued') }).toEqual({ created: 0, queued: 0 });
  expect(await filed()).toBe(947);
});

test('the export comes back with every imported ticket in the file’s layout and the three result columns', async () => {
  const out = okData(await s.call<{ url: string }>('hotline', 'export', { format: 'csv' }, PEOPLE.staff));
  const lines = (await (await fetch(fetchable(s, out.url))).text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(`${HEADER},办理结果,办结时间,回访结果`);
  expect(lines).toHaveLength(1 + 967);
  const tickets = lines.slice(1).map((l) => l.split(',')[1]);
  expect(new Set(tickets).size).toBe(967);
  expect(lines.find((l) => l.split(',')[1] === ticketOf(0))).toBe(`${row(0)},待分拣,,`);
});
