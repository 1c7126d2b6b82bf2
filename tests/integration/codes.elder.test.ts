/** 长辈模式 (users.setElderMode, stored per person) and 一键呼叫 (users.callContact: grid leader, else the community). */
import type { Area } from '../../shared/areas/model';
import type { ContactView, MeView } from '../../shared/users/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const me = (who: string) => s.call<MeView>('users', 'me', {}, who).then(okData);
const contact = (who: string) => s.call<{ contact: ContactView | null }>('users', 'callContact', {}, who).then(okData);

describe('users.setElderMode', () => {
  test.each(Object.entries(PEOPLE))('%s may switch it for themselves only', async (_key, who) => {
    expect((await me(who)).elderMode).toBe(false);
    expect(okData(await s.call('users', 'setElderMode', { on: true }, who))).toEqual({ elderMode: true });
    expect((await me(who)).elderMode).toBe(true);
    const others = await s.store.collection<UserDoc>('users').count({ elderMode: true });
    expect(others).toBe(1);
    okData(await s.call('users', 'setElderMode', { on: false }, who));
    expect((await me(who)).elderMode).toBe(false);
  });

  test.each([
    [{}, { on: '长辈模式需为是或否' }],
    [{ on: 'yes' }, { on: '长辈模式需为是或否' }],
    [{ on: true, userId: PEOPLE.otherResident }, { userId: '不认识的字段：userId' }],
  ])('bad input %j names the field and changes nothing', async (data, fields) => {
    expect(errorOf(await s.call('users', 'setElderMode', data, PEOPLE.resident)).fields).toEqual(fields);
    expect(await s.store.collection<UserDoc>('users').count({ elderMode: true })).toBe(0);
  });

  test('needs sign-in', async () => {
    expect(errorOf(await s.call('users', 'setElderMode', { on: true })).code).toBe('UNAUTHENTICATED');
  });
});

describe('users.callContact (一键呼叫)', () => {
  test('a resident of grid 1 calls its grid leader on the grid phone', async () => {
    const grid = await s.store.collection<Area>('areas').get(NODES.grid1);
    expect((await contact(PEOPLE.resident)).contact).toEqual({ name: '赵强', roleName: '网格长', phone: grid!.phone, areaName: '第一网格' });
  });

  test('a grid with no 网格长 rings the community office (nobody answers its phone), as does a grid with no phone', async () => {
    const grid2 = await s.store.collection<Area>('areas').get(NODES.grid2);
    const community = await s.store.collection<Area>('areas').get(NODES.community1);
    const office = { name: null, roleName: '社区居委会', phone: community!.phone, areaName: '梅川第一居委会' };
    expect((await contact(PEOPLE.otherResident)).contact).toEqual(office);
    await s.store.collection<Area>('areas').updateWhere({ _id: NODES.grid2 }, { $unset: { phone: true } });
    expect((await contact(PEOPLE.otherResident)).contact).toEqual(office);
    await s.store.collection<Area>('areas').updateWhere({ _id: NODES.grid2 }, { $set: { phone: grid2!.phone } });
  });

  test("another community's resident gets their own community office, never a person's private mobile", async () => {
    const c = (await contact(PEOPLE.memberOutOfScope)).contact;
    const leader = await s.store.collection<UserDoc>('users').get(PEOPLE.gridLeader);
    const community2 = await s.store.collection<Area>('areas').get(NODES.community2);
    expect(c).toEqual({ name: null, roleName: '社区居委会', phone: community2!.phone, areaName: '梅川第二居委会' });
    expect(c?.phone).not.toBe(leader?.mobile);
  });

  test('the grid leader’s own 一键呼叫 does not ring himself: it rings the community office', async () => {
    const community = await s.store.collection<Area>('areas').get(NODES.community1);
    expect((await contact(PEOPLE.gridLeader)).contact).toEqual({ name: null, roleName: '社区居委会', phone: community!.phone, areaName: '梅川第一居委会' });
    // Community staff living in a grid without 网格长 (孙丽, 第三网格): her own office is passed over for the street.
    const street = await s.store.collection<Area>('areas').get(NODES.street);
    expect((await contact(PEOPLE.staff)).contact).toEqual({ name: null, roleName: '街道', phone: street!.phone, areaName: '长征镇' });
  });

  test('someone with no home yet gets null; unknown keys are refused', async () => {
    await s.store.collection<UserDoc>('users').insert({ _id: 'u-new', name: '新用户', roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0 });
    expect((await contact('u-new')).contact).toBeNull();
    expect(errorOf(await s.call('users', 'callContact', { x: 1 }, PEOPLE.resident)).fields).toEqual({ x: '不认识的字段：x' });
  });
});
