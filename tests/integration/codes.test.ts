/**
 * 民情二维码: codes per node and activity (stable content, staff scope), scene resolution with every bad
 * scene, and the grid poster PDF whose pages' codes decode to each building's order page.
 */
import jsQR from 'jsqr';
import type { Area } from '../../shared/areas/model';
import type { CodeView, PosterFile, ScanResolution } from '../../shared/codes/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { PersonKey } from '../support/people';
import { pdfPageCount, pdfPageImages, pdfPageTexts } from '../support/pdf';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, startTestServer } from '../support/server';

let s: TestServer;
const ACTIVITY = 'act-test-1';
beforeAll(async () => {
  s = await startTestServer();
  process.env.WG_PUBLIC_URL = s.url;
  const c1 = await s.store.collection<Area>('areas').get(NODES.community1);
  // The activities module owns this collection; a code needs only _id, title and path.
  await s.store.collection<{ _id: string; title: string; path: string }>('activities').insert({ _id: ACTIVITY, title: '楼道清洁志愿活动', path: c1!.path });
});
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await s.close();
});

const auditCount = () => s.store.collection('audit').count({});

const ROLES: PersonKey[] = ['resident', 'member', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
const o = 'ok',
  F = 'FORBIDDEN';
const MATRIX: Array<[string, Record<string, unknown>, string[]]> = [
  ['forNode', { areaId: NODES.building1 }, [F, F, o, o, o, F, o]],
  ['forNode', { areaId: NODES.grid1 }, [F, F, o, o, o, F, o]],
  ['forNode', { areaId: NODES.community1 }, [F, F, F, F, o, F, o]],
  ['forActivity', { activityId: ACTIVITY }, [F, F, F, F, o, F, o]],
  ['poster', { areaId: NODES.building1 }, [F, F, o, o, o, F, o]],
  ['posterForGrid', { gridId: NODES.grid1 }, [F, F, o, o, o, F, o]],
];

describe.each(MATRIX)('codes.%s %j', (action, data, outcomes) => {
  test.each(ROLES.map((r, i) => [r, outcomes[i]]))('%s → %s', async (role, outcome) => {
    const before = await auditCount();
    const env = await s.call('codes', action, data, PEOPLE[role as PersonKey]);
    if (outcome === 'ok') expect(env.ok).toBe(true);
    else {
      expect(errorOf(env).code).toBe(outcome);
      expect(await auditCount()).toBe(before);
    }
  });
});

/**
 * What a code encodes: the h5 URL of its page locally; in the cloud a mini-program code of the scan page with
 * the scene (wxacode.getUnlimited; the simulator draws it as a QR of that text, which is what the app stores).
 */
const codeContent = (webRoute: string, scene: string) => (s.backend === 'cloud' ? `pages/scan/index?scene=${encodeURIComponent(scene)}` : `${s.url}/#${webRoute}`);

describe('codes are stable and name the right page', () => {
  test('a building code is the h5 order page of that building, the same every time', async () => {
    const a = okData(await s.call<CodeView>('codes', 'forNode', { areaId: NODES.building1 }, PEOPLE.staff));
    const b = okData(await s.call<CodeView>('codes', 'forNode', { areaId: NODES.building1 }, PEOPLE.street));
    expect(a.content).toBe(codeContent(`/pages/order/new/index?building=${NODES.building1}`, `n=${NODES.building1}`));
    expect(b.content).toBe(a.content);
    expect(a.scene).toBe(`n=${NODES.building1}`);
    expect(a.page).toBe('pages/scan/index');
    expect(a.title).toContain('1号楼');
    // A QR drawn here is a PNG; WeChat's mini-program code comes back as a JPEG.
    const [, type, data] = /^data:image\/(png|jpeg);base64,(.*)$/.exec(a.image) ?? [];
    const bytes = Buffer.from(data ?? '', 'base64');
    if (s.backend === 'cloud') expect([type, bytes[0], bytes[1]]).toEqual(['jpeg', 0xff, 0xd8]);
    else expect([type, bytes.subarray(1, 4).toString()]).toEqual(['png', 'PNG']);
  });

  test('a grid code leads to the scan page with its scene; an activity code to its check-in', async () => {
    const grid = okData(await s.call<CodeView>('codes', 'forNode', { areaId: NODES.grid1 }, PEOPLE.gridLeader));
    expect(grid.content).toBe(codeContent(`/pages/scan/index?scene=n%3D${NODES.grid1}`, `n=${NODES.grid1}`));
    const act = okData(await s.call<CodeView>('codes', 'forActivity', { activityId: ACTIVITY }, PEOPLE.staff));
    expect(act.content).toBe(codeContent(`/activity/pages/checkin/index?id=${ACTIVITY}`, `a=${ACTIVITY}`));
    expect(act.scene).toBe(`a=${ACTIVITY}`);
    expect(act.title).toBe('楼道清洁志愿活动');
  });

  test('every place code is titled the same way, from the community down', async () => {
    const title = async (areaId: string) => okData(await s.call<CodeView>('codes', 'forNode', { areaId }, PEOPLE.staff)).title;
    expect(await title(NODES.community1)).toBe('梅川第一居委会');
    expect(await title(NODES.grid1)).toBe('梅川第一居委会 / 第一网格');
    expect(await title(NODES.building1)).toBe('梅川第一居委会 / 第一网格 / 1号楼');
  });

  test('bad input names the field; streets, unknown nodes and activities are refused', async () => {
    expect(errorOf(await s.call('codes', 'forNode', { areaId: '../etc' }, PEOPLE.staff)).fields).toEqual({ areaId: '区域格式不正确' });
    expect(errorOf(await s.call('codes', 'forNode', {}, PEOPLE.staff)).fields).toEqual({ areaId: '区域需为编号' });
    expect(errorOf(await s.call('codes', 'forNode', { areaId: NODES.grid1, x: 1 }, PEOPLE.staff)).fields).toEqual({ x: '不认识的字段：x' });
    const street = errorOf(await s.call('codes', 'forNode', { areaId: NODES.street }, PEOPLE.street));
    expect(street).toMatchObject({ code: 'VALIDATION', fields: { areaId: '街镇不能生成民情二维码，请选择社区、网格或楼栋' } });
    expect(errorOf(await s.call('codes', 'forNode', { areaId: 'B-nope' }, PEOPLE.street)).code).toBe('NOT_FOUND');
    expect(errorOf(await s.call('codes', 'forActivity', { activityId: 'act-nope' }, PEOPLE.street)).code).toBe('NOT_FOUND');
    expect(errorOf(await s.call('codes', 'forActivity', { activityId: 7 }, PEOPLE.street)).fields).toEqual({ activityId: '活动需为编号' });
    expect(errorOf(await s.call('codes', 'posterForGrid', { gridId: NODES.building1 }, PEOPLE.street)).fields).toEqual({ gridId: '请选择一个网格' });
    expect(errorOf(await s.call('codes', 'poster', { areaId: NODES.street }, PEOPLE.street)).fields).toEqual({ areaId: '街镇不能生成民情二维码，请选择社区、网格或楼栋' });
  });
});

describe('codes.resolve', () => {
  const resolve = (scene: unknown, who: string = PEOPLE.resident) => s.call<ScanResolution>('codes', 'resolve', { scene }, who);

  test('a building scene opens its order page, with the grid leader to call', async () => {
    const r = okData(await resolve(`n=${NODES.building1}`));
    expect(r).toMatchObject({ goal: 'order', route: `/pages/order/new/index?building=${NODES.building1}` });
    expect(r.node).toMatchObject({ id: NODES.building1, level: 'building', name: '1号楼', trail: expect.stringContaining('梅川第一居委会 / 第一网格 / 1号楼') });
    const grid = await s.store.collection<Area>('areas').get(NODES.grid1);
    expect(r.contact).toEqual({ name: '赵强', roleName: '网格长', phone: grid!.phone, areaName: '第一网格' });
  });

  test('the grid leader scanning his own grid is offered the community office, not his own phone', async () => {
    const community = await s.store.collection<Area>('areas').get(NODES.community1);
    const r = okData(await resolve(`n=${NODES.grid1}`, PEOPLE.gridLeader));
    expect(r.contact).toEqual({ name: null, roleName: '社区居委会', phone: community!.phone, areaName: '梅川第一居委会' });
  });

  test('the URL-encoded scene WeChat hands over resolves the same', async () => {
    expect(okData(await resolve(`n%3D${NODES.building1}`)).node?.id).toBe(NODES.building1);
  });

  test('grid and community scenes land on the scan page; an activity scene opens its check-in', async () => {
    expect(okData(await resolve(`n=${NODES.grid1}`))).toMatchObject({ goal: 'landing', node: { level: 'grid' } });
    const c = okData(await resolve(`n=${NODES.community1}`, PEOPLE.otherStaff));
    expect(c).toMatchObject({ goal: 'landing', contact: { roleName: '社区居委会' } });
    expect(okData(await resolve(`a=${ACTIVITY}`, PEOPLE.member))).toEqual({
      goal: 'checkin',
      route: `/activity/pages/checkin/index?id=${ACTIVITY}`,
      activity: { id: ACTIVITY, title: '楼道清洁志愿活动' },
    });
  });

  test.each([
    ['empty', '', 'VALIDATION', '二维码内容为空'],
    ['33 characters', `n=${'A'.repeat(31)}`, 'VALIDATION', '超过 32 个字符'],
    ['not scene characters', 'n=B 1', 'VALIDATION', '无法识别的字符'],
    ['malformed', 'x=abc', 'VALIDATION', '无法识别这个二维码'],
    ['malformed id', 'n=', 'VALIDATION', '无法识别这个二维码'],
    ['unknown node', 'n=B310107102008-9-9', 'NOT_FOUND', '区域不存在'],
    ['unknown activity', 'a=act-gone', 'NOT_FOUND', '活动不存在'],
    ['not text', 42, 'VALIDATION', '二维码内容需为文字'],
  ])('%s → %s', async (_name, scene, code, message) => {
    const e = errorOf(await resolve(scene));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
    if (code === 'VALIDATION') expect(e.fields).toEqual({ scene: e.message });
  });

  test('a retired node says so and names it', async () => {
    const retired = 'B310107102008-3-4';
    await s.store.collection<Area>('areas').updateWhere({ _id: retired }, { $set: { retired: true } });
    const e = errorOf(await resolve(`n=${retired}`));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('楼栋“12号楼”已停用') });
    await s.store.collection<Area>('areas').updateWhere({ _id: retired }, { $set: { retired: false } });
  });

  test('needs a verified identity', async () => {
    expect(errorOf(await resolve(`n=${NODES.building1}`, null as unknown as string)).code).toBe('UNAUTHENTICATED');
  });
});

