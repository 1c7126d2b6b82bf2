/**
 * 一键响应 and 平时/急时 through the real gateway: who may send and switch, bad input names the field and
 * writes nothing, 收到 is idempotent (also under concurrency), the tally is per grid, 提醒 is rate-limited,
 * replies export, and a community in 急时 files new orders as 红 straight into the pool.
 */
import ExcelJS from 'exceljs';
import type { OrderDetail } from '../../shared/orders/schemas';
import type { BannerView, InstructionDetail, ModeStatusView } from '../../shared/response/schemas';
import { detail, fileOrder, uploadPhoto } from '../support/orders';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import { HOUR, addPerson } from '../support/response';
import type { TestServer } from '../support/server';
import { errorOf, fetchable, okData, PHOTO_URL, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  // 急时 reaches every instance within WG_WARM_TTL_MS (docs/effects.md); this suite switches and files at once, so it
  // deploys with nothing kept warm (locally the one process forgets its copy at the switch).
  s = await startTestServer({ functionEnv: { WG_WARM_TTL_MS: '0' } });
  await addPerson(s, { id: 'u-member-b', name: '马丽', role: 'member', areaId: NODES.community1, homeId: 'B310107102008-2-1' });
  await addPerson(s, { id: 'u-member-c', name: '黄磊', role: 'member', areaId: NODES.community1, homeId: 'B310107102008-3-1' });
});
afterAll(() => s.close());

