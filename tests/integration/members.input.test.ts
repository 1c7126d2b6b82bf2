/**
 * Bad input for every 双报到 action → VALIDATION naming the field in Chinese, and nothing written
 * (registrations, organisations, counters, audit, messages, people all unchanged). Then the state
 * conflicts: a second registration, deciding twice.
 */
import { goodRegistration, pendingRegistration, registrationsOf } from '../support/members';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
let otherOrg = '';
beforeAll(async () => {
  s = await startTestServer();
  otherOrg = okData(await s.call<{ id: string }>('members', 'createOrganisation', { ...organisation(), communityId: NODES.community2 }, PEOPLE.otherStaff)).id;
});
afterAll(() => s.close());

const long = (n: number) => '长'.repeat(n);
function organisation(extra: Record<string, unknown> = {}) {
  return {
    communityId: NODES.community1,
    name: '普陀区某街道办事处机关党支部',
    contactName: '钱主任',
    contactMobile: '13900006001',
    agreement: '每月组织党员到社区开展一次志愿服务活动。',
    ...extra,
  };
}
const reg = (extra: Record<string, unknown>) => goodRegistration(NODES.building1, extra);

/** Everything a bad call could have written. */
async function snapshot(): Promise<number[]> {
  const names = ['registrations', 'organisations', 'member_counters', 'audit', 'messages'];
  const counts = await Promise.all(names.map((n) => s.store.collection(n).count({})));
  const resident = await s.store.collection<{ _id: string; rev: number }>('users').get(PEOPLE.resident);
  return [...counts, resident?.rev ?? -1];
}

/** [action, data, the field that must be named, the exact message it must say, who calls] */
const TABLE: Array<[string, Record<string, unknown>, string, string, string]> = [
  ['register', reg({ name: undefined }), 'name', '姓名需为文字', PEOPLE.resident],
  ['register', reg({ name: '张' }), 'name', '姓名至少需要 2 个字', PEOPLE.resident],
  ['register', reg({ name: long(21) }), 'name', '姓名不能超过 20 个字', PEOPLE.resident],
  ['register', reg({ name: '<b>张三</b>' }), 'name', '姓名不能包含网页标签', PEOPLE.resident],
  ['register', reg({ mobile: '12345' }), 'mobile', '手机号应为 11 位手机号', PEOPLE.resident],
  ['register', reg({ mobile: undefined }), 'mobile', '手机号需为文字', PEOPLE.resident],
  ['register', reg({ partyOrg: '' }), 'partyOrg', '所在党组织至少需要 2 个字', PEOPLE.resident],
  ['register', reg({ workUnit: 42 }), 'workUnit', '工作单位需为文字', PEOPLE.resident],
  ['register', reg({ buildingId: undefined }), 'buildingId', '居住楼栋需为编号', PEOPLE.resident],
  ['register', reg({ buildingId: NODES.community1 }), 'buildingId', '居住楼栋请选到具体楼栋，「梅川第一居委会」是社区', PEOPLE.resident],
  ['register', reg({ buildingId: NODES.grid1 }), 'buildingId', '居住楼栋请选到具体楼栋，「第一网格」是网格', PEOPLE.resident],
  ['register', reg({ buildingId: 'B-nowhere' }), 'buildingId', '居住楼栋不存在或已停用，请重新选择', PEOPLE.resident],
  ['register', reg({ buildingId: '../../etc' }), 'buildingId', '居住楼栋格式不正确', PEOPLE.resident],
  ['register', reg({ skills: [] }), 'skills', '请至少选择一项技能特长', PEOPLE.resident],
  ['register', reg({ skills: '维修' }), 'skills', '技能特长需为列表', PEOPLE.resident],
  ['register', reg({ skills: ['炸弹'] }), 'skills.0', '技能特长不在可选范围内', PEOPLE.resident],
  ['register', reg({ skills: ['维修', '维修'] }), 'skills', '技能特长不能重复选择', PEOPLE.resident],
  ['register', reg({ availableTimes: undefined }), 'availableTimes', '可服务时间需为列表', PEOPLE.resident],
  ['register', reg({ availableTimes: ['半夜'] }), 'availableTimes.0', '可服务时间不在可选范围内', PEOPLE.resident],
  ['register', reg({ orgId: 'O-nowhere' }), 'orgId', '报到单位不在该社区登记，请重新选择', PEOPLE.resident],
  ['register', reg({ orgId: '__OTHER__' }), 'orgId', '报到单位不在该社区登记，请重新选择', PEOPLE.resident],
  ['register', reg({ certNo: 'CZ-2026-000009' }), 'certNo', '不认识的字段：certNo', PEOPLE.resident],
  ['transfer', goodRegistration(NODES.building1), 'buildingId', '新的居住楼栋仍在原报到社区，不需要转移', PEOPLE.member],
  ['transfer', goodRegistration(NODES.buildingOther, { skills: ['飞行'] }), 'skills.0', '技能特长不在可选范围内', PEOPLE.member],
  ['approve', {}, 'registrationId', '报到申请需为编号', PEOPLE.staff],
  ['approve', { registrationId: 'R x' }, 'registrationId', '报到申请格式不正确', PEOPLE.staff],
  ['reject', { registrationId: 'Rnobody-1' }, 'reason', '驳回原因需为文字', PEOPLE.staff],
  ['reject', { registrationId: 'Rnobody-1', reason: '不' }, 'reason', '驳回原因至少需要 2 个字', PEOPLE.staff],
  ['verifyCert', { certNo: 'abc' }, 'certNo', '报到证编号格式不正确，应如 CZ-2026-000123', PEOPLE.staff],
  ['verifyCert', {}, 'certNo', '报到证编号需为文字', PEOPLE.staff],
  ['pending', { communityId: NODES.grid1 }, 'communityId', '请选择社区，「第一网格」是网格', PEOPLE.staff],
  ['pending', { page: 0 }, 'page', '页码不能小于 1', PEOPLE.staff],
  ['createOrganisation', organisation({ communityId: NODES.grid1 }), 'communityId', '请选择社区，「第一网格」是网格', PEOPLE.staff],
  ['createOrganisation', organisation({ communityId: 'C-nowhere' }), 'communityId', '社区不存在或已停用', PEOPLE.staff],
  ['createOrganisation', organisation({ name: '' }), 'name', '单位党组织名称至少需要 2 个字', PEOPLE.staff],
  ['createOrganisation', organisation({ contactMobile: '0215678' }), 'contactMobile', '联系电话应为 11 位手机号', PEOPLE.staff],
  ['createOrganisation', organisation({ agreement: '共建' }), 'agreement', '共建协议至少需要 10 个字', PEOPLE.staff],
  ['createOrganisation', organisation({ agreement: long(2001) }), 'agreement', '共建协议不能超过 2000 个字', PEOPLE.staff],
  ['listOrganisations', { communityId: NODES.building1 }, 'communityId', '请选择社区，「1号楼」是楼栋', PEOPLE.resident],
  ['linkOrg', {}, 'orgId', '报到单位需为编号', PEOPLE.member],
  ['linkOrg', { orgId: '__OTHER__' }, 'orgId', '报到单位不在您报到的社区登记，请重新选择', PEOPLE.member],
  ['library', { status: 'everything' }, 'status', '状态不在可选范围内', PEOPLE.staff],
  ['library', { skill: '飞行' }, 'skill', '技能不在可选范围内', PEOPLE.staff],
  ['library', { served: 'maybe' }, 'served', '今年是否服务不在可选范围内', PEOPLE.staff],
  ['library', { gridId: NODES.community1 }, 'gridId', '请选择网格，「梅川第一居委会」是社区', PEOPLE.staff],
  ['library', { communityId: NODES.grid1 }, 'communityId', '请选择社区，「第一网格」是网格', PEOPLE.street],
  ['library', { pageSize: 500 }, 'pageSize', '每页条数不能大于 50', PEOPLE.staff],
  ['exportLibrary', { page: 1 }, 'page', '不认识的字段：page', PEOPLE.staff],
  ['exportLibrary', { status: 'gone' }, 'status', '状态不在可选范围内', PEOPLE.staff],
];

