/**
 * 导入网格树 (issue 16, point 2): the template downloads with the scope's 社区 filled in; a file with problems lists every
 * bad row by its number and writes nothing; a clean file is previewed, then imported in steps; the same file again creates
 * nothing; rows outside the importer's scope, and people who may not reshape the tree, are refused.
 */
import ExcelJS from 'exceljs';
import type { Area } from '../../shared/areas/model';
import type { AreaView, ImportPreview, ImportStep, ImportTemplate } from '../../shared/areas/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { FUNCTIONS } from '../../backend/functions';
import { handle } from '../../backend/runtime/handle';
import type { Collection, Doc, DocumentStore } from '../../backend/store/port';
import { costMeter } from '../support/cost';
import { depsOver } from '../support/effects';
import { BACKEND, errorOf, fetchable, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const HEADER = '片区,社区,网格,楼栋,电话';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const csv = (...lines: string[]) => ({ fileName: '网格树.csv', data: b64([HEADER, ...lines].join('\r\n')) });
const preview = (who: string, file: Record<string, unknown>) => s.call<ImportPreview>('areas', 'previewImport', file, who);
const step = (who: string, file: Record<string, unknown>) => s.call<ImportStep>('areas', 'import', file, who);
const all = () => s.store.collection<Area>('areas').find({ path: { $prefix: `/${NODES.street}/` } });
const childrenNames = async (parentId: string) => okData(await s.call<{ children: AreaView[] }>('areas', 'children', { parentId }, PEOPLE.resident)).children.map((c) => c.name);

let c1 = '';
let c2 = '';
beforeAll(async () => {
  const nodes = await all();
  c1 = nodes.find((a) => a._id === NODES.community1)?.name ?? '';
  c2 = nodes.find((a) => a._id === NODES.community2)?.name ?? '';
});

/** Runs the import to the end as the page does, returning each step. */
async function importAll(who: string, file: Record<string, unknown>): Promise<ImportStep[]> {
  const steps: ImportStep[] = [];
  for (let i = 0; i < 20; i++) {
    const r = okData(await step(who, file));
    steps.push(r);
    if (r.remaining === 0) return steps;
  }
  throw new Error('import did not finish in 20 steps');
}

test('the template downloads as xlsx and as CSV with the columns and the community rows of the scope', async () => {
  const x = okData(await s.call<ImportTemplate>('areas', 'importTemplate', { format: 'xlsx' }, PEOPLE.staff));
  expect(x.name).toBe(`网格树导入模板-${c1}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(fetchable(s, x.url))).arrayBuffer());
  const sheet = book.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['片区', '社区', '网格', '微网格', '楼栋', '电话']);
  expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['梅川片区', c1]);
  expect(sheet.rowCount).toBe(2);
  expect(book.worksheets[1]?.name).toBe('说明');

  const c = okData(await s.call<ImportTemplate>('areas', 'importTemplate', { format: 'csv' }, PEOPLE.street));
  const text = await (await fetch(fetchable(s, c.url))).text();
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('片区,社区,网格,微网格,楼栋,电话');
  expect(lines).toHaveLength(29); // 长征镇's 28 居委会
});

test('every bad row is listed with its number, and neither the preview nor the import writes anything', async () => {
  const before = (await all()).length;
  const file = csv(
    `,${c1},第十网格,,021-62345678`, // 2: fine
    `,${c1},第十网格,1号楼,`, // 3: fine
    `,${c1},第十网格,1号楼,`, // 4: duplicate of 3
    `,${c1},第十一网格,1号楼,`, // 5: grid neither in the tree nor in the file
    `,${c1},,2号楼,`, // 6: building with no grid
    `,,第十二网格,,`, // 7: grid without its community
    `,不存在居委会,第一网格,,`, // 8: unknown community
    `怒江片区,${c1},第十网格,3号楼,`, // 9: community is not in that zone
    `,${c1},第十网格,4号楼,12345`, // 10: bad phone
    `,${c1},第十网格,<b>5号楼</b>,`, // 11: markup
  );
  const p = okData(await preview(PEOPLE.staff, file));
  expect(p.problems.map((x) => x.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  const say = Object.fromEntries(p.problems.map((x) => [x.row, x.message]));
  expect(say[4]).toBe(`第 4 行：与第 3 行重复：「第十网格」下已有名为「1号楼」的楼栋`);
  expect(say[5]).toContain(`缺少上级：「${c1}」下没有网格「第十一网格」`);
  expect(say[6]).toContain(`楼栋「2号楼」须在网格之下：「${c1}」下没有填写网格`);
  expect(say[7]).toContain('层级不对：网格「第十二网格」须填写所在社区');
  expect(say[8]).toContain('「不存在居委会」不在您的辖区内');
  expect(say[9]).toContain(`社区「${c1}」不在片区「怒江片区」下（在「梅川片区」下）`);
  expect(say[10]).toContain('电话「12345」应为 11 位手机号');
  expect(say[11]).toBe('第 11 行：楼栋名称不能包含网页标签');
  expect(p.problemCount).toBe(8);

  const e = errorOf(await step(PEOPLE.staff, file));
  expect(e.code).toBe('VALIDATION');
  expect(e.message).toContain('没有导入任何区域');
  expect(await all()).toHaveLength(before);
});

test('a street admin sees unknown communities as a missing parent and a 楼栋 under a community with no grid', async () => {
  const p = okData(await preview(PEOPLE.street, csv(`,不存在居委会,第一网格,,`, `,${c2},,5号楼,`)));
  expect(p.problems.map((x) => x.message)).toEqual([
    '第 2 行：缺少上级：社区「不存在居委会」不存在（社区由上线设置按行政区划建立，请核对名称）',
    `第 3 行：楼栋「5号楼」须在网格之下：「${c2}」下没有填写网格`,
  ]);
});

test('a header without the columns, a 微网格 out of order and an unreadable file are refused with the reason; a GB18030 CSV is read', async () => {
  const noHeader = okData(await preview(PEOPLE.staff, { fileName: 'x.csv', data: b64('名称,电话\r\n一号楼,\r\n') }));
  expect(noHeader.problems[0]?.message).toContain('缺少「社区」「网格」「楼栋」列');
  const micro = okData(
    await preview(PEOPLE.staff, { fileName: 'x.csv', data: b64(`社区,网格,微网格,楼栋\r\n${c1},第一网格,一号微网格,1号楼\r\n${c1},,二号微网格,\r\n${c1},第一网格,1号楼,\r\n`) }),
  );
  expect(micro.problems.map((p) => p.message)).toEqual([
    '第 2 行：缺少上级：网格「第一网格」下没有微网格「一号微网格」，请先加一行该微网格（或核对名称）',
    '第 3 行：层级不对：微网格「二号微网格」须填写所在网格（微网格在网格之下）',
    '第 4 行：层级不对：「第一网格」下的「1号楼」是楼栋，不是微网格',
  ]);
  expect(micro.create).toEqual({ zone: 0, grid: 0, microgrid: 0, building: 0 });
  // What Excel on Chinese Windows saves: GB18030, here 社区,网格,楼栋 and no rows.
  const gbk = Buffer.from('c9e7c7f82ccdf8b8f12cc2a5b6b00d0a', 'hex').toString('base64');
  expect(okData(await preview(PEOPLE.staff, { fileName: 'gbk.csv', data: gbk }))).toMatchObject({ rows: 0, problemCount: 0 });
  const broken = errorOf(await preview(PEOPLE.staff, { fileName: 'x.xlsx', data: Buffer.from('PK\u0003\u0004 not a zip').toString('base64') }));
  expect(broken.fields?.data).toContain('无法读取这个表格文件');
});

const CLEAN = () =>
  csv(
    `,${c1},第十网格,,021-62345678`,
    `,${c1},第十网格,10-1号楼,13911112222`,
    `,${c1},第十网格,10-2号楼,`,
    `梅川片区,${c1},第一网格,新建8号楼,`, // under an existing grid, zone named as it is
    `,${c1},第一网格,,`, // an existing grid: left as it is
  );

test('a clean file is previewed, imported, shows in the tree with its phones and is logged once', async () => {
  const p = okData(await preview(PEOPLE.staff, CLEAN()));
  expect(p).toMatchObject({ rows: 5, problems: [], problemCount: 0, create: { zone: 0, grid: 1, building: 3 }, existing: 1 });
  expect(p.root).toMatchObject({ id: NODES.community1, level: 'community' });
  const steps = await importAll(PEOPLE.staff, CLEAN());
  expect(steps).toEqual([{ created: 4, remaining: 0 }]);
  const grid = (await all()).find((a) => a.name === '第十网格' && a.parentId === NODES.community1)!;
  expect(grid.phone).toBe('021-62345678');
  expect(await childrenNames(grid._id)).toEqual(['10-1号楼', '10-2号楼']);
  expect(await childrenNames(NODES.grid1)).toContain('新建8号楼');
  expect((await all()).find((a) => a.name === '10-1号楼')?.phone).toBe('13911112222');
  const log = okData(await s.call<AuditPage>('audit', 'list', { action: 'areas.import' }, PEOPLE.street)).items;
  expect(log).toHaveLength(1);
  expect(log[0]?.details).toEqual(expect.arrayContaining(['文件：网格树.csv', '本次新增 4 个区域']));
});

test('importing the same file again creates nothing; an xlsx of the same rows neither', async () => {
  const before = (await all()).length;
  expect(okData(await preview(PEOPLE.staff, CLEAN()))).toMatchObject({ create: { zone: 0, grid: 0, building: 0 }, existing: 5 });
  expect(await importAll(PEOPLE.staff, CLEAN())).toEqual([{ created: 0, remaining: 0 }]);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('网格树');
  sheet.addRow(HEADER.split(','));
  sheet.addRow(['', c1, '第十网格', '10-2号楼', '']);
  const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  expect(await importAll(PEOPLE.staff, { fileName: '网格树.xlsx', data })).toEqual([{ created: 0, remaining: 0 }]);
  expect(await all()).toHaveLength(before);
});

test('an import cut short is finished by running the same file again, each node once', async () => {
  const lines = [`,${c1},试点网格,,`, ...Array.from({ length: 40 }, (_, i) => `,${c1},试点网格,${i + 1}号楼,`)];
  // A first run that died after its grid and 10 buildings: what a step cut short leaves.
  const partial = okData(await preview(PEOPLE.staff, csv(...lines.slice(0, 11))));
  expect(partial.create).toMatchObject({ grid: 1, building: 10 });
  await importAll(PEOPLE.staff, csv(...lines.slice(0, 11)));
  expect(await importAll(PEOPLE.staff, csv(...lines))).toEqual([{ created: 30, remaining: 0 }]);
  const grid = (await all()).find((a) => a.name === '试点网格')!;
  const names = await childrenNames(grid._id);
  expect(names).toHaveLength(40);
  expect(new Set(names).size).toBe(40);
});

test('scope: community staff may not import into the street or another community, nor name another community; a grid leader may not import', async () => {
  const before = (await all()).length;
  expect(errorOf(await preview(PEOPLE.staff, { ...csv(`,${c1},第一网格,,`), rootId: NODES.street })).code).toBe('FORBIDDEN');
  expect(errorOf(await step(PEOPLE.staff, { ...csv(`,${c2},新网格,,`), rootId: NODES.community2 })).code).toBe('FORBIDDEN');
  const other = okData(await preview(PEOPLE.staff, csv(`,${c2},新网格,,`, `新片区,,,,`)));
  expect(other.problems.map((p) => p.message)).toEqual([
    `第 2 行：「${c2}」不在您的辖区内：您只能导入「${c1}」之下的网格和楼栋`,
    `第 3 行：「新片区」不在您的辖区内：您只能导入「${c1}」之下的区域`,
  ]);
  expect(errorOf(await step(PEOPLE.staff, csv(`,${c2},新网格,,`))).code).toBe('VALIDATION');
  const leader = errorOf(await step(PEOPLE.gridLeader, csv(`,${c1},第一网格,9号楼,`)));
  expect(leader.code).toBe('FORBIDDEN');
  expect(leader.message).toContain('网格长、网格员不能调整网格树');
  expect(errorOf(await step(PEOPLE.resident, csv(`,${c1},第一网格,9号楼,`))).code).toBe('FORBIDDEN');
  expect(await all()).toHaveLength(before);
});

test('a street admin imports a 片区 and grids across communities in one file', async () => {
  const r = await importAll(PEOPLE.street, csv('新城片区,,,,021-1234567', `,${c2},东区网格,,`, `,${c2},东区网格,东1号楼,`, `,${c1},第十网格,10-3号楼,`));
  expect(r.at(-1)).toEqual({ created: 4, remaining: 0 });
  expect(await childrenNames(NODES.street)).toContain('新城片区');
});

test('database requests do not grow with the rows: a preview reads the caller, the node, its subtree and its ancestors; a step adds one batch insert', async () => {
  const requests = costMeter(s);
  const file = csv(`,${c1},第三十网格,,`, ...Array.from({ length: 60 }, (_, i) => `,${c1},第三十网格,${i + 1}号楼,`));
  expect(await requests('areas', 'previewImport', file, PEOPLE.staff)).toBe(4);
  // CloudBase: the batch insert first reads which of its ids exist (backend/store/cloudbase.ts insertMany).
  expect(await requests('areas', 'import', file, PEOPLE.staff)).toBe(BACKEND === 'cloud' ? 6 : 5);
  expect(await requests('areas', 'import', file, PEOPLE.staff)).toBe(4);
});

/** The store as the import sees it, stopping (the function died) at the given batch insert of areas. */
function diesAtInsert(inner: DocumentStore, at: number): DocumentStore {
  let n = 0;
  const wrap = <T extends Doc>(name: string, c: Collection<T>): Collection<T> => ({
    get: (id) => c.get(id),
    find: (f, o) => c.find(f, o),
    count: (f) => c.count(f),
    insert: (d) => c.insert(d),
    insertIfAbsent: (d) => c.insertIfAbsent(d),
    group: (f, g) => c.group(f, g),
    updateWhere: (f, p) => c.updateWhere(f, p),
    insertMany: async (ds) => {
      if (name === 'areas' && ++n === at) throw new Error('function stopped');
      return c.insertMany(ds);
    },
  });
  return { collection: <T extends Doc>(name: string) => wrap(name, inner.collection<T>(name)), ensureIndexes: (n2, i) => inner.ensureIndexes(n2, i), close: () => inner.close() };
}

test('a step that dies between its batch inserts leaves every written node under its parent, and the same file again finishes it', async () => {
  const file = csv(`,${c1},第四十网格,,`, ...Array.from({ length: 700 }, (_, i) => `,${c1},第四十网格,40-${i + 1}号楼,`));
  const died = await handle(FUNCTIONS.areas!, { action: 'import', data: file }, { kind: 'local', userId: PEOPLE.staff }, depsOver(s, diesAtInsert(s.functionStore, 2)));
  expect(died.ok).toBe(false);
  const written = await all();
  const ids = new Set(written.map((a) => a._id));
  const grid = written.find((a) => a.name === '第四十网格')!;
  const half = written.filter((a) => a.parentId === grid._id);
  expect(half).toHaveLength(499); // the first batch of 500: the grid and 499 of its buildings
  expect(written.every((a) => a.parentId === null || ids.has(a.parentId))).toBe(true);

  expect(okData(await preview(PEOPLE.staff, file)).create).toEqual({ zone: 0, grid: 0, microgrid: 0, building: 201 });
  expect(await importAll(PEOPLE.staff, file)).toEqual([{ created: 201, remaining: 0 }]);
  const names = (await all()).filter((a) => a.parentId === grid._id).map((a) => a.name);
  expect(names).toHaveLength(700);
  expect(new Set(names).size).toBe(700);
});

test('a 微网格 column: a new grid with two 微网格 and their 楼组, beside a 楼栋 straight under the grid; previewed, imported, idempotent', async () => {
  const file = {
    fileName: '微网格.csv',
    data: b64(
      [
        '片区,社区,网格,微网格,楼栋,电话',
        `,${c1},微网格示范网格,,,021-62340020`,
        `,${c1},微网格示范网格,东区微网格,,13900000020`,
        `,${c1},微网格示范网格,东区微网格,20-1号楼,`,
        `,${c1},微网格示范网格,东区微网格,20-2号楼,`,
        `,${c1},微网格示范网格,西区微网格,20-3号楼,`, // the 微网格 named by a later row
        `,${c1},微网格示范网格,西区微网格,,`,
        `,${c1},微网格示范网格,,20-9号楼,`, // no 微网格: straight under the grid
        `,${c1},第一网格,南区微网格,,`, // an existing grid gains a 微网格
      ].join('\r\n'),
    ),
  };
  const p = okData(await preview(PEOPLE.staff, file));
  expect(p).toMatchObject({ rows: 8, problemCount: 0, existing: 0, create: { zone: 0, grid: 1, microgrid: 3, building: 4 } });
  expect(await importAll(PEOPLE.staff, file)).toEqual([{ created: 8, remaining: 0 }]);
  const tree = await all();
  const grid = tree.find((a) => a.name === '微网格示范网格')!;
  const east = tree.find((a) => a.name === '东区微网格')!;
  expect(east).toMatchObject({ level: 'microgrid', parentId: grid._id, phone: '13900000020', path: `${grid.path}${east._id}/` });
  expect(await childrenNames(grid._id)).toEqual(['东区微网格', '西区微网格', '20-9号楼']);
  expect(await childrenNames(east._id)).toEqual(['20-1号楼', '20-2号楼']);
  expect(tree.find((a) => a.name === '20-3号楼')).toMatchObject({ level: 'building', ancestors: [...grid.ancestors, grid._id, tree.find((a) => a.name === '西区微网格')!._id] });
  expect(tree.find((a) => a.name === '南区微网格')).toMatchObject({ level: 'microgrid', parentId: NODES.grid1 });
  // The same file again: every row is known, nothing is written.
  expect(okData(await preview(PEOPLE.staff, file))).toMatchObject({ existing: 8, create: { zone: 0, grid: 0, microgrid: 0, building: 0 } });
  expect(await importAll(PEOPLE.staff, file)).toEqual([{ created: 0, remaining: 0 }]);
  expect((await all()).length).toBe(tree.length);
});
