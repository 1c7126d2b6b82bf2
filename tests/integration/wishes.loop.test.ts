/**
 * 微心愿 end to end over the real gateway: post → review (anonymise) → board → claim → deliver → confirm → points;
 * the board and detail never carry the beneficiary's name, phone or door; one claim wins; lapse; rules; org claims.
 */
import { organisations, registrations } from '../../backend/members/repo';
import type { UserDoc } from '../../backend/users/repo';
import type { BoardView, WishCard, WishDetail, WishRulesView } from '../../shared/wishes/schemas';
import { DAY, uploadPhoto } from '../support/orders';
import { buildingId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';
import { goodWish, postWish, publicText, wishAct, wishDetail, wishIn } from '../support/wishes';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const board = async (who: string, data: Record<string, unknown> = {}) => okData(await s.call<BoardView>('wishes', 'board', data, who));
const points = async (who: string) => okData(await s.call<{ total: number; entries: Array<{ reason: string; sourceId: string; delta: number }> }>('points', 'mine', {}, who));
/** Everything identifying the seeded and test beneficiaries: none may appear in a public answer. */
const SECRETS = ['王秀英', '13912340001', '302室', '1号楼302室', '陈桂兰', '周阿婆', '13900002001', '13900002002', 'u-resident', 'u-staff', '孙丽'];
function expectNoSecrets(value: unknown): void {
  const json = JSON.stringify(value);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
}

describe('the whole loop', () => {
  let wishId = '';

  it('a resident posts for her own home: 待审核, not on the board, staff are told', async () => {
    wishId = await postWish(s);
    const mine = await wishDetail(s, wishId, PEOPLE.resident);
    expect(mine).toMatchObject({
      status: 'pending',
      statusName: '待审核',
      place: '梅川第一居委会 · 第一网格',
      private: { beneficiaryName: '王秀英', door: '1号楼302室', onBehalf: false },
    });
    expect((await board(PEOPLE.member)).items.map((w) => w.id)).not.toContain(wishId);
    const inbox = okData(await s.call<{ items: Array<{ kind: string; body: string }> }>('notifications', 'list', {}, PEOPLE.staff));
    expect(inbox.items[0]).toMatchObject({ kind: 'wishReview' });
    const queue = okData(await s.call<{ items: WishCard[] }>('wishes', 'review', {}, PEOPLE.staff));
    expect(queue.items.map((w) => w.id)).toContain(wishId);
  });

  it('staff cannot publish text that still names the beneficiary, a phone or a door number', async () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ title: '王秀英想要课外书' }, 'title', /受助人姓名「王秀英」/],
      [{ story: `${publicText.story}联系电话 139-1234-0001` }, 'story', /电话号码/],
      [{ story: `${publicText.story}住在1号楼302室` }, 'story', /门牌号「1号楼302室」/],
      [{ story: `${publicText.story}地址是5栋602室` }, 'story', /门牌号一样的地址/],
    ];
    for (const [patch, field, message] of cases) {
      const err = errorOf(await s.call('wishes', 'approve', { wishId, ...publicText, ...patch }, PEOPLE.staff));
      expect(err.code).toBe('VALIDATION');
      expect(err.fields?.[field]).toMatch(message);
    }
    expect((await wishDetail(s, wishId)).status).toBe('pending');
  });

  it('staff publish the anonymised text; the poster is told; it shows on the board', async () => {
    await wishAct(s, 'approve', { wishId, ...publicText }, PEOPLE.staff);
    const seen = await board(PEOPLE.otherResident);
    const card = seen.items.find((w) => w.id === wishId);
    expect(card).toMatchObject({ title: publicText.title, status: 'published', statusName: '待认领', canClaim: false });
    expect((await board(PEOPLE.member)).items.find((w) => w.id === wishId)?.canClaim).toBe(true);
    const inbox = okData(await s.call<{ items: Array<{ kind: string }> }>('notifications', 'list', {}, PEOPLE.resident));
    expect(inbox.items[0]).toMatchObject({ kind: 'wishPublished' });
  });

  it('the public board and the public detail carry no name, phone, door or poster — as JSON, for anyone', async () => {
    for (const who of [PEOPLE.otherResident, PEOPLE.member, PEOPLE.memberOutOfScope, PEOPLE.gridWorker, PEOPLE.otherStaff, PEOPLE.street]) {
      expectNoSecrets(await board(who, { communityId: NODES.community1 }));
      const d = await wishDetail(s, wishId, who);
      expect(d.private).toBeNull();
      expect(d.timeline).toEqual([]);
      expectNoSecrets(d);
      expectNoSecrets(await wishDetail(s, 'w-demo-1', who));
    }
  });

  it('a member claims: now they (and only they, besides poster and staff) see the contact', async () => {
    expect(await wishAct(s, 'claim', { wishId }, PEOPLE.member)).toEqual({ id: wishId, status: 'claimed' });
    const held = await wishDetail(s, wishId, PEOPLE.member);
    expect(held.private).toMatchObject({ beneficiaryName: '王秀英', contactMobile: '13912340001', door: '1号楼302室' });
    expect(held.can).toMatchObject({ deliver: true, confirm: false });
    expect(held.claimDeadline).toBe(s.clock.now + 14 * DAY);
    expectNoSecrets(await wishDetail(s, wishId, PEOPLE.otherResident));
    expectNoSecrets(await board(PEOPLE.otherResident));
    const claimed = okData(await s.call<{ items: WishCard[] }>('wishes', 'mine', { scope: 'claimed' }, PEOPLE.member));
    expect(claimed.items.map((w) => w.id)).toContain(wishId);
  });

  it('the claimant marks it fulfilled with a photo; the resident confirms; points arrive once, however often confirm is replayed', async () => {
    const before = (await points(PEOPLE.member)).total;
    const fulfilledBefore = (await board(PEOPLE.resident)).fulfilledThisYear;
    const photo = await uploadPhoto(s, PEOPLE.member);
    await wishAct(s, 'deliver', { wishId, note: '已把五本课外书送到家里', photo }, PEOPLE.member);
    const asked = await wishDetail(s, wishId, PEOPLE.resident);
    expect(asked).toMatchObject({ status: 'delivered', can: { confirm: true }, delivery: { note: '已把五本课外书送到家里' } });
    const replies = await Promise.all([1, 2, 3].map(() => s.call('wishes', 'confirm', { wishId }, PEOPLE.resident)));
    expect(replies.some((r) => r.ok)).toBe(true);
    for (const r of replies) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    expect(await wishAct(s, 'confirm', { wishId }, PEOPLE.resident)).toEqual({ id: wishId, status: 'fulfilled' });
    expect(await wishAct(s, 'confirm', { wishId }, PEOPLE.staff)).toEqual({ id: wishId, status: 'fulfilled' });
    const after = await points(PEOPLE.member);
    expect(after.total).toBe(before + 3);
    expect(after.entries.filter((e) => e.sourceId === wishId)).toEqual([expect.objectContaining({ reason: 'wish_fulfilled', delta: 3 })]);
    expect((await board(PEOPLE.resident)).fulfilledThisYear).toBe(fulfilledBefore + 1);
    expect((await board(PEOPLE.memberOutOfScope, { communityId: NODES.community1, filter: 'fulfilled' })).items.map((w) => w.id)).toContain(wishId);
    const done = await wishDetail(s, wishId, PEOPLE.resident);
    expect(done.timeline.map((t) => t.action)).toEqual(['许心愿', '修改公开内容并发布', '认领心愿', '登记圆梦', '确认圆梦']);
  });

  it('rejected: the poster sees the reason and a message; it never reaches the board', async () => {
    const id = await wishIn(s, 'rejected');
    expect(await wishDetail(s, id, PEOPLE.resident)).toMatchObject({ status: 'rejected', rejectReason: '不属于微心愿范围' });
    const inbox = okData(await s.call<{ items: Array<{ kind: string; body: string }> }>('notifications', 'list', {}, PEOPLE.resident));
    expect(inbox.items[0]).toMatchObject({ kind: 'wishRejected', body: expect.stringContaining('不属于微心愿范围') });
    expect(errorOf(await s.call('wishes', 'detail', { wishId: id }, PEOPLE.member)).code).toBe('NOT_FOUND');
  });
});

