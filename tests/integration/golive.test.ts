/**
 * 上线 end to end (issue 16, "Done when"): from an EMPTY store a street is set up, its first admin accepts the invitation,
 * imports a tree of 30 grids and 300 buildings from a sheet, invites a 网格长 and a 楼栋长 pair who accept; a resident scans
 * a new building's code and files an order, which lands in that 网格长's 待分拣.
 */
import type { Area } from '../../shared/areas/model';
import type { ImportPreview, ImportStep } from '../../shared/areas/schemas';
import type { CodeView, ScanResolution } from '../../shared/codes/schemas';
import type { InvitationView, IssuedInvitation } from '../../shared/invitations/schemas';
import type { ConsoleCounts, OrderPage } from '../../shared/orders/schemas';
import type { MeView } from '../../shared/users/schemas';
import { goodOrder } from '../support/orders';
import type { TestServer } from '../support/server';
import { okData, runScript, startTestServer } from '../support/server';

jest.setTimeout(180000);

const CODE = '310107102';
const STREET = `S${CODE}`;
const ADMIN = 'o-street-admin';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: false, start: Date.now() });
});
afterAll(() => s.close());

const as = <T>(openid: string, fn: 'areas' | 'users' | 'codes' | 'orders', action: string, data: unknown = {}) => s.callAsWechat<T>(openid, fn, action, data);
const nodes = () => s.store.collection<Area>('areas').find({ path: { $prefix: `/${STREET}/` } });
const rolesOf = async (openid: string) => okData(await as<MeView>(openid, 'users', 'me')).roles.map((r) => `${r.roleName}@${r.areaName}`);

/** Three 居委会 × 10 grids × 10 buildings, each grid with its leader's work phone, as a street office would fill the template. */
function treeSheet(communities: string[]): string {
  const lines = ['片区,社区,网格,楼栋,电话'];
  communities.forEach((c, ci) => {
    for (let g = 1; g <= 10; g++) {
      lines.push(`,${c},第${g}网格,,13${String(ci)}0000${String(g).padStart(4, '0')}`);
      for (let b = 1; b <= 10; b++) lines.push(`,${c},第${g}网格,${g}-${b}号楼,`);
    }
  });
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

test('an empty store becomes a working street: setup, first admin, tree import, invitations, a scanned order reaching its 网格长', async () => {
  expect(await nodes()).toHaveLength(0);

  // 1. setup prints the first-admin link; the first WeChat user to accept is 街道管理员.
  const run = await runScript(s, 'scripts/setup.ts', [CODE, '--url', s.url, '--png', `${s.dataDir}/first-admin.png`]);
  expect(run.code).toBe(0);
  const token = /#\/invite\/pages\/accept\/index\?t=([A-Za-z0-9_-]{22})/.exec(run.out)?.[1] ?? '';
  expect(okData(await as<InvitationView>(ADMIN, 'users', 'acceptInvitation', { token }))).toMatchObject({ roleName: '街道管理员', areaName: '长征镇' });

  // 2. the admin imports 30 grids and 300 buildings: preview clean, then steps until none remain.
  const communities = (await nodes())
    .filter((a) => a.level === 'community')
    .sort((a, b) => a.order - b.order)
    .slice(0, 3);
  const file = { fileName: '长征镇网格树.csv', data: treeSheet(communities.map((c) => c.name)) };
  const preview = okData(await as<ImportPreview>(ADMIN, 'areas', 'previewImport', file));
  expect(preview).toMatchObject({ rows: 330, problemCount: 0, create: { zone: 0, grid: 30, building: 300 } });
  let remaining = 330;
  for (let i = 0; remaining > 0 && i < 5; i++) remaining = okData(await as<ImportStep>(ADMIN, 'areas', 'import', file)).remaining;
  expect(remaining).toBe(0);
  const tree = await nodes();
  expect(tree.filter((a) => a.level === 'grid')).toHaveLength(30);
  expect(tree.filter((a) => a.level === 'building')).toHaveLength(300);
  const grid = tree.find((a) => a.name === '第7网格' && a.parentId === communities[1]?._id) as Area;
  const building = tree.find((a) => a.name === '7-3号楼' && a.parentId === grid._id) as Area;
  expect(building.path).toBe(`${grid.path}${building._id}/`);

  // 3. a 网格长 for that grid and a 楼栋长 pair for the building: invited by the admin, accepted with the code read out.
  const invite = async (areaId: string, post: string) => okData(await as<IssuedInvitation>(ADMIN, 'users', 'invite', { areaId, post }));
  const accept = async (openid: string, inv: IssuedInvitation) => okData(await as<InvitationView>(openid, 'users', 'acceptInvitation', { token: inv.token, code: inv.code }));
  await accept('o-leader', await invite(grid._id, 'grid_leader'));
  await accept('o-head-a', await invite(building._id, 'building_head'));
  await accept('o-head-b', await invite(building._id, 'building_head'));
  expect(await rolesOf('o-leader')).toEqual(['网格长@第7网格']);
  expect(await rolesOf('o-head-a')).toEqual(['楼栋长@7-3号楼']);
  expect(await rolesOf('o-head-b')).toEqual(['楼栋长@7-3号楼']);

  // 4. the building's code (made by its 网格长), scanned by a resident never seen before, leads to filing there.
  const code = okData(await as<CodeView>('o-leader', 'codes', 'forNode', { areaId: building._id }));
  const scan = okData(await as<ScanResolution>('o-resident', 'codes', 'resolve', { scene: code.scene }));
  expect(scan).toMatchObject({ goal: 'order', node: { id: building._id, name: '7-3号楼' } });
  expect(scan.node?.trail).toContain(`${communities[1]?.name} / 第7网格 / 7-3号楼`);
  // First contact makes their record; they give their name and home (the scanned building) as the app asks.
  okData(await as<MeView>('o-resident', 'users', 'me'));
  okData(await as<MeView>('o-resident', 'users', 'setHome', { name: '钱阿姨', buildingId: building._id }));
  const filed = okData(await as<{ id: string }>('o-resident', 'orders', 'file', goodOrder({ buildingId: building._id })));

  // 5. it reaches that 网格长: first in their 派单台's 待分拣.
  const desk = okData(await as<{ counts: ConsoleCounts; page: OrderPage }>('o-leader', 'orders', 'console', { tab: 'new' }));
  expect(desk.page.items.map((o) => o.id)).toEqual([filed.id]);
  expect(desk.counts.new).toBe(1);
});
