/** Streamed xlsx exports: every row arrives, in order, served back over the real gateway under an unguessable name. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportXlsx, scanAll } from '../../backend/exports/xlsx';
import { localPorts } from '../../backend/ports/local';
import type { Deps } from '../../backend/runtime/types';
import type { TestServer } from '../support/server';
import { fetchable, startTestServer } from '../support/server';

let s: TestServer;
let deps: Deps;
beforeAll(async () => {
  s = await startTestServer();
  deps = { store: s.store, now: () => s.clock.now, log: { error: () => undefined, info: () => undefined }, ports: localPorts(path.join(s.dataDir, 'uploads')) };
});
afterAll(() => s.close());

interface Probe {
  _id: string;
  n: number;
  kind: string;
}

test('scanAll pages through every matching document once, in _id order', async () => {
  const coll = s.store.collection<Probe>('export_probe');
  for (let i = 0; i < 1234; i++) await coll.insert({ _id: `p${String(i).padStart(5, '0')}`, n: i, kind: i % 3 === 0 ? '甲' : '乙' });
  const seen: number[] = [];
  for await (const d of scanAll(coll, { kind: '甲' }, 100)) seen.push(d.n);
  expect(seen).toHaveLength(412);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(new Set(seen).size).toBe(412);
});

test('exportXlsx writes a header row and every row, and the gateway serves the file back', async () => {
  const coll = s.store.collection<Probe>('export_probe');
  async function* rows() {
    for await (const d of scanAll(coll, {}, 200)) yield { id: d._id, n: d.n, kind: d.kind };
  }
  const file = await exportXlsx(deps, {
    title: '测试台账',
    sheets: [
      {
        name: '明细',
        columns: [
          { header: '编号', key: 'id' },
          { header: '序号', key: 'n' },
          { header: '类别', key: 'kind' },
        ],
        rows: rows(),
      },
    ],
  });
  expect(file.rows).toBe(1234);
  expect(file.name).toBe('测试台账-2026-11-20.xlsx');
  expect(file.url).toMatch(/^\/uploads\/exp-[0-9a-f]{32}\.xlsx$/);

  const res = await fetch(fetchable(s, file.url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('明细');
  expect(ws?.rowCount).toBe(1235);
  expect(ws?.getRow(1).values).toEqual([undefined, '编号', '序号', '类别']);
  expect(ws?.getRow(2).values).toEqual([undefined, 'p00000', 0, '甲']);
  expect(ws?.getRow(1235).getCell(2).value).toBe(1233);
});
