/** 积分台账 export: every entry's 事由 in words and its 来源 as the record's title or human number, corrections included. */
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { ExportView } from '../../shared/dashboard/schemas';
import { orderNumber } from '../../shared/orders/model';
import { creditPoints } from '../../backend/points/ledger';
import { localPorts } from '../../backend/ports/local';
import { publishActivity } from '../support/activities';
import { orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import { declarationIn } from '../support/points';
import type { TestServer } from '../support/server';
import { fetchable, okData, startTestServer } from '../support/server';
import { wishIn } from '../support/wishes';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function rowsOf(file: ExportView, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await (await fetch(fetchable(s, file.url))).arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  const rows: string[][] = [];
  ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

test('each kind of entry says what it was for and which record it came from, by title or 单号', async () => {
  const order = await orderIn(s, 'closed');
  const declaration = await declarationIn(s, 'verified');
  const wish = await wishIn(s, 'fulfilled');
  const activity = await publishActivity(s, { title: '垃圾分类宣传' });
  // Hours are credited at check-out; written directly here, as checkout.ts writes them.
  const deps = { store: s.store, now: () => s.clock.now, log: { error: () => undefined, info: () => undefined }, ports: localPorts(path.join(s.dataDir, 'uploads')) };
  await creditPoints(deps, {
    memberId: PEOPLE.member,
    delta: 2,
    reason: 'activity_hours',
    note: '服务 2 小时',
    sourceType: 'activity',
    sourceId: `${activity.id}:${PEOPLE.member}`,
  });
  okData(await s.call('points', 'correct', { entryId: `order_completed:order:${order}`, reason: '评价有误，冲正' }, PEOPLE.staff));

  const file = okData(await s.call<ExportView>('dashboard', 'exportLedger', { areaId: NODES.community1, year: 2026 }, PEOPLE.staff));
  // A year's ledger is named by its year and the day it was taken.
  expect(file.name).toMatch(/^积分台账-梅川第一居委会-2026年-2026-\d\d-\d\d\.xlsx$/);
  const [header, ...rows] = await rowsOf(file, '积分明细');
  expect(header).toEqual(['姓名', '时间', '积分', '事由', '说明', '来源']);
  const bySource = rows.map((r) => [r[3], r[5]]);
  expect(bySource).toEqual(
    expect.arrayContaining([
      ['完成点单', `点单 ${orderNumber(order)}`],
      ['申报服务', expect.stringMatching(/^服务申报 2026-11-\d\d 2 小时$/)],
      ['圆梦微心愿', '微心愿「想要几本三年级的课外书」'],
      ['志愿活动', '志愿活动「垃圾分类宣传」'],
      ['积分更正', `冲正：完成点单 点单 ${orderNumber(order)}`],
    ]),
  );
  const text = JSON.stringify(rows);
  for (const code of ['order_completed', 'declared_service', 'wish_fulfilled', 'activity_hours', order, declaration, wish, activity.id]) expect(text).not.toContain(code);
});