describe('posters', () => {
  test("a grid poster is one PDF with a page per building, each page's code decoding to that building's order page", async () => {
    const before = await auditCount();
    const file = okData(await s.call<PosterFile>('codes', 'posterForGrid', { gridId: NODES.grid1 }, PEOPLE.staff));
    expect(file).toMatchObject({ pages: 4, name: '民情二维码-梅川第一居委会第一网格.pdf' });
    const res = await fetch(fetchable(s, file.url));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdfPageCount(pdf)).toBe(4);
    const decoded = pdfPageImages(pdf).map(([img]) => (img ? jsQR(img.data, img.width, img.height)?.data : undefined));
    const buildings = (await s.store.collection<Area>('areas').find({ parentId: NODES.grid1 }, { sort: [['order', 1]] })).map((b) => b._id);
    expect(decoded).toEqual(buildings.map((id) => codeContent(`/pages/order/new/index?building=${id}`, `n=${id}`)));
    expect(await auditCount()).toBe(before + 1);
  });

  test('a grid with a 网格长 prints his name; a grid without one prints the community office, and says whom 一键呼叫 rings', async () => {
    const pages = async (gridId: string) => {
      const file = okData(await s.call<PosterFile>('codes', 'posterForGrid', { gridId }, PEOPLE.staff));
      return pdfPageTexts(Buffer.from(await (await fetch(fetchable(s, file.url))).arrayBuffer()));
    };
    const grid1 = await s.store.collection<Area>('areas').get(NODES.grid1);
    const [led] = await pages(NODES.grid1);
    expect(led).toContain('网格长 赵强（第一网格）');
    expect(led).toContain(`电话 ${grid1!.phone}`);
    expect(led).toContain('直接拨打本网格网格长电话');
    const community = await s.store.collection<Area>('areas').get(NODES.community1);
    const unled = await pages(NODES.grid2);
    expect(unled).toHaveLength(4);
    for (const page of unled) {
      expect(page).toContain('社区居委会（梅川第一居委会）');
      expect(page).toContain(`电话 ${community!.phone}`);
      expect(page).toContain('直接拨打社区居委会电话');
      expect(page).not.toContain('网格长');
    }
  });

  test('a node poster is named like the grid poster: from the community down', async () => {
    expect(okData(await s.call<PosterFile>('codes', 'poster', { areaId: NODES.grid1 }, PEOPLE.staff)).name).toBe('民情二维码-梅川第一居委会第一网格.pdf');
    expect(okData(await s.call<PosterFile>('codes', 'poster', { areaId: NODES.building1 }, PEOPLE.staff)).name).toBe('民情二维码-梅川第一居委会第一网格1号楼.pdf');
  });

  test('a single node poster has one page', async () => {
    const file = okData(await s.call<PosterFile>('codes', 'poster', { areaId: NODES.community1 }, PEOPLE.staff));
    const pdf = Buffer.from(await (await fetch(fetchable(s, file.url))).arrayBuffer());
    expect(pdfPageCount(pdf)).toBe(1);
    const [img] = pdfPageImages(pdf)[0] ?? [];
    expect(img && jsQR(img.data, img.width, img.height)?.data).toBe(codeContent(`/pages/scan/index?scene=n%3D${NODES.community1}`, `n=${NODES.community1}`));
  });

  test('retired buildings get no page', async () => {
    const retired = 'B310107102008-1-4';
    await s.store.collection<Area>('areas').updateWhere({ _id: retired }, { $set: { retired: true } });
    const file = okData(await s.call<PosterFile>('codes', 'posterForGrid', { gridId: NODES.grid1 }, PEOPLE.gridLeader));
    expect(file.pages).toBe(3);
    await s.store.collection<Area>('areas').updateWhere({ _id: retired }, { $set: { retired: false } });
  });
});
