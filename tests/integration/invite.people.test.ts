/**
 * 邀请人员 (issue 16, point 3): staff invite a 网格长 and a 楼栋长 pair; the invitees open the link in WeChat, type the
 * code the inviter reads out, and hold the role on the invited node. A third 楼栋长, a node outside the inviter's
 * subtree, a role not below theirs, a revoked, an expired, a used link and wrong codes are refused with the reason.
 */
import type { AuditDoc } from '../../backend/audit/record';
import type { Invitation } from '../../shared/invitations/model';
import type { InvitationListItem, InvitationView, IssuedInvitation } from '../../shared/invitations/schemas';
import type { MeView } from '../../shared/users/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const invite = (who: string, areaId: string, post: string) => s.call<IssuedInvitation>('users', 'invite', { areaId, post }, who);
const issue = async (who: string, areaId: string, post: string) => okData(await invite(who, areaId, post));
const view = async (openid: string, token: string) => okData(await s.callAsWechat<InvitationView>(openid, 'users', 'invitation', { token }));
const accept = (openid: string, token: string, code?: string) =>
  s.callAsWechat<InvitationView>(openid, 'users', 'acceptInvitation', { token, ...(code !== undefined && { code }) });
const rolesOf = async (openid: string) => okData(await s.callAsWechat<MeView>(openid, 'users', 'me', {})).roles.map((r) => `${r.roleName}@${r.areaName}`);
const list = async (who: string, areaId: string) => okData(await s.call<{ items: InvitationListItem[] }>('users', 'invitations', { areaId }, who)).items;
const otherCode = (code: string) => String((Number(code) + 1) % 10000).padStart(4, '0');

describe('a community worker invites a 网格长 to 第二网格', () => {
  let inv: IssuedInvitation;
  test('the invitation gives the link, the mini-program page and scene, and a 4-digit code; only hashes are stored', async () => {
    inv = await issue(PEOPLE.staff, NODES.grid2, 'grid_leader');
    expect(inv.h5Path).toBe(`/#/invite/pages/accept/index?t=${inv.token}`);
    expect(inv.pagePath).toBe(`invite/pages/accept/index?t=${inv.token}`);
    expect(inv.scene).toBe(`t=${inv.token}`);
    expect(inv.scene.length).toBeLessThanOrEqual(32);
    expect(inv.code).toMatch(/^\d{4}$/);
    // The image to show: a mini-program code for the scene in the cloud, a QR of the web link locally.
    expect(inv.qr).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]{100,}/);
    expect(inv.qrKind).toBe(process.env.WG_TEST_BACKEND === 'cloud' ? 'wxacode' : 'url');
    expect(inv.expiresAt - s.clock.now).toBe(7 * 86400_000);
    const stored = await s.store.collection<Invitation>('invitations').get(inv.id);
    expect(JSON.stringify(stored)).not.toContain(inv.token);
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.codeHash).not.toContain(inv.code);
  });

  test('the invitee sees what is offered and that a code is needed', async () => {
    expect(await view('o-leader', inv.token)).toMatchObject({ postName: '网格长', roleName: '网格长', areaName: '第二网格', needsCode: true, refusal: null, mine: false });
  });

  test('without the code, or with a wrong one, nothing is granted; the field is named', async () => {
    expect(errorOf(await accept('o-leader', inv.token)).fields).toHaveProperty('code');
    const wrong = errorOf(await accept('o-leader', inv.token, otherCode(inv.code)));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.message).toContain('确认码不对');
    expect(wrong.message).toContain('还可以再试 4 次');
    expect(await rolesOf('o-leader')).toEqual([]);
  });

  test('the inviter cannot accept their own invitation', async () => {
    expect(errorOf(await s.call('users', 'acceptInvitation', { token: inv.token, code: inv.code }, PEOPLE.staff)).message).toContain('不能自己接受');
  });

  test('with the code the role is theirs, on 第二网格, once', async () => {
    expect(okData(await accept('o-leader', inv.token, inv.code))).toMatchObject({ mine: true, roleName: '网格长', areaName: '第二网格' });
    expect(await rolesOf('o-leader')).toEqual(['网格长@第二网格']);
    // Again: still theirs, nothing added; someone else: used.
    okData(await accept('o-leader', inv.token, inv.code));
    expect(await rolesOf('o-leader')).toEqual(['网格长@第二网格']);
    expect(errorOf(await accept('o-late', inv.token, inv.code)).message).toBe('该邀请已被使用：每个邀请只能接受一次');
    expect(await rolesOf('o-late')).toEqual([]);
  });

  test('the node lists it as accepted by them; it can no longer be revoked', async () => {
    const [row] = (await list(PEOPLE.staff, NODES.grid2)).filter((i) => i.id === inv.id);
    expect(row).toMatchObject({ postName: '网格长', statusName: '已接受', canRevoke: false, createdByName: '孙丽' });
    expect(errorOf(await s.call('users', 'revokeInvitation', { id: inv.id }, PEOPLE.staff)).message).toContain('已被接受，不能撤销');
  });
});