it.each(TABLE.map(([action, data, field, message, who]) => ({ name: `${action} ${field}: ${message}`, action, data, field, message, who })))(
  '$name',
  async ({ action, data, field, message, who }) => {
    const patched = JSON.parse(JSON.stringify(data).replace('__OTHER__', otherOrg)) as Record<string, unknown>;
    const before = await snapshot();
    const error = errorOf(await s.call('members', action, patched, who));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.[field]).toBe(message);
    expect(await snapshot()).toEqual(before);
  },
);

describe('state conflicts say what happened and write nothing', () => {
  it('a second registration while one is pending, and a duplicate organisation', async () => {
    okData(await s.call('members', 'register', reg({}), PEOPLE.resident));
    const before = await snapshot();
    expect(errorOf(await s.call('members', 'register', reg({ name: '王秀英' }), PEOPLE.resident))).toEqual({ code: 'CONFLICT', message: '您的双报到申请正在审核中，请耐心等待' });
    expect(errorOf(await s.call('members', 'transfer', goodRegistration(NODES.buildingOther), PEOPLE.resident))).toEqual({
      code: 'CONFLICT',
      message: '您还没有通过双报到，请直接申请报到',
    });
    expect(errorOf(await s.call('members', 'register', reg({}), PEOPLE.member))).toEqual({ code: 'CONFLICT', message: '您已经完成双报到；搬家请办理转移' });
    expect(await snapshot()).toEqual(before);
    expect(await registrationsOf(s, PEOPLE.resident)).toHaveLength(1);
  });

  it('approving twice, or rejecting what was approved, is refused and keeps the first 报到证 number', async () => {
    const id = await pendingRegistration(s, NODES.building1);
    const first = okData(await s.call<{ certNo: string }>('members', 'approve', { registrationId: id }, PEOPLE.staff));
    const before = await snapshot();
    expect(errorOf(await s.call('members', 'approve', { registrationId: id }, PEOPLE.street))).toEqual({ code: 'CONFLICT', message: '该申请当前为「已报到」，不能重复审核' });
    expect(errorOf(await s.call('members', 'reject', { registrationId: id, reason: '重复' }, PEOPLE.staff))).toEqual({
      code: 'CONFLICT',
      message: '该申请当前为「已报到」，不能重复审核',
    });
    expect(await snapshot()).toEqual(before);
    const [doc] = await s.store.collection<{ _id: string; certNo: string }>('registrations').find({ _id: id });
    expect(doc?.certNo).toBe(first.certNo);
  });
});
