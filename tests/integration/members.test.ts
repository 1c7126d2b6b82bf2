/**
 * 双报到 end to end through the HTTP gateway: register → staff approve (报到证 number, member role, skills)
 * → 报到证 QR that staff verify; reject with a reason; transfer (rejected, then approved: the old one ends,
 * points stay); reporting organisations; the 在职党员信息库 filters and its xlsx 台账.
 */
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { MineView, LibraryPage, OrganisationView, RegistrationView, VerifyView } from '../../shared/members/schemas';
import type { Page } from '../../shared/users/schemas';
import type { AuditDoc } from '../../backend/audit/record';
import { activeRegistration } from '../../backend/members/repo';
import type { RegistrationDoc } from '../../backend/members/repo';
import type { MessageDoc } from '../../backend/notifications/outbox';
import { localPorts } from '../../backend/ports/local';
import { creditPoints } from '../../backend/points/ledger';
import type { UserDoc } from '../../backend/users/repo';
import { goodRegistration, registrationsOf } from '../support/members';
import { buildingId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.WG_PUBLIC_URL = s.url;
});
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await s.close();
});

const ORG = 'O-demo-meichuan';
const user = (id: string) => s.store.collection<UserDoc>('users').get(id);
const audits = (action: string) => s.store.collection<AuditDoc>('audit').find({ action });
const deps = () => ({ store: s.store, now: () => s.clock.now, log: { error: () => undefined, info: () => undefined }, ports: localPorts(`${s.dataDir}/uploads`) });