describe('双楼长: a 网格长 invites two 楼栋长 to 1号楼, and a third is refused', () => {
  test('both accept and hold 楼栋长 on 1号楼', async () => {
    const a = await issue(PEOPLE.gridLeader, NODES.building1, 'building_head');
    const b = await issue(PEOPLE.gridLeader, NODES.building1, 'building_head');
    // While two are open, a third is refused already.
    expect(errorOf(await invite(PEOPLE.gridLeader, NODES.building1, 'building_head')).message).toContain('每栋楼最多 2 位楼栋长');
    okData(await accept('o-head1', a.token, a.code));
    okData(await accept('o-head2', b.token, b.code));
    expect(await rolesOf('o-head1')).toEqual(['楼栋长@1号楼']);
    expect(await rolesOf('o-head2')).toEqual(['楼栋长@1号楼']);
  });

  test('a third 楼栋长 invitation for 1号楼 is refused with the reason; another building still takes one', async () => {
    const third = errorOf(await invite(PEOPLE.staff, NODES.building1, 'building_head'));
    expect(third.code).toBe('CONFLICT');
    expect(third.message).toBe('「1号楼」已有 2 位楼栋长、0 个待接受的楼栋长邀请，每栋楼最多 2 位楼栋长（双楼长）');
    expect((await issue(PEOPLE.street, NODES.buildingOther, 'building_head')).postName).toBe('楼栋长');
  });

  test('when one of them loses the role, the seat is free again', async () => {
    const head = (await s.store.collection<Invitation>('invitations').find({ areaId: NODES.building1, status: 'accepted' }))[0]!;
    okData(await s.call('users', 'revokeRole', { userId: head.acceptedBy, role: 'building_head', areaId: NODES.building1, reason: '搬走了' }, PEOPLE.staff));
    expect((await issue(PEOPLE.staff, NODES.building1, 'building_head')).postName).toBe('楼栋长');
  });
});

describe('nobody invites above their own role or outside their subtree', () => {
  test.each([
    ['a 网格长, to another community', PEOPLE.gridLeader, NODES.buildingOther, 'building_head', 'FORBIDDEN', '不在您的辖区内'],
    ['a 网格长, to 第二网格 (not theirs)', PEOPLE.gridLeader, NODES.grid2, 'grid_worker_full', 'FORBIDDEN', '不在您的辖区内'],
    ['a 网格长, another 网格长 on their grid', PEOPLE.gridLeader, NODES.grid1, 'grid_leader', 'FORBIDDEN', '只能邀请比本人角色低的人员'],
    ['a 网格长, a 社区工作人员', PEOPLE.gridLeader, NODES.community1, 'community_staff', 'FORBIDDEN', '不在您的辖区内'],
    ['a 社区工作人员, a 街道管理员', PEOPLE.staff, NODES.street, 'street_admin', 'FORBIDDEN', '不在您的辖区内'],
    ['a 社区工作人员, in another community', PEOPLE.staff, NODES.community2, 'community_staff', 'FORBIDDEN', '不在您的辖区内'],
    ['a 网格员', PEOPLE.gridWorker, NODES.building1, 'grid_volunteer', 'VALIDATION', '网格志愿者只能邀请到网格上'],
    ['a 网格员, on their grid', PEOPLE.gridWorker, NODES.grid1, 'grid_volunteer', 'FORBIDDEN', '只能邀请比本人角色低的人员'],
    ['a resident', PEOPLE.resident, NODES.building1, 'building_head', 'FORBIDDEN', '不在您的辖区内'],
    ['a 楼栋长 on a grid', PEOPLE.staff, NODES.grid1, 'building_head', 'VALIDATION', '楼栋长只能邀请到楼栋上'],
  ])('%s is refused', async (_what, who, areaId, post, code, words) => {
    const before = await s.store.collection('invitations').count({});
    const e = errorOf(await invite(who, areaId, post));
    expect(e.code).toBe(code);
    expect(e.message).toContain(words);
    expect(await s.store.collection('invitations').count({})).toBe(before);
  });

  test('a 社区工作人员 may invite a peer and each post at or below; a street admin a 街道管理员', async () => {
    for (const [areaId, post] of [
      [NODES.community1, 'community_staff'],
      [NODES.grid1, 'grid_worker_part'],
      [NODES.grid1, 'liaison'],
      [NODES.grid1, 'grid_volunteer'],
    ] as const) {
      expect((await issue(PEOPLE.staff, areaId, post)).areaName).toBeTruthy();
    }
    expect((await issue(PEOPLE.street, NODES.street, 'street_admin')).postName).toBe('街道管理员');
  });

  test('a 兼职网格员 invitation gives the 网格员 role, the post shown as invited', async () => {
    const inv = await issue(PEOPLE.staff, NODES.grid1, 'grid_worker_part');
    expect(await view('o-part', inv.token)).toMatchObject({ postName: '兼职网格员', roleName: '网格员' });
    okData(await accept('o-part', inv.token, inv.code));
    expect(await rolesOf('o-part')).toEqual(['网格员@第一网格']);
  });
});