const ROLES: PersonKey[] = ['resident', 'member', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
const good = (extra: Record<string, unknown> = {}) => ({
  areaId: NODES.community1,
  title: '防汛准备',
  text: '今晚有暴雨，请各网格检查地下车库和低洼楼栋。',
  deadline: s.clock.now + 6 * HOUR,
  ...extra,
});
const send = async (extra: Record<string, unknown> = {}, who: string = PEOPLE.staff) =>
  okData(await s.call<{ id: string; recipients: number }>('response', 'send', good(extra), who));
const counts = async () => ({
  instructions: await s.store.collection('instructions').count({}),
  receipts: await s.store.collection('receipts').count({}),
  messages: await s.store.collection('messages').count({}),
});
const detailOf = async (id: string, who: string = PEOPLE.staff) => okData(await s.call<InstructionDetail>('response', 'detail', { instructionId: id }, who));

describe('send', () => {
  it('reaches every member and grid staff in the subtree, each with a receipt and a message', async () => {
    const before = await counts();
    const { id, recipients } = await send();
    // 张伟, 马丽, 黄磊 (members), 陈静 (网格员), 赵强 (网格长) of 梅川第一居委会; nobody from 梅川第二.
    expect(recipients).toBe(5);
    const after = await counts();
    expect(after.receipts - before.receipts).toBe(5);
    expect(await s.store.collection('receipts').get(`${id}:${PEOPLE.member}`)).toMatchObject({ ackedAt: null, role: 'member' });
    expect(await s.store.collection('receipts').get(`${id}:${PEOPLE.memberOutOfScope}`)).toBeNull();
    expect(await s.store.collection('messages').count({ userId: PEOPLE.gridLeader, kind: 'instruction' })).toBeGreaterThan(0);
  });

  it('to chosen roles only', async () => {
    expect((await send({ roles: ['member'] })).recipients).toBe(3);
    expect((await send({ roles: ['grid_worker', 'grid_leader'] })).recipients).toBe(2);
    expect((await send({ areaId: NODES.street, roles: ['member'] }, PEOPLE.street)).recipients).toBe(4);
  });

  it.each(ROLES.map((r, i) => [r, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'][i]]))('as %s → %s', async (role, want) => {
    const res = await s.call('response', 'send', good(), PEOPLE[role as PersonKey]);
    if (want === 'ok') expect(res).toMatchObject({ ok: true });
    else expect(res).toMatchObject({ ok: false, error: { code: want } });
  });

  it.each([
    ['empty text', { text: '  ' }, 'text', 'VALIDATION', '指令内容至少需要 2 个字'],
    ['no title', { title: '' }, 'title', 'VALIDATION', '标题至少需要 2 个字'],
    ['deadline in the past', { deadline: Date.parse('2026-11-01T00:00:00Z') }, 'deadline', 'VALIDATION', '截止时间需晚于现在'],
    ['deadline too far', { deadline: Date.parse('2027-11-01T00:00:00Z') }, 'deadline', 'VALIDATION', '截止时间不能超过 90 天后'],
    ['no roles', { roles: [] }, 'roles', 'VALIDATION', '请至少选择一类接收对象'],
    ['a role that cannot receive', { roles: ['resident'] }, 'roles.0', 'VALIDATION', '接收对象不在可选范围内'],
    ['a subtree outside the sender scope', { areaId: NODES.community2 }, 'areaId', 'FORBIDDEN', '只能向您负责的区域发送指令'],
    ['nobody there to receive', { areaId: NODES.building1, roles: ['member'] }, 'roles', 'VALIDATION', '1号楼内没有在职党员，无人可接收'],
    [
      'an attachment never uploaded',
      { attachment: { fileId: `local:${'a'.repeat(32)}.png`, size: 10, type: 'image/png' } },
      'attachment.0',
      'VALIDATION',
      '照片尚未上传成功，请重新上传',
    ],
  ])('%s → names %s and writes nothing', async (_name, extra, field, code, message) => {
    const before = await counts();
    const err = errorOf(await s.call('response', 'send', good(extra), PEOPLE.staff));
    expect(err.code).toBe(code);
    expect(err.fields?.[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it('accepts an uploaded photo as the attachment and shows it', async () => {
    const photo = await uploadPhoto(s, PEOPLE.staff);
    const { id } = await send({ attachment: photo });
    expect((await detailOf(id, PEOPLE.member)).attachmentUrl).toMatch(PHOTO_URL);
  });
});

describe('收到, reply and the per-grid tally', () => {
  it('ack is idempotent, also when tapped five times at once', async () => {
    const { id } = await send({ roles: ['member'] });
    const acks = await Promise.all(Array.from({ length: 5 }, () => s.call<{ ackedAt: number }>('response', 'ack', { instructionId: id }, PEOPLE.member)));
    const times = new Set(acks.map((a) => okData(a).ackedAt));
    expect(times.size).toBe(1);
    s.clock.now += 60_000;
    expect(okData(await s.call<{ ackedAt: number }>('response', 'ack', { instructionId: id }, PEOPLE.member)).ackedAt).toBe([...times][0]);
    expect(await s.store.collection('instructions').get(id)).toMatchObject({ acked: 1, total: 3 });
    const t = (await detailOf(id)).tally!;
    expect([t.total, t.acked]).toEqual([3, 1]);
  });

  it('groups recipients per grid and lists who has not acknowledged', async () => {
    const { id } = await send();
    okData(await s.call('response', 'ack', { instructionId: id }, PEOPLE.member));
    okData(await s.call('response', 'reply', { instructionId: id, text: '一网格已检查车库' }, PEOPLE.gridWorker));
    const t = (await detailOf(id)).tally!;
    const byName = Object.fromEntries(t.groups.map((g) => [g.name, g]));
    expect(Object.keys(byName).sort()).toEqual(['梅川第一居委会 · 第一网格', '梅川第一居委会 · 第三网格', '梅川第一居委会 · 第二网格'].sort());
    const g1 = byName['梅川第一居委会 · 第一网格']!;
    expect([g1.total, g1.acked]).toEqual([3, 2]);
    expect(g1.people.find((p) => p.name === '赵强')).toMatchObject({ ackedAt: null, roleName: '网格长' });
    expect(g1.people.find((p) => p.name === '陈静')?.reply?.text).toBe('一网格已检查车库');
    expect(byName['梅川第一居委会 · 第二网格']).toMatchObject({ total: 1, acked: 0 });
    expect(t.acked).toBe(2);
  });

  it('a reply needs text or a photo; the photo must be uploaded', async () => {
    const { id } = await send();
    expect(errorOf(await s.call('response', 'reply', { instructionId: id }, PEOPLE.member)).fields?.text).toBe('请填写回复内容或上传一张照片');
    expect(
      errorOf(await s.call('response', 'reply', { instructionId: id, photo: { fileId: `local:${'b'.repeat(32)}.png`, size: 5, type: 'image/png' } }, PEOPLE.member)).fields?.[
        'photo.0'
      ],
    ).toBe('照片尚未上传成功，请重新上传');
    expect(await s.store.collection('receipts').get(`${id}:${PEOPLE.member}`)).toMatchObject({ ackedAt: null, reply: null });
    const photo = await uploadPhoto(s, PEOPLE.member);
    okData(await s.call('response', 'reply', { instructionId: id, photo }, PEOPLE.member));
    expect((await detailOf(id, PEOPLE.member)).mine?.reply?.photoUrl).toMatch(PHOTO_URL);
  });

  it('only recipients ack; only responders over the node see the tally', async () => {
    const { id } = await send();
    for (const who of [PEOPLE.resident, PEOPLE.memberOutOfScope, PEOPLE.otherStaff, PEOPLE.staff]) {
      expect(errorOf(await s.call('response', 'ack', { instructionId: id }, who)).code).toBe('NOT_FOUND');
    }
    for (const who of [PEOPLE.resident, PEOPLE.otherStaff, PEOPLE.memberOutOfScope]) {
      expect(errorOf(await s.call('response', 'detail', { instructionId: id }, who)).code).toBe('NOT_FOUND');
    }
    expect((await detailOf(id, PEOPLE.member)).tally).toBeNull();
    expect((await detailOf(id, PEOPLE.gridLeader)).tally).toBeNull();
    expect((await detailOf(id, PEOPLE.street)).tally?.total).toBe(5);
  });

  it('the inbox and the home strip show open instructions until acknowledged', async () => {
    const { id } = await send({ title: '首页条测试', deadline: s.clock.now + HOUR });
    const strip = okData(await s.call<BannerView>('response', 'banner', {}, PEOPLE.gridLeader));
    expect(strip.open.map((o) => o.instructionId)).toContain(id);
    okData(await s.call('response', 'ack', { instructionId: id }, PEOPLE.gridLeader));
    const after = okData(await s.call<BannerView>('response', 'banner', {}, PEOPLE.gridLeader));
    expect(after.open.map((o) => o.instructionId)).not.toContain(id);
    expect(after.openCount).toBe(strip.openCount - 1);
    const inbox = okData(await s.call<{ items: Array<{ instructionId: string; ackedAt: number | null }> }>('response', 'inbox', { scope: 'all' }, PEOPLE.gridLeader));
    expect(inbox.items.find((i) => i.instructionId === id)?.ackedAt).toEqual(expect.any(Number));
    expect(okData(await s.call<{ total: number }>('response', 'inbox', {}, PEOPLE.resident)).total).toBe(0);
  });

  it('sent lists instructions in the responder subtree only', async () => {
    await send({ title: '只在一居' });
    const mine = okData(await s.call<{ items: Array<{ title: string }> }>('response', 'sent', {}, PEOPLE.staff));
    expect(mine.items.map((i) => i.title)).toContain('只在一居');
    const other = okData(await s.call<{ items: Array<{ title: string }> }>('response', 'sent', {}, PEOPLE.otherStaff));
    expect(other.items.map((i) => i.title)).not.toContain('只在一居');
    for (const who of [PEOPLE.resident, PEOPLE.member, PEOPLE.gridWorker, PEOPLE.gridLeader]) {
      expect(errorOf(await s.call('response', 'sent', {}, who)).code).toBe('FORBIDDEN');
    }
  });
});

describe('提醒 and export', () => {
  it('reminds those who have not acknowledged, at most once per 30 minutes', async () => {
    const { id } = await send({ roles: ['member'] });
    okData(await s.call('response', 'ack', { instructionId: id }, PEOPLE.member));
    const before = await s.store.collection('messages').count({ kind: 'instructionRemind' });
    expect(okData(await s.call<{ reminded: number }>('response', 'remind', { instructionId: id }, PEOPLE.staff)).reminded).toBe(2);
    expect(await s.store.collection('messages').count({ kind: 'instructionRemind' })).toBe(before + 2);
    expect(await s.store.collection('messages').count({ kind: 'instructionRemind', userId: PEOPLE.member })).toBe(0);
    expect(errorOf(await s.call('response', 'remind', { instructionId: id }, PEOPLE.street)).code).toBe('RATE_LIMITED');
    s.clock.now += 31 * 60_000;
    const twice = await Promise.all([s.call('response', 'remind', { instructionId: id }, PEOPLE.staff), s.call('response', 'remind', { instructionId: id }, PEOPLE.staff)]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect((await detailOf(id)).tally?.remindCount).toBe(2);
  });

  it.each(ROLES.map((r, i) => [r, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'][i]]))('remind and export as %s → %s', async (role, want) => {
    const { id } = await send();
    for (const action of ['remind', 'export']) {
      const res = await s.call('response', action, { instructionId: id }, PEOPLE[role as PersonKey]);
      if (want === 'ok') expect(res).toMatchObject({ ok: true });
      else expect(res).toMatchObject({ ok: false, error: { code: want } });
    }
  });

  it('exports one row per recipient as xlsx', async () => {
    const { id } = await send();
    okData(await s.call('response', 'reply', { instructionId: id, text: '收到，马上落实' }, PEOPLE.member));
    const file = okData(await s.call<{ url: string; name: string; rows: number; bytes: number }>('response', 'export', { instructionId: id }, PEOPLE.staff));
    expect(file.rows).toBe(5);
    expect(file.name).toMatch(/^一键响应回复-防汛准备-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const res = await fetch(fetchable(s, file.url));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('回复')?.getSheetValues() ?? []).filter(Boolean).map((r) => Array.from({ length: 8 }, (_, i) => (r as unknown[])[i + 1] ?? ''));
    expect(rows[0]).toEqual(['网格', '姓名', '身份', '状态', '收到时间', '回复', '照片', '回复时间']);
    const at = new Date(s.clock.now + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 16);
    expect(rows.find((r) => r[1] === '张伟')).toEqual(['梅川第一居委会 · 第一网格', '张伟', '在职党员', '已收到', at, '收到，马上落实', '', at]);
    expect(rows.find((r) => r[1] === '赵强')).toEqual(['梅川第一居委会 · 第一网格', '赵强', '网格长', '未收到', '', '', '', '']);
    expect(await s.store.collection('audit').count({ action: 'response.export', targetId: id })).toBe(1);
  });
});

describe('平时/急时', () => {
  const sw = (mode: string, who: string = PEOPLE.staff, communityId = NODES.community1) =>
    s.call<{ mode: string }>('response', 'switchMode', { communityId, mode, reason: mode === 'emergency' ? '台风红色预警' : '台风已过境' }, who);

  it.each(ROLES.map((r, i) => [r, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'][i]]))('switching as %s → %s', async (role, want) => {
    const before = await s.store.collection('mode_switches').count({});
    const res = await sw('emergency', PEOPLE[role as PersonKey]);
    if (want === 'ok') {
      expect(res).toMatchObject({ ok: true });
      okData(await sw('normal'));
    } else {
      expect(res).toMatchObject({ ok: false, error: { code: want } });
      expect(await s.store.collection('mode_switches').count({})).toBe(before);
    }
  });

  it('bad input names the field and writes nothing', async () => {
    const before = await s.store.collection('mode_switches').count({});
    expect(errorOf(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'emergency', reason: ' ' }, PEOPLE.staff)).fields?.reason).toBe(
      '切换原因至少需要 2 个字',
    );
    expect(errorOf(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'panic', reason: '测试原因' }, PEOPLE.staff)).fields?.mode).toBe(
      '模式不在可选范围内',
    );
    expect(errorOf(await sw('normal')).fields?.mode).toContain('已经处于平时');
    expect(errorOf(await s.call('response', 'switchMode', { communityId: NODES.grid1, mode: 'emergency', reason: '测试原因' }, PEOPLE.staff)).fields?.communityId).toBe(
      '请选择一个社区',
    );
    expect(await s.store.collection('mode_switches').count({})).toBe(before);
  });

  it('急时: a new order skips triage as 红 into the pool, members see the banner; back to 平时 restores filing', async () => {
    okData(await sw('emergency'));
    const banner = okData(await s.call<BannerView>('response', 'banner', {}, PEOPLE.member));
    expect(banner.emergency).toEqual([expect.objectContaining({ communityId: NODES.community1, reason: '台风红色预警' })]);
    expect(okData(await s.call<BannerView>('response', 'banner', {}, PEOPLE.memberOutOfScope)).emergency).toEqual([]);

    const urgent = await fileOrder(s);
    const d: OrderDetail = await detail(s, urgent);
    expect([d.status, d.colour]).toEqual(['pooled', 'red']);
    expect(d.timeline.map((t) => t.action)).toEqual(['提交点单', '急时自动派单']);
    expect(d.respondBy).toBe(d.createdAt + 3600_000);
    const hall = okData(await s.call<{ items: Array<{ id: string }> }>('orders', 'hall', {}, PEOPLE.member));
    expect(hall.items.map((o) => o.id)).toContain(urgent);
    expect(await s.store.collection('messages').count({ kind: 'emergencyOrder', orderId: urgent })).toBe(1);
    // Another community stays in 平时.
    const elsewhere = await fileOrder(s, { buildingId: NODES.buildingOther });
    expect((await detail(s, elsewhere, PEOPLE.otherStaff)).status).toBe('new');

    okData(await sw('normal'));
    const calm = await fileOrder(s);
    expect(await detail(s, calm)).toMatchObject({ status: 'new', colour: null });
    expect(okData(await s.call<BannerView>('response', 'banner', {}, PEOPLE.member)).emergency).toEqual([]);

    const status = okData(await s.call<ModeStatusView>('response', 'modeStatus', {}, PEOPLE.staff));
    expect(status.community).toMatchObject({ id: NODES.community1, mode: 'normal' });
    expect(status.history.slice(0, 2).map((h) => [h.mode, h.byName])).toEqual([
      ['normal', '孙丽'],
      ['emergency', '孙丽'],
    ]);
    const switches = await s.store.collection('mode_switches').find({ communityId: NODES.community1 }, { sort: [['at', -1]], limit: 1 });
    expect(Object.keys(switches[0]!).sort()).toEqual(['_id', 'at', 'by', 'byName', 'communityId', 'mode', 'path', 'reason']);
    expect(await s.store.collection('audit').count({ action: 'response.switchMode', targetId: NODES.community1 })).toBeGreaterThanOrEqual(2);
  });

  it('two staff switching at once: exactly one switch is recorded', async () => {
    const before = await s.store.collection('mode_switches').count({ communityId: NODES.community1 });
    const res = await Promise.all([sw('emergency'), sw('emergency', PEOPLE.street)]);
    expect(res.filter((r) => r.ok)).toHaveLength(1);
    expect(await s.store.collection('mode_switches').count({ communityId: NODES.community1 })).toBe(before + 1);
    okData(await sw('normal'));
  });

  it('modeStatus: responders over the community only; the street lists communities in 急时', async () => {
    okData(await sw('emergency', PEOPLE.otherStaff, NODES.community2));
    const street = okData(await s.call<ModeStatusView>('response', 'modeStatus', {}, PEOPLE.street));
    expect(street.community).toBeNull();
    expect(street.emergencies.map((e) => e.communityId)).toEqual([NODES.community2]);
    expect(errorOf(await s.call('response', 'modeStatus', { communityId: NODES.community2 }, PEOPLE.staff)).code).toBe('FORBIDDEN');
    for (const who of [PEOPLE.resident, PEOPLE.member, PEOPLE.gridWorker]) {
      expect(errorOf(await s.call('response', 'modeStatus', { communityId: NODES.community1 }, who)).code).toBe('FORBIDDEN');
    }
    okData(await sw('normal', PEOPLE.otherStaff, NODES.community2));
  });
});
