/** Bad input to the points actions: a clear Chinese message naming the field, and nothing written. */
import type { UserDoc } from '../../backend/users/repo';
import { uploadPhoto } from '../support/orders';
import { buildingId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import { dayOf, declarationIn, goodDeclaration } from '../support/points';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** Counts of everything a points action may write. */
async function written() {
  const count = (c: string) => s.store.collection(c).count({});
  return {
    declarations: await count('points_declarations'),
    ledger: await count('points_ledger'),
    totals: await count('points_totals'),
    audit: await count('audit'),
    rules: await count('points_rules'),
  };
}

/** Refused with exactly `message` (and, for bad input, the same message on `field`), and nothing written. */
async function refused(action: string, data: Record<string, unknown>, who: string, field: string, message: string, code = 'VALIDATION') {
  const before = await written();
  const err = errorOf(await s.call('points', action, data, who));
  expect(err.code).toBe(code);
  if (code === 'VALIDATION') expect(err.fields?.[field]).toBe(message);
  expect(err.message).toBe(message);
  expect(await written()).toEqual(before);
}

describe('党员申报', () => {
  it.each([
    ['negative hours', { hours: -1 }, 'hours', '服务时长需大于 0 小时'],
    ['zero hours', { hours: 0 }, 'hours', '服务时长需大于 0 小时'],
    ['more than a day', { hours: 25 }, 'hours', '服务时长不能超过 24 小时'],
    ['odd minutes', { hours: 1.2 }, 'hours', '服务时长按半小时填写，如 1.5'],
    ['hours as text', { hours: '2' }, 'hours', '服务时长需为数字'],
    ['no description', { description: '' }, 'description', '服务内容至少需要 5 个字'],
    ['malformed date', { date: '2026/11/01' }, 'date', '服务日期格式应为 2026-03-05'],
    ['impossible date', { date: '2026-02-30' }, 'date', '服务日期不是有效的日期'],
  ])('%s', async (_name, bad, field, message) => {
    await refused('declare', goodDeclaration(s, bad), PEOPLE.member, field, message);
  });

  it('a future date', async () => {
    await refused('declare', goodDeclaration(s, { date: dayOf(s, -1) }), PEOPLE.member, 'date', '服务日期不能晚于今天');
  });

  it('a date two years back', async () => {
    const year = Number(dayOf(s).slice(0, 4));
    await refused('declare', goodDeclaration(s, { date: `${year - 2}-06-01` }), PEOPLE.member, 'date', `服务日期只能是 ${year - 1} 年或 ${year} 年`);
  });

  it('more than 3 photos', async () => {
    const photo = await uploadPhoto(s, PEOPLE.member);
    await refused('declare', goodDeclaration(s, { photos: [photo, photo, photo, photo] }), PEOPLE.member, 'photos', '照片最多 3 张');
    // Three are fine, and last year's date too.
    okData(await s.call('points', 'declare', goodDeclaration(s, { photos: [photo, photo, photo], date: `${Number(dayOf(s).slice(0, 4)) - 1}-12-31` }), PEOPLE.member));
  });
});

describe('召集人汇总 and 社区核实', () => {
  it('a member who is also community staff cannot verify their own declaration', async () => {
    const id = await declarationIn(s, 'forwarded');
    const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!;
    await s.store
      .collection<UserDoc>('users')
      .updateWhere({ _id: PEOPLE.member }, { $push: { roles: { role: 'community_staff', areaId: c1._id, areaPath: c1.path, grantedBy: 'test', grantedAt: 0 } } });
    try {
      await refused('verify', { declarationId: id }, PEOPLE.member, '', '不能处理自己的申报', 'FORBIDDEN');
      await refused('reject', { declarationId: id, reason: '自己驳回自己' }, PEOPLE.member, '', '不能处理自己的申报', 'FORBIDDEN');
      const doc = await s.store.collection<{ _id: string; status: string }>('points_declarations').get(id);
      expect(doc?.status).toBe('forwarded');
    } finally {
      await s.store
        .collection<UserDoc>('users')
        .updateWhere(
          { _id: PEOPLE.member },
          { $set: { roles: (await s.store.collection<UserDoc>('users').get(PEOPLE.member))!.roles.filter((g) => g.role !== 'community_staff') } },
        );
    }
  });

  it("a grid leader cannot forward another grid's declaration: nothing in the batch moves", async () => {
    // 第二网格's member (no 双报到 yet: placed by their home).
    const c1 = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!;
    const home = (await s.store.collection<{ _id: string; path: string }>('areas').get(buildingId(C1, 2, 1)))!;
    await s.store.collection<UserDoc>('users').insert({
      _id: 'u-grid2-member',
      name: '钱敏',
      homeAreaId: home._id,
      homePath: home.path,
      roles: [{ role: 'member', areaId: c1._id, areaPath: c1.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: [],
      rev: 0,
      createdAt: 0,
    });
    // 第二网格 gets a 网格长 of its own, or its declarations would go straight to the community.
    await s.store.collection<UserDoc>('users').insert({
      _id: 'u-grid2-leader',
      name: '孔强',
      homeAreaId: home._id,
      homePath: home.path,
      roles: [{ role: 'grid_leader', areaId: NODES.grid2, areaPath: `${c1.path}${NODES.grid2}/`, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['grid_leader'],
      staffAreaIds: [NODES.grid2],
      skills: [],
      rev: 0,
      createdAt: 0,
    });
    const other = await declarationIn(s, 'declared', 'u-grid2-member');
    const mine = await declarationIn(s, 'declared');
    await refused('forward', { declarationIds: [mine, other] }, PEOPLE.gridLeader, 'declarationIds', '只有该党员所在网格的网格长可以汇总：钱敏的申报不在您的网格', 'FORBIDDEN');
    const err = errorOf(await s.call('points', 'forward', { declarationIds: [other] }, PEOPLE.gridLeader));
    expect(err.fields?.declarationIds).toBe('只有该党员所在网格的网格长可以汇总');
    const statuses = await s.store.collection<{ _id: string; status: string }>('points_declarations').find({ _id: { $in: [mine, other] } });
    expect(statuses.map((d) => d.status)).toEqual(['declared', 'declared']);
    await refused('sendBack', { declarationId: other, reason: '不是本网格' }, PEOPLE.gridLeader, '', '只有该党员所在网格的网格长可以汇总', 'FORBIDDEN');
  });

  it('a grid leader who declares goes straight to the community, and cannot forward their own', async () => {
    const grid = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.grid1))!;
    const id = await declarationIn(s, 'declared');
    await s.store
      .collection<UserDoc>('users')
      .updateWhere({ _id: PEOPLE.member }, { $push: { roles: { role: 'grid_leader', areaId: grid._id, areaPath: grid.path, grantedBy: 'test', grantedAt: 0 } } });
    try {
      await refused('forward', { declarationIds: [id] }, PEOPLE.member, 'declarationIds', '不能汇总自己的申报', 'FORBIDDEN');
      const direct = okData(await s.call<{ status: string }>('points', 'declare', goodDeclaration(s), PEOPLE.member));
      expect(direct.status).toBe('forwarded');
    } finally {
      await s.store
        .collection<UserDoc>('users')
        .updateWhere({ _id: PEOPLE.member }, { $set: { roles: (await s.store.collection<UserDoc>('users').get(PEOPLE.member))!.roles.filter((g) => g.role !== 'grid_leader') } });
    }
  });

  it.each([
    ['verify', { points: -1 }, 'points', '核实积分不能小于 0'],
    ['verify', { points: 101 }, 'points', '核实积分不能大于 100'],
    ['reject', { reason: '' }, 'reason', '不通过原因至少需要 2 个字'],
  ])('%s with %j', async (action, bad, field, message) => {
    const id = await declarationIn(s, 'forwarded');
    await refused(action, { declarationId: id, ...bad }, PEOPLE.staff, field, message);
  });

  it('forward needs at least one declaration and at most 50', async () => {
    await refused('forward', { declarationIds: [] }, PEOPLE.gridLeader, 'declarationIds', '请选择要汇总上报的申报');
    await refused('forward', { declarationIds: Array.from({ length: 51 }, (_, i) => `pd${i}`) }, PEOPLE.gridLeader, 'declarationIds', '一次最多汇总 50 条申报');
  });
});

describe('corrections and rules', () => {
  it('a correction needs a non-zero change and a reason, and cannot correct a correction', async () => {
    const entryId = `declared_service:declaration:${await declarationIn(s, 'verified')}`;
    await refused('correct', { entryId, delta: 0, reason: '调整' }, PEOPLE.staff, 'delta', '更正分值不能为 0');
    await refused('correct', { entryId }, PEOPLE.staff, 'reason', '更正原因需为文字');
    const { id } = okData(await s.call<{ id: string }>('points', 'correct', { entryId, reason: '重复记分' }, PEOPLE.staff));
    await refused('correct', { entryId: id, reason: '再冲正' }, PEOPLE.staff, 'entryId', '更正记录不能再更正，请更正原始记录');
  });

  it.each([
    ['negative', { orderByColour: { green: -1, yellow: 3, red: 5 } }, 'orderByColour.green', '绿色点单积分不能小于 0'],
    ['too large', { activityPerHour: 101 }, 'activityPerHour', '志愿活动每小时积分不能大于 100'],
    ['not whole', { wishFulfilled: 2.5 }, 'wishFulfilled', '圆梦微心愿积分需为整数'],
    ['missing', { onTimeBonus: undefined }, 'onTimeBonus', '按时办结加分需为数字'],
  ])('rules: %s', async (_name, bad, field, message) => {
    const good = { communityId: NODES.community1, orderByColour: { green: 2, yellow: 3, red: 5 }, onTimeBonus: 1, fiveStarBonus: 1, wishFulfilled: 3, activityPerHour: 1 };
    await refused('setRules', { ...good, ...bad }, PEOPLE.staff, field, message);
  });

  it('rules of a node that is not a community', async () => {
    await refused('rules', { communityId: NODES.grid1 }, PEOPLE.staff, 'communityId', '请选择社区（居委会）');
  });
});