describe('board filters and paging', () => {
  it('filters by kind and status and pages with a stable total', async () => {
    const all = await board(PEOPLE.resident, { pageSize: 2 });
    expect(all.community).toEqual({ id: NODES.community1, name: '梅川第一居委会' });
    expect(all.items.length).toBeLessThanOrEqual(2);
    const second = await board(PEOPLE.resident, { pageSize: 2, page: 2 });
    expect(new Set([...all.items, ...second.items].map((w) => w.id)).size).toBe(all.items.length + second.items.length);
    const companionship = await board(PEOPLE.resident, { kind: 'companionship' });
    expect(companionship.items.length).toBeGreaterThan(0);
    expect(companionship.items.every((w) => w.kind === 'companionship' && w.kindName === '精神心愿')).toBe(true);
    const open = await board(PEOPLE.resident, { filter: 'open' });
    expect(open.items.every((w) => w.status === 'published')).toBe(true);
    const other = await board(PEOPLE.memberOutOfScope);
    expect(other.community.id).toBe(NODES.community2);
    expect(other.items).toEqual([]);
  });

  it('street staff, above any community, are asked to choose one', async () => {
    expect(errorOf(await s.call('wishes', 'board', {}, PEOPLE.street)).fields).toHaveProperty('communityId');
  });
});

