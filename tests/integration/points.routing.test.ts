/**
 * Where a declaration waits, and that it never waits forever: a grid without 网格长 sends it straight to the
 * community, and the community sees and decides whatever still waits at a grid below it.
 */
import type { DeclarationView, MyPointsView } from '../../shared/points/schemas';
import type { Page } from '../../shared/users/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { buildingId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import { declare } from '../support/points';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
/** A member living in 第二网格, which has no 网格长 (only 第一网格 has one in the demo street). */
const MEMBER_G2 = 'u-member-g2';
beforeAll(async () => {
  s = await startTestServer();
  const areas = s.store.collection<{ _id: string; path: string }>('areas');
  const [c1, home] = await Promise.all([areas.get(NODES.community1), areas.get(buildingId(C1, 2, 1))]);
  await s.store.collection<UserDoc>('users').insert({
    _id: MEMBER_G2,
    name: '钱党员',
    roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
    roleNames: ['member'],
    staffAreaIds: [],
    skills: [],
    rev: 0,
    createdAt: 0,
    homeAreaId: home!._id,
    homePath: home!.path,
  });
});
afterAll(() => s.close());

const queue = async (status: string) => okData(await s.call<Page<DeclarationView>>('points', 'verifyQueue', { status }, PEOPLE.staff)).items;
const total = async (who: string) => okData(await s.call<MyPointsView>('points', 'mine', {}, who)).total;

test('in a grid with no 网格长 a declaration goes straight to the community, which verifies it', async () => {
  const id = await declare(s, {}, MEMBER_G2);
  const [mine] = okData(await s.call<Page<DeclarationView>>('points', 'myDeclarations', {}, MEMBER_G2)).items;
  expect(mine).toMatchObject({ id, status: 'forwarded', statusName: '待社区核实' });
  expect(mine?.steps.map((st) => st.action)).toEqual(['申报服务', '本网格暂无网格长，直接报社区核实']);
  expect((await queue('forwarded')).find((d) => d.id === id)).toMatchObject({ canVerify: true });
  const messages = okData(await s.call<{ items: Array<{ kind: string }> }>('notifications', 'list', {}, PEOPLE.staff)).items;
  expect(messages.map((m) => m.kind)).toContain('pointsForwarded');
  okData(await s.call('points', 'verify', { declarationId: id, points: 2 }, PEOPLE.staff));
  expect(await total(MEMBER_G2)).toBe(2);
});

test('a declaration waiting at a grid is seen by the community, which may verify or reject it there and then', async () => {
  const waiting = await declare(s);
  const other = await declare(s, { hours: 1 });
  const shown = await queue('declared');
  expect(shown.map((d) => d.id)).toEqual(expect.arrayContaining([waiting, other]));
  expect(shown.find((d) => d.id === waiting)).toMatchObject({ status: 'declared', statusName: '待网格长汇总', canVerify: true });

  const before = await total(PEOPLE.member);
  expect(okData(await s.call('points', 'verify', { declarationId: waiting, points: 3 }, PEOPLE.staff))).toEqual({ id: waiting, status: 'verified', points: 3 });
  expect(await total(PEOPLE.member)).toBe(before + 3);
  expect(okData(await s.call('points', 'reject', { declarationId: other, reason: '当天没有该项活动' }, PEOPLE.staff))).toEqual({ id: other, status: 'rejected' });
  // The grid leader arriving later finds them decided.
  expect(errorOf(await s.call('points', 'forward', { declarationIds: [waiting] }, PEOPLE.gridLeader))).toMatchObject({
    code: 'CONFLICT',
    message: '这条申报当前为「已核实记分」，请刷新后再看',
  });
  expect((await queue('declared')).map((d) => d.id)).not.toContain(waiting);
});

test('a returned declaration is the member’s to fix, not the community’s to verify', async () => {
  const id = await declare(s);
  okData(await s.call('points', 'sendBack', { declarationId: id, reason: '请补充服务照片' }, PEOPLE.gridLeader));
  expect(errorOf(await s.call('points', 'verify', { declarationId: id }, PEOPLE.staff))).toMatchObject({ code: 'CONFLICT', message: '这条申报当前为「已退回」，请刷新后再看' });
});