function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('register → approve → 报到证', () => {
  let reg: RegistrationView;

  it('a resident registers at the building they live in; the community staff are told', async () => {
    reg = okData(await s.call<RegistrationView>('members', 'register', goodRegistration(NODES.building1, { orgId: ORG }), PEOPLE.resident));
    expect(reg).toMatchObject({
      status: 'pending',
      statusName: '待审核',
      communityName: '梅川第一居委会',
      gridName: '第一网格',
      buildingName: '1号楼',
      orgName: '上海梅川实业有限公司党支部',
      mobile: '13912340001',
      certNo: null,
    });
    const told = await s.store.collection<MessageDoc>('messages').find({ toAreaId: NODES.community1, kind: 'registrationNew' });
    expect(told.map((m) => m.body)).toEqual([expect.stringContaining('王秀英申请在本社区双报到')]);
    const mine = okData(await s.call<MineView>('members', 'mine', {}, PEOPLE.resident));
    expect(mine).toMatchObject({ active: null, pending: { id: reg.id }, certificate: null });
  });

  it('shows in 报到审核 for the community staff and the grid leader, not for another community', async () => {
    const ids = async (who: string) => okData(await s.call<Page<RegistrationView>>('members', 'pending', {}, who)).items.map((r) => r.id);
    expect(await ids(PEOPLE.staff)).toContain(reg.id);
    expect(await ids(PEOPLE.gridLeader)).toContain(reg.id);
    expect(await ids(PEOPLE.street)).toContain(reg.id);
    expect(await ids(PEOPLE.otherStaff)).not.toContain(reg.id);
    const [seen] = okData(await s.call<Page<RegistrationView>>('members', 'pending', {}, PEOPLE.gridLeader)).items;
    expect(seen?.mobile).toBe('139****0001');
  });

  it('approval issues the next 报到证 number, the member role, skills and a message', async () => {
    const decided = okData(await s.call<{ certNo: string }>('members', 'approve', { registrationId: reg.id }, PEOPLE.staff));
    expect(decided.certNo).toBe('CZ-2026-000003'); // the seed holds 000001 and 000002
    const u = await user(PEOPLE.resident);
    expect(u?.roles).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'member', areaId: NODES.community1 })]));
    expect(u?.skills).toEqual(['教育', '文艺']);
    expect((await audits('members.approve')).map((a) => a.targetId)).toEqual([reg.id]);
    expect((await audits('users.grantRole')).filter((a) => a.targetId === PEOPLE.resident)).toHaveLength(1);
    const inbox = await s.store.collection<MessageDoc>('messages').find({ userId: PEOPLE.resident, kind: 'registrationApproved' });
    expect(inbox[0]?.body).toContain('CZ-2026-000003');
    const me = okData(await s.call<{ roles: Array<{ role: string }> }>('users', 'me', {}, PEOPLE.resident));
    expect(me.roles.map((r) => r.role)).toContain('member');
  });

  it('the member sees the 报到证 with a QR that opens the staff verify page', async () => {
    const mine = okData(await s.call<MineView>('members', 'mine', {}, PEOPLE.resident));
    expect(mine.certificate).toMatchObject({
      certNo: 'CZ-2026-000003',
      name: '王秀英',
      communityName: '梅川第一居委会',
      orgName: '上海梅川实业有限公司党支部',
      approvedAt: s.clock.now,
    });
    expect(decodeQr(mine.certificate!.qr)).toBe(`${s.url}/#/members/pages/verify/index?cert=CZ-2026-000003`);
    expect(mine.certificate!.verifyUrl).toBe(decodeQr(mine.certificate!.qr));
  });

  it('staff in scope verify it (phone in full only for the community staff); others may not', async () => {
    const byStaff = okData(await s.call<VerifyView>('members', 'verifyCert', { certNo: 'CZ-2026-000003' }, PEOPLE.staff));
    expect(byStaff).toMatchObject({ valid: true, statusName: '已报到', name: '王秀英', mobile: '13912340001', buildingName: '1号楼' });
    expect(okData(await s.call<VerifyView>('members', 'verifyCert', { certNo: 'CZ-2026-000003' }, PEOPLE.gridWorker)).mobile).toBe('139****0001');
    expect(errorOf(await s.call('members', 'verifyCert', { certNo: 'CZ-2026-000003' }, PEOPLE.otherStaff))).toMatchObject({
      code: 'FORBIDDEN',
      message: '这张报到证不属于您负责的区域',
    });
    expect(errorOf(await s.call('members', 'verifyCert', { certNo: 'CZ-2026-000003' }, PEOPLE.otherResident))).toEqual({
      code: 'FORBIDDEN',
      message: '只有网格和社区工作人员可以核验报到证',
    });
    expect(errorOf(await s.call('members', 'verifyCert', { certNo: 'CZ-2026-999999' }, PEOPLE.staff))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('registering again is refused: already registered', async () => {
    expect(errorOf(await s.call('members', 'register', goodRegistration(NODES.building1), PEOPLE.resident))).toMatchObject({
      code: 'CONFLICT',
      message: '您已经完成双报到；搬家请办理转移',
    });
    expect(await registrationsOf(s, PEOPLE.resident)).toHaveLength(1);
  });
});

describe('reject with a reason', () => {
  it('the applicant sees the reason and may apply again', async () => {
    const reg = okData(await s.call<RegistrationView>('members', 'register', goodRegistration(buildingId(C1, 2, 3), { name: '李建国' }), PEOPLE.otherResident));
    okData(await s.call('members', 'reject', { registrationId: reg.id, reason: '所在党组织名称不完整，请补充' }, PEOPLE.staff));
    const mine = okData(await s.call<MineView>('members', 'mine', {}, PEOPLE.otherResident));
    expect(mine).toMatchObject({ active: null, pending: null, certificate: null });
    expect(mine.history[0]).toMatchObject({ status: 'rejected', statusName: '未通过', reason: '所在党组织名称不完整，请补充' });
    expect((await s.store.collection<MessageDoc>('messages').find({ userId: PEOPLE.otherResident, kind: 'registrationRejected' }))[0]?.body).toContain('所在党组织名称不完整');
    expect((await user(PEOPLE.otherResident))?.roleNames).not.toContain('member');
    const again = okData(
      await s.call<RegistrationView>('members', 'register', goodRegistration(NODES.building1, { name: '李建国', partyOrg: '普陀区教育局机关第一党支部' }), PEOPLE.otherResident),
    );
    expect(again.id).not.toBe(reg.id);
    expect(await registrationsOf(s, PEOPLE.otherResident)).toHaveLength(2);
  });
});

describe('transfer (搬家)', () => {
  const form = (building: string) => goodRegistration(building, { name: '张伟', mobile: '13900001003', skills: ['维修'] });

  it('a member credited with points applies at the new community; a rejection leaves the old registration active', async () => {
    await creditPoints(deps(), { memberId: PEOPLE.member, delta: 3, reason: 'order_completed', note: '完成点单', sourceType: 'order', sourceId: 'o-test-1' });
    expect(errorOf(await s.call('members', 'transfer', form(NODES.building1), PEOPLE.member))).toMatchObject({
      code: 'VALIDATION',
      fields: { buildingId: '新的居住楼栋仍在原报到社区，不需要转移' },
    });
    const t = okData(await s.call<RegistrationView>('members', 'transfer', form(NODES.buildingOther), PEOPLE.member));
    expect(t).toMatchObject({ status: 'pending', communityName: '梅川第二居委会', transferFromName: '梅川第一居委会' });
    expect(errorOf(await s.call('members', 'transfer', form(NODES.buildingOther), PEOPLE.member))).toEqual({
      code: 'CONFLICT',
      message: '您已有一份申请正在审核中，请等审核后再办理',
    });
    // Only the new community decides it.
    expect(errorOf(await s.call('members', 'approve', { registrationId: t.id }, PEOPLE.staff))).toEqual({ code: 'NOT_FOUND', message: '报到申请不存在或不在您负责的区域' });
    okData(await s.call('members', 'reject', { registrationId: t.id, reason: '楼栋信息有误' }, PEOPLE.otherStaff));
    expect((await activeRegistration({ store: s.store }, PEOPLE.member))?.communityId).toBe(NODES.community1);
    expect((await user(PEOPLE.member))?.roles.some((g) => g.role === 'member' && g.areaId === NODES.community1)).toBe(true);
  });

  it('on approval the old registration ends, the member role moves, history and points stay', async () => {
    const t = okData(await s.call<RegistrationView>('members', 'transfer', form(NODES.buildingOther), PEOPLE.member));
    s.clock.now += 60_000;
    const decided = okData(await s.call<{ certNo: string }>('members', 'approve', { registrationId: t.id }, PEOPLE.otherStaff));
    const [old, rejected, moved] = await registrationsOf(s, PEOPLE.member);
    expect(old).toMatchObject({ status: 'ended', endedAt: s.clock.now, movedTo: t.id, certNo: 'CZ-2026-000001' });
    expect(rejected?.status).toBe('rejected');
    expect(moved).toMatchObject({ status: 'approved', certNo: decided.certNo, communityId: NODES.community2 });
    const u = await user(PEOPLE.member);
    expect(u?.roles.filter((g) => g.role === 'member').map((g) => g.areaId)).toEqual([NODES.community2]);
    expect(u?.homeAreaId).toBe(NODES.buildingOther);
    expect(u?.skills).toEqual(['维修']);
    expect((await activeRegistration({ store: s.store }, PEOPLE.member))?._id).toBe(t.id);
    expect((await s.store.collection<{ _id: string; total: number }>('points_totals').get(`${PEOPLE.member}:2026`))?.total).toBe(3);
    // The role change is audited as the users domain audits it, with the approval it came from.
    const revoked = (await audits('users.revokeRole')).filter((a) => a.targetId === PEOPLE.member);
    expect(revoked.map((a) => a.detail)).toEqual([
      { role: 'member', areaId: NODES.community1, userName: '张伟', reason: '转移到梅川第二居委会', via: 'members.approve', registrationId: t.id },
    ]);
    const mine = okData(await s.call<MineView>('members', 'mine', {}, PEOPLE.member));
    expect(mine.history.map((r) => r.status)).toEqual(['approved', 'rejected', 'ended']);
    expect(mine.certificate?.communityName).toBe('梅川第二居委会');
    // The old certificate now verifies as no longer valid.
    expect(okData(await s.call<VerifyView>('members', 'verifyCert', { certNo: 'CZ-2026-000001' }, PEOPLE.staff))).toMatchObject({ valid: false, statusName: '已转出' });
  });
});

describe('reporting organisations (单位报到)', () => {
  let org: OrganisationView;

  it('community staff register one with its 共建协议; the same name twice is refused', async () => {
    const data = {
      communityId: NODES.community1,
      name: '普陀区教育局机关党委',
      contactName: '钱老师',
      contactMobile: '13900004001',
      agreement: '每学期为社区青少年开设两次公益课堂，寒暑假托管班派党员志愿者。',
    };
    org = okData(await s.call<OrganisationView>('members', 'createOrganisation', data, PEOPLE.staff));
    expect(org).toMatchObject({ name: data.name, communityName: '梅川第一居委会', contactMobile: '13900004001', memberCount: 0 });
    expect(errorOf(await s.call('members', 'createOrganisation', data, PEOPLE.street))).toMatchObject({
      code: 'VALIDATION',
      fields: { name: '「普陀区教育局机关党委」已在本社区报到，不能重复登记' },
    });
    expect(await s.store.collection('organisations').count({ communityId: NODES.community1 })).toBe(2);
  });

  it('anyone can list a community’s organisations to choose one, contact phone masked unless staff', async () => {
    const asResident = okData(await s.call<Page<OrganisationView>>('members', 'listOrganisations', { communityId: NODES.community1 }, PEOPLE.otherResident));
    expect(asResident.items.map((o) => o.name).sort()).toEqual(['上海梅川实业有限公司党支部', '普陀区教育局机关党委'].sort());
    expect(asResident.items.find((o) => o.id === org.id)?.contactMobile).toBe('139****4001');
    const asStaff = okData(await s.call<Page<OrganisationView>>('members', 'listOrganisations', {}, PEOPLE.staff));
    expect(asStaff.items.find((o) => o.id === ORG)?.memberCount).toBe(1); // 王秀英; 张伟 moved away
    expect(okData(await s.call<Page<OrganisationView>>('members', 'listOrganisations', {}, PEOPLE.otherStaff)).items).toEqual([]);
  });

  it('a member links their registration to an organisation of their own community only', async () => {
    const linked = okData(await s.call<RegistrationView>('members', 'linkOrg', { orgId: org.id }, PEOPLE.resident));
    expect(linked.orgName).toBe('普陀区教育局机关党委');
    // Her points this year move with her to the organisation's ranking (applied after the answer).
    expect(await s.store.collection<{ _id: string; orgId: string | null }>('points_totals').get(`${PEOPLE.resident}:2026`)).toMatchObject({ orgId: org.id });
    expect(errorOf(await s.call('members', 'linkOrg', { orgId: org.id }, PEOPLE.memberOutOfScope))).toMatchObject({
      code: 'VALIDATION',
      fields: { orgId: '报到单位不在您报到的社区登记，请重新选择' },
    });
    expect(errorOf(await s.call('members', 'linkOrg', { orgId: null }, PEOPLE.gridWorker))).toEqual({ code: 'CONFLICT', message: '您还没有双报到登记，请先报到' });
  });
});

describe('在职党员信息库 and the 台账 export', () => {
  it('lists the subtree with filters; phones in full only for the community staff', async () => {
    const page = (who: string, filters: Record<string, unknown> = {}) => s.call<LibraryPage>('members', 'library', filters, who).then(okData);
    const staffView = await page(PEOPLE.staff);
    // 李建国: rejected, then pending again; 张伟: ended by his move to 梅川第二.
    expect(staffView.items.map((r) => `${r.name}${r.statusName}`).sort()).toEqual(['李建国未通过', '李建国待审核', '王秀英已报到', '张伟已转出'].sort());
    expect(staffView.items.find((r) => r.name === '王秀英')?.mobile).toBe('13912340001');
    const street = await page(PEOPLE.street, { status: 'approved' });
    expect(street.items.map((r) => r.name).sort()).toEqual(['刘洋', '张伟', '王秀英'].sort());
    expect(street.items.find((r) => r.name === '王秀英')?.mobile).toBe('139****0001');
    expect((await page(PEOPLE.street, { skill: '医疗' })).items.map((r) => r.name)).toEqual(['刘洋']);
    expect((await page(PEOPLE.staff, { orgId: ORG })).items.map((r) => r.name)).toEqual(['张伟']);
    expect((await page(PEOPLE.gridLeader)).items.map((r) => r.name).sort()).toEqual(['李建国', '王秀英', '张伟'].sort());
    expect((await page(PEOPLE.staff, { gridId: NODES.grid2 })).items.map((r) => `${r.name}${r.statusName}`)).toEqual(['李建国未通过']);
    expect((await page(PEOPLE.street, { communityId: NODES.community2 })).items.map((r) => r.name).sort()).toEqual(['刘洋', '张伟', '张伟'].sort());
    const paged = await page(PEOPLE.street, { pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
    // A page that is not full ends the list and tells the total; one past the end counts.
    expect(staffView.total).toBe(4);
    expect(await page(PEOPLE.street, { pageSize: 2, page: 4 })).toMatchObject({ total: 7, items: [expect.anything()] });
    expect(await page(PEOPLE.street, { pageSize: 2, page: 5 })).toMatchObject({ total: 7, items: [] });
  });

  it('served-this-year means any points this year', async () => {
    await creditPoints(deps(), { memberId: PEOPLE.memberOutOfScope, delta: 2, reason: 'order_completed', note: '完成点单', sourceType: 'order', sourceId: 'o-test-2' });
    const served = okData(await s.call<LibraryPage>('members', 'library', { served: 'yes', status: 'approved' }, PEOPLE.street));
    expect(served.items.map((r) => [r.name, r.pointsThisYear]).sort()).toEqual(
      [
        ['刘洋', 2],
        ['张伟', 3],
      ].sort(),
    );
    const idle = okData(await s.call<LibraryPage>('members', 'library', { served: 'no', status: 'approved' }, PEOPLE.street));
    expect(idle.items.map((r) => r.name)).toEqual(['王秀英']);
    expect(idle.total).toBe(1);
  });

  it('exports the same rows as an xlsx that reads back', async () => {
    const file = okData(await s.call<{ url: string; name: string; rows: number }>('members', 'exportLibrary', { status: 'approved' }, PEOPLE.street));
    expect(file.name).toBe('双报到台账-2026-11-20.xlsx');
    expect(file.rows).toBe(3);
    const res = await fetch(fetchable(s, file.url));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('在职党员信息库')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]?.slice(0, 5)).toEqual(['姓名', '手机号', '状态', '报到证编号', '社区']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual(['刘洋', '张伟', '王秀英'].sort());
    expect(byName.get('王秀英')?.slice(1, 5)).toEqual(['139****0001', '已报到', 'CZ-2026-000003', '梅川第一居委会']);
    expect(byName.get('张伟')?.[12]).toBe(3);
    expect(byName.get('张伟')?.[13]).toBe('是');
    expect(await audits('members.exportLibrary')).toHaveLength(1);
    const served = okData(await s.call<{ rows: number }>('members', 'exportLibrary', { served: 'no', status: 'approved' }, PEOPLE.staff));
    expect(served.rows).toBe(1);
  });
});

it('a registration’s stored shape keeps the fields other domains read', async () => {
  const [doc] = await s.store.collection<RegistrationDoc>('registrations').find({ memberId: PEOPLE.resident });
  expect(doc).toMatchObject({
    memberId: PEOPLE.resident,
    status: 'approved',
    communityId: NODES.community1,
    gridId: NODES.grid1,
    buildingId: NODES.building1,
    orgId: expect.any(String),
  });
});
