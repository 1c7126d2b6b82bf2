/**
 * Nobody decides their own case, in every domain that decides something about a person's record: their
 * 双报到, their wish, their roles, their points (orders: orders.parties.test.ts). A colleague or the level
 * above decides instead, and the pages' flags say the same as the server.
 */
import type { RegistrationView } from '../../shared/members/schemas';
import type { Page, PersonView } from '../../shared/users/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { buildingId } from '../../local/seed';
import { goodRegistration } from '../support/members';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';
import { postWish, publicText, wishAct, wishDetail } from '../support/wishes';

let s: TestServer;
/** A second community staff member of 梅川第一居委会, to decide what 孙丽 may not. */
const COLLEAGUE = 'u-staff-b';
/** 孙丽's home (梅川第一居委会 第三网格 9号楼). */
const HOME = buildingId(C1, 3, 1);
beforeAll(async () => {
  s = await startTestServer();
  const areas = s.store.collection<{ _id: string; path: string }>('areas');
  const [c1, home] = await Promise.all([areas.get(NODES.community1), areas.get(HOME)]);
  await s.store.collection<UserDoc>('users').insert({
    _id: COLLEAGUE,
    name: '郑洁',
    roles: [{ role: 'community_staff', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
    roleNames: ['community_staff'],
    staffAreaIds: [NODES.community1],
    skills: [],
    rev: 0,
    createdAt: 0,
    homePath: c1!.path,
  });
  // 孙丽 also lives here as a resident, so what she posts for her own home is her own case.
  const staff = await s.store.collection<UserDoc>('users').get(PEOPLE.staff);
  const roles = [...staff!.roles, { role: 'resident' as const, areaId: HOME, areaPath: home!.path, grantedBy: 'test', grantedAt: 0 }];
  await s.store.collection<UserDoc>('users').updateWhere({ _id: PEOPLE.staff }, { $set: { roles, roleNames: ['community_staff', 'resident'] }, $inc: { rev: 1 } });
});
afterAll(() => s.close());

test('staff do not approve or reject their own 双报到; a colleague or the street does', async () => {
  const reg = okData(await s.call<RegistrationView>('members', 'register', goodRegistration(HOME, { name: '孙丽', mobile: '13900001007' }), PEOPLE.staff));
  const seen = async (who: string) => okData(await s.call<Page<RegistrationView>>('members', 'pending', {}, who)).items.find((r) => r.id === reg.id);
  expect(await seen(PEOPLE.staff)).toMatchObject({ canDecide: false });
  expect(await seen(COLLEAGUE)).toMatchObject({ canDecide: true });
  const own = { code: 'FORBIDDEN', message: '不能审核自己的申请，请由其他工作人员或街道审核' };
  expect(errorOf(await s.call('members', 'approve', { registrationId: reg.id }, PEOPLE.staff))).toEqual(own);
  expect(errorOf(await s.call('members', 'reject', { registrationId: reg.id, reason: '材料不全' }, PEOPLE.staff))).toEqual(own);
  expect(okData(await s.call<{ status: string }>('members', 'approve', { registrationId: reg.id }, PEOPLE.street)).status).toBe('approved');
});

test('staff do not review their own wish; a colleague does. A wish posted for an elderly resident (代许) is not their own', async () => {
  const own = await postWish(s, { beneficiaryName: '孙丽', contactMobile: '13900001007', door: '9号楼101室' }, PEOPLE.staff);
  expect((await wishDetail(s, own, PEOPLE.staff)).can.review).toBe(false);
  expect((await wishDetail(s, own, COLLEAGUE)).can.review).toBe(true);
  expect(errorOf(await s.call('wishes', 'approve', { wishId: own, ...publicText }, PEOPLE.staff))).toEqual({
    code: 'FORBIDDEN',
    message: '不能审核自己的心愿，请由其他工作人员审核',
  });
  expect(errorOf(await s.call('wishes', 'reject', { wishId: own, reason: '不属于微心愿范围' }, PEOPLE.staff)).code).toBe('FORBIDDEN');
  await wishAct(s, 'approve', { wishId: own, ...publicText }, COLLEAGUE);

  const forElder = await postWish(s, { buildingId: buildingId(C1, 2, 1), beneficiaryName: '钱阿婆', contactMobile: '13900002009', door: '5号楼201室' }, PEOPLE.staff);
  expect((await wishDetail(s, forElder, PEOPLE.staff)).can.review).toBe(true);
  await wishAct(s, 'approve', { wishId: forElder, ...publicText }, PEOPLE.staff);
});

test('拨打 on a wish reaches someone else: not the resident on her own wish, but staff, and staff for the elder they posted for', async () => {
  const mine = await postWish(s);
  expect((await wishDetail(s, mine, PEOPLE.resident)).private).toMatchObject({ contactMobile: '13912340001', canCall: false });
  expect((await wishDetail(s, mine, PEOPLE.staff)).private).toMatchObject({ canCall: true });
  const forElder = await postWish(s, { buildingId: buildingId(C1, 2, 1), beneficiaryName: '钱阿婆', contactMobile: '13900002009' }, PEOPLE.staff);
  expect((await wishDetail(s, forElder, PEOPLE.staff)).private).toMatchObject({ canCall: true });
});

test('nobody grants or revokes their own roles (a staff member could make themself 在职党员); the people list offers it for others only', async () => {
  const own = { code: 'FORBIDDEN', message: '不能调整自己的角色，请由其他工作人员或上级处理' };
  expect(errorOf(await s.call('users', 'grantRole', { userId: PEOPLE.staff, role: 'member', areaId: NODES.community1 }, PEOPLE.staff))).toEqual(own);
  expect(errorOf(await s.call('users', 'revokeRole', { userId: PEOPLE.staff, role: 'community_staff', areaId: NODES.community1, reason: '测试撤销' }, PEOPLE.staff))).toEqual(own);
  const people = okData(await s.call<Page<PersonView>>('users', 'listPeople', { areaId: buildingId(C1, 3, 1), pageSize: 50 }, PEOPLE.staff)).items;
  expect(people.find((p) => p.id === PEOPLE.staff)).toMatchObject({ canChangeRoles: false });
  const colleague = okData(await s.call<Page<PersonView>>('users', 'listPeople', { areaId: NODES.community1, pageSize: 50 }, PEOPLE.staff)).items;
  expect(colleague.find((p) => p.id === COLLEAGUE)).toMatchObject({ canChangeRoles: true });
  expect(okData(await s.call<{ changed: boolean }>('users', 'grantRole', { userId: PEOPLE.staff, role: 'grid_worker', areaId: buildingId(C1, 3, 2) }, COLLEAGUE)).changed).toBe(
    true,
  );
});

test('staff do not correct their own points, nor verify their own declaration', async () => {
  // 孙丽 is a member too since the street approved her 双报到 above: she declares, and may not verify it herself.
  const id = okData(await s.call<{ id: string }>('points', 'declare', { date: '2026-11-19', hours: 2, description: '在小区门口协助社区开展垃圾分类宣传' }, PEOPLE.staff)).id;
  expect(errorOf(await s.call('points', 'verify', { declarationId: id }, PEOPLE.staff))).toEqual({ code: 'FORBIDDEN', message: '不能处理自己的申报' });
  okData(await s.call('points', 'verify', { declarationId: id, points: 2 }, COLLEAGUE));
  const entryId = `declared_service:declaration:${id}`;
  expect(errorOf(await s.call('points', 'correct', { entryId, reason: '多记了' }, PEOPLE.staff))).toEqual({ code: 'FORBIDDEN', message: '不能更正自己的积分' });
});