describe('revoked, expired and guessed links are refused', () => {
  test('only the creator revokes; the link then says so and the list shows 已撤销', async () => {
    const inv = await issue(PEOPLE.staff, NODES.grid1, 'grid_worker_full');
    expect(errorOf(await s.call('users', 'revokeInvitation', { id: inv.id }, PEOPLE.street)).message).toBe('只有发出邀请的人可以撤销它');
    expect(okData(await s.call<{ revoked: boolean }>('users', 'revokeInvitation', { id: inv.id }, PEOPLE.staff)).revoked).toBe(true);
    expect(errorOf(await accept('o-revoked', inv.token, inv.code)).message).toContain('该邀请已被撤销');
    expect((await list(PEOPLE.staff, NODES.grid1)).find((i) => i.id === inv.id)).toMatchObject({ statusName: '已撤销', canRevoke: false });
    expect(await rolesOf('o-revoked')).toEqual([]);
    const audit = await s.store.collection<AuditDoc>('audit').find({ action: 'users.revokeInvitation', targetId: inv.id });
    expect(audit).toHaveLength(1);
  });

  test('after 7 days the link is expired, in the view, on accept and in the list', async () => {
    const inv = await issue(PEOPLE.staff, NODES.grid1, 'grid_volunteer');
    const saved = s.clock.now;
    s.clock.now = inv.expiresAt + 1;
    try {
      expect((await view('o-slow', inv.token)).refusal).toContain('该邀请已过期（有效期 7 天）');
      expect(errorOf(await accept('o-slow', inv.token, inv.code)).message).toContain('该邀请已过期');
      expect((await list(PEOPLE.staff, NODES.grid1)).find((i) => i.id === inv.id)?.statusName).toBe('已过期');
    } finally {
      s.clock.now = saved;
    }
    expect(await rolesOf('o-slow')).toEqual([]);
  });

  test('five wrong codes spend the invitation: even the right code is refused then', async () => {
    const inv = await issue(PEOPLE.staff, NODES.grid1, 'liaison');
    for (let i = 0; i < 5; i++) errorOf(await accept('o-guess', inv.token, otherCode(inv.code)));
    expect(errorOf(await accept('o-guess', inv.token, inv.code)).message).toBe('确认码输错次数过多，该邀请已作废，请向邀请人索取新的邀请');
    expect(await rolesOf('o-guess')).toEqual([]);
  });

  test('the list is for staff whose scope reaches the node', async () => {
    expect(errorOf(await s.call('users', 'invitations', { areaId: NODES.grid1 }, PEOPLE.otherStaff)).code).toBe('FORBIDDEN');
    expect(errorOf(await s.call('users', 'invitations', { areaId: NODES.grid1 }, PEOPLE.resident)).code).toBe('FORBIDDEN');
  });

  test('every invitation and acceptance is in the audit log', async () => {
    const invites = await s.store.collection<AuditDoc>('audit').find({ action: 'users.invite' });
    expect(invites.length).toBeGreaterThanOrEqual(10);
    expect(invites.every((a) => typeof a.detail.post === 'string')).toBe(true);
    const accepted = await s.store.collection<AuditDoc>('audit').find({ action: 'users.acceptInvitation' });
    expect(accepted.map((a) => a.detail.post).sort()).toEqual(['兼职网格员', '楼栋长', '楼栋长', '网格长']);
  });
});

describe('an inviter who no longer manages the node', () => {
  test('their pending invitation is refused with the reason; given the role back, it works again', async () => {
    const inv = await issue(PEOPLE.gridLeader, NODES.grid1, 'grid_volunteer');
    const role = { userId: PEOPLE.gridLeader, role: 'grid_leader', areaId: NODES.grid1 };
    okData(await s.call('users', 'revokeRole', { ...role, reason: '调往其他网格' }, PEOPLE.street));
    const refused = errorOf(await accept('o-volunteer', inv.token, inv.code));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('邀请人已不再管理「第一网格」，该邀请不能再用，请向现在的工作人员索取新的邀请');
    expect(await rolesOf('o-volunteer')).toEqual([]);
    okData(await s.call('users', 'grantRole', role, PEOPLE.street));
    okData(await accept('o-volunteer', inv.token, inv.code));
    expect(await rolesOf('o-volunteer')).toEqual(['网格志愿者@第一网格']);
  });
});