describe('exactly one claim wins', () => {
  it('two members (and a third) claim at once: one claimed, the others CONFLICT', async () => {
    const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
    for (const id of ['u-member-b', 'u-member-c']) {
      await s.store.collection<UserDoc>('users').insertIfAbsent({
        _id: id,
        name: `党员${id.slice(-1)}`,
        roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
        roleNames: ['member'],
        staffAreaIds: [],
        skills: [],
        rev: 0,
        createdAt: 0,
      });
    }
    const wishId = await wishIn(s, 'published');
    const results = await Promise.all([PEOPLE.member, 'u-member-b', 'u-member-c'].map((who) => s.call('wishes', 'claim', { wishId }, who)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', message: '这个心愿已被他人认领' });
    const winner = ['u-member', 'u-member-b', 'u-member-c'][results.findIndex((r) => r.ok)];
    const d = await wishDetail(s, wishId);
    expect(d.timeline.filter((t) => t.action === '认领心愿')).toHaveLength(1);
    expect(d.private).not.toBeNull();
    const loser = ['u-member', 'u-member-b', 'u-member-c'].find((w) => w !== winner)!;
    expect((await wishDetail(s, wishId, loser)).private).toBeNull();
  });
});

describe('lapse', () => {
  const lapse = () => runTimer<{ lapsed: number }>(s, 'wishes', 'lapse');

  it('a claim not fulfilled in 14 days goes back to the board; claimant and staff are told; a second run does nothing', async () => {
    // Earlier tests' claims lapse first, so the counts below are this wish's alone.
    s.clock.now += 15 * DAY;
    await lapse();
    const wishId = await wishIn(s, 'claimed');
    s.clock.now += 13 * DAY;
    expect(await lapse()).toEqual({ ok: true, data: { lapsed: 0 } });
    s.clock.now += 1 * DAY + 60_000;
    expect(await lapse()).toEqual({ ok: true, data: { lapsed: 1 } });
    expect(await lapse()).toEqual({ ok: true, data: { lapsed: 0 } });
    const d = await wishDetail(s, wishId, PEOPLE.otherResident);
    expect(d).toMatchObject({ status: 'published', claimantName: null, canClaim: false });
    expect((await wishDetail(s, wishId, PEOPLE.member)).private).toBeNull();
    expect((await board(PEOPLE.member, { filter: 'open' })).items.map((w) => w.id)).toContain(wishId);
    for (const who of [PEOPLE.member, PEOPLE.staff]) {
      const inbox = okData(await s.call<{ items: Array<{ kind: string }> }>('notifications', 'list', {}, who));
      expect(inbox.items[0]).toMatchObject({ kind: 'wishLapsed' });
    }
    expect(errorOf(await s.call('wishes', 'deliver', { wishId, note: '送到了', photo: await uploadPhoto(s, PEOPLE.member) }, PEOPLE.member)).code).toBe('FORBIDDEN');
    expect(await wishAct(s, 'claim', { wishId }, PEOPLE.member)).toMatchObject({ status: 'claimed' });
  });

  it('the claim period is the community rule in force when claimed (staff set 3 days)', async () => {
    okData(await s.call<WishRulesView>('wishes', 'setRules', { communityId: NODES.community1, valueCap: 200, claimDays: 3 }, PEOPLE.staff));
    const wishId = await wishIn(s, 'claimed');
    s.clock.now += 3 * DAY + 1;
    expect((await lapse()).ok).toBe(true);
    expect((await wishDetail(s, wishId)).status).toBe('published');
    okData(await s.call('wishes', 'setRules', { communityId: NODES.community1, valueCap: 200, claimDays: 14 }, PEOPLE.staff));
  });
});

describe('rules, staff posting for an elderly resident, organisation claims', () => {
  it('the value cap is data per community: raise it and a dearer wish is accepted', async () => {
    expect(okData(await s.call<WishRulesView>('wishes', 'rules', {}, PEOPLE.resident))).toMatchObject({
      valueCap: 200,
      claimDays: 14,
      canEdit: false,
      communityName: '梅川第一居委会',
    });
    s.clock.now += DAY;
    expect(errorOf(await s.call('wishes', 'post', goodWish({ value: 300 }), PEOPLE.resident)).fields).toEqual({ value: '估算价值不能超过本社区的上限 200 元' });
    expect(okData(await s.call<WishRulesView>('wishes', 'setRules', { communityId: NODES.community1, valueCap: 300, claimDays: 14 }, PEOPLE.staff))).toMatchObject({
      valueCap: 300,
      canEdit: true,
    });
    expect(await s.call('wishes', 'post', goodWish({ value: 300 }), PEOPLE.resident)).toMatchObject({ ok: true });
    expect(okData(await s.call<WishRulesView>('wishes', 'rules', { communityId: NODES.community2 }, PEOPLE.resident)).valueCap).toBe(200);
    okData(await s.call('wishes', 'setRules', { communityId: NODES.community1, valueCap: 200, claimDays: 14 }, PEOPLE.staff));
  });

  it('staff post for an elderly resident in their community and confirm for them', async () => {
    const wishId = okData(
      await s.call<{ id: string }>('wishes', 'post', goodWish({ buildingId: buildingId(C1, 1, 4), beneficiaryName: '钱阿婆', door: undefined }), PEOPLE.staff),
    ).id;
    const d = await wishDetail(s, wishId);
    expect(d.private).toMatchObject({ onBehalf: true, posterName: '孙丽', beneficiaryName: '钱阿婆' });
    await wishAct(s, 'approve', { wishId, ...publicText }, PEOPLE.staff);
    await wishAct(s, 'claim', { wishId }, PEOPLE.member);
    await wishAct(s, 'deliver', { wishId, note: '书已送到老人家里', photo: await uploadPhoto(s, PEOPLE.member) }, PEOPLE.member);
    expect(await wishAct(s, 'confirm', { wishId }, PEOPLE.staff)).toMatchObject({ status: 'fulfilled' });
  });

  it("a member claims on behalf of their linked organisation; an organisation's contact person may claim too", async () => {
    const now = s.clock.now;
    await organisations(s.store).insert({
      _id: 'org-1',
      name: '长征镇社区卫生服务中心党支部',
      communityId: NODES.community1,
      path: '/x/',
      contactName: '李建国',
      contactMobile: '13900001002',
      agreement: '共建',
      createdAt: now,
      createdBy: 'u-staff',
    });
    const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
    await s.store.collection<UserDoc>('users').insert({
      _id: 'u-member-org',
      name: '赵党员',
      roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: [],
      rev: 0,
      createdAt: 0,
    });
    await registrations(s.store).insert({
      _id: 'reg-1',
      memberId: 'u-member-org',
      status: 'approved',
      name: '赵党员',
      mobile: '13900009999',
      partyOrg: '某支部',
      workUnit: '某单位',
      orgId: 'org-1',
      buildingId: NODES.building1,
      gridId: NODES.grid1,
      communityId: NODES.community1,
      path: '/x/',
      skills: [],
      availableTimes: [],
      certNo: 'C1',
      reason: null,
      createdAt: now,
      decidedAt: now,
      decidedBy: 'u-staff',
      endedAt: null,
      movedTo: null,
    });

    const first = await wishIn(s, 'published');
    expect((await wishDetail(s, first, 'u-member-org')).can).toMatchObject({ claim: true, claimAsOrg: true });
    await wishAct(s, 'claim', { wishId: first, asOrg: true }, 'u-member-org');
    expect(await wishDetail(s, first, PEOPLE.otherResident)).toMatchObject({ orgName: '长征镇社区卫生服务中心党支部', claimantName: '赵党员' });

    // 李建国 is a resident, not a member, but the organisation's contact: he may claim for it, not for himself.
    const second = await wishIn(s, 'published');
    expect((await wishDetail(s, second, PEOPLE.otherResident)).can).toMatchObject({ claim: true, claimAsOrg: true });
    expect(errorOf(await s.call('wishes', 'claim', { wishId: second }, PEOPLE.otherResident)).code).toBe('FORBIDDEN');
    expect(await wishAct(s, 'claim', { wishId: second, asOrg: true }, PEOPLE.otherResident)).toMatchObject({ status: 'claimed' });
    expect(errorOf(await s.call('wishes', 'claim', { wishId: await wishIn(s, 'published'), asOrg: true }, PEOPLE.gridWorker)).fields).toHaveProperty('asOrg');
  });
});

describe('privacy of the seeded board', () => {
  it('the demo wishes are on 梅川第一居委会 board without their beneficiaries', async () => {
    const seen = await board(PEOPLE.memberOutOfScope, { communityId: NODES.community1, pageSize: 50 });
    expect(seen.items.map((w) => w.id)).toEqual(expect.arrayContaining(['w-demo-1', 'w-demo-2']));
    expectNoSecrets(seen);
    const d: WishDetail = await wishDetail(s, 'w-demo-2', PEOPLE.member);
    expect(d.private).toBeNull();
  });
});
