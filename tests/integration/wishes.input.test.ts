/**
 * Bad input for every wish action: over the value cap, missing or too long text, unknown kinds, bad photos,
 * markup, blocked words → VALIDATION naming the field in Chinese, and nothing written.
 */
import type { PhotoRef } from '../../shared/photos';
import { uploadPhoto } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, startTestServer } from '../support/server';
import { goodWish, publicText, wishIn } from '../support/wishes';

let s: TestServer;
let photo: PhotoRef;
let pending = '';
let claimed = '';
beforeAll(async () => {
  s = await startTestServer();
  photo = await uploadPhoto(s, PEOPLE.member);
  pending = await wishIn(s, 'pending');
  claimed = await wishIn(s, 'claimed');
});
afterAll(() => s.close());

const long = (n: number) => '长'.repeat(n);
const without = (key: string) => {
  const w: Record<string, unknown> = goodWish();
  delete w[key];
  return w;
};

/** [action, data, the field that must be named, the words the message must hold, who calls] */
const TABLE: Array<[string, () => Record<string, unknown>, string, RegExp, string]> = [
  ['post', () => goodWish({ value: 201 }), 'value', /估算价值不能超过本社区的上限 200 元/, PEOPLE.resident],
  ['post', () => goodWish({ value: -1 }), 'value', /估算价值/, PEOPLE.resident],
  ['post', () => goodWish({ value: 10.5 }), 'value', /估算价值需为整数/, PEOPLE.resident],
  ['post', () => goodWish({ value: '100' }), 'value', /估算价值需为数字/, PEOPLE.resident],
  ['post', () => without('title'), 'title', /心愿标题/, PEOPLE.resident],
  ['post', () => goodWish({ title: '' }), 'title', /心愿标题至少需要 2 个字/, PEOPLE.resident],
  ['post', () => goodWish({ title: long(31) }), 'title', /心愿标题不能超过 30 个字/, PEOPLE.resident],
  ['post', () => goodWish({ story: '想要书' }), 'story', /心愿故事至少需要 10 个字/, PEOPLE.resident],
  ['post', () => goodWish({ story: long(501) }), 'story', /心愿故事不能超过 500 个字/, PEOPLE.resident],
  ['post', () => goodWish({ story: '<script>alert(1)</script>想要几本课外书给孩子看看' }), 'story', /心愿故事不能包含网页标签/, PEOPLE.resident],
  ['post', () => goodWish({ story: '有人在楼下发赌博网站的传单，希望能送几本书' }), 'story', /违规/, PEOPLE.resident],
  ['post', () => goodWish({ kind: 'money' }), 'kind', /心愿类型不在可选范围内/, PEOPLE.resident],
  ['post', () => without('kind'), 'kind', /心愿类型/, PEOPLE.resident],
  ['post', () => goodWish({ beneficiaryName: '' }), 'beneficiaryName', /受助人姓名/, PEOPLE.resident],
  ['post', () => goodWish({ beneficiaryName: long(21) }), 'beneficiaryName', /受助人姓名不能超过 20 个字/, PEOPLE.resident],
  ['post', () => goodWish({ contactMobile: '12345' }), 'contactMobile', /联系电话应为 11 位手机号/, PEOPLE.resident],
  ['post', () => goodWish({ door: long(21) }), 'door', /门牌号不能超过 20 个字/, PEOPLE.resident],
  ['post', () => goodWish({ photo: { fileId: 'http://evil.example/x.png', size: 10, type: 'image/png' } }), 'photo.fileId', /照片/, PEOPLE.resident],
  ['post', () => goodWish({ photo: { fileId: 'local:0123456789abcdef0123.png', size: 10, type: 'image/png' } }), 'photo.0', /照片尚未上传成功/, PEOPLE.resident],
  ['post', () => goodWish({ photo: { ...photo, type: 'image/gif' } }), 'photo.type', /照片格式/, PEOPLE.resident],
  ['post', () => goodWish({ buildingId: '../../etc' }), 'buildingId', /楼栋格式不正确/, PEOPLE.staff],
  ['post', () => goodWish({ extra: 1 }), 'extra', /不认识的字段/, PEOPLE.resident],
  ['board', () => ({ filter: 'all' }), 'filter', /状态不在可选范围内/, PEOPLE.resident],
  ['board', () => ({ kind: 'money' }), 'kind', /心愿类型/, PEOPLE.resident],
  ['board', () => ({ pageSize: 500 }), 'pageSize', /每页条数/, PEOPLE.resident],
  ['board', () => ({ communityId: NODES.grid1 }), 'communityId', /请选择一个社区/, PEOPLE.resident],
  ['detail', () => ({}), 'wishId', /心愿/, PEOPLE.resident],
  ['detail', () => ({ wishId: { $ne: null } }), 'wishId', /心愿需为编号/, PEOPLE.resident],
  ['mine', () => ({ scope: 'everything' }), 'scope', /^范围不在可选范围内$/, PEOPLE.resident],
  ['review', () => ({ status: 'lost' }), 'status', /^状态不在可选范围内$/, PEOPLE.staff],
  ['approve', () => ({ wishId: pending, ...publicText, story: '太短了' }), 'story', /心愿故事至少需要 10 个字/, PEOPLE.staff],
  ['approve', () => ({ wishId: pending, ...publicText, title: long(31) }), 'title', /心愿标题不能超过 30 个字/, PEOPLE.staff],
  ['approve', () => ({ wishId: pending, ...publicText, story: `${publicText.story}王秀英奶奶盼着呢` }), 'story', /受助人姓名「王秀英」/, PEOPLE.staff],
  ['approve', () => ({ wishId: pending, ...publicText, story: `${publicText.story}电话13912340001` }), 'story', /电话号码/, PEOPLE.staff],
  ['approve', () => ({ wishId: pending, ...publicText, title: '3号楼502室想要课外书' }), 'title', /门牌号/, PEOPLE.staff],
  ['reject', () => ({ wishId: pending }), 'reason', /不通过原因/, PEOPLE.staff],
  ['reject', () => ({ wishId: pending, reason: long(201) }), 'reason', /不通过原因不能超过 200 个字/, PEOPLE.staff],
  ['claim', () => ({ wishId: pending, asOrg: 'yes' }), 'asOrg', /以报到单位名义认领/, PEOPLE.member],
  ['deliver', () => ({ wishId: claimed, note: '好' }), 'note', /圆梦说明至少需要 2 个字/, PEOPLE.member],
  ['deliver', () => ({ wishId: claimed, note: '书已送到老人家里' }), 'photo', /^照片信息不完整$/, PEOPLE.member],
  ['deliver', () => ({ wishId: claimed, note: long(301), photo }), 'note', /圆梦说明不能超过 300 个字/, PEOPLE.member],
  ['setRules', () => ({ communityId: NODES.community1, valueCap: 5, claimDays: 14 }), 'valueCap', /心愿估值上限不能小于 10/, PEOPLE.staff],
  ['setRules', () => ({ communityId: NODES.community1, valueCap: 200, claimDays: 0 }), 'claimDays', /认领期限不能小于 1/, PEOPLE.staff],
  ['setRules', () => ({ communityId: NODES.community1, valueCap: 200 }), 'claimDays', /认领期限/, PEOPLE.staff],
];

async function footprint(): Promise<string> {
  const wishes = await s.store.collection('wishes').find({}, { sort: [['_id', 1]] });
  const counts = await Promise.all(['audit', 'messages', 'points_ledger', 'wish_rules'].map((c) => s.store.collection(c).count({})));
  // Daily quotas are kept on each person (backend/users/quota.ts).
  const quotas = (await s.store.collection<{ _id: string; quota?: Record<string, number> }>('users').find({}, { sort: [['_id', 1]] })).map((u) => u.quota ?? null);
  return JSON.stringify([wishes, counts, quotas]);
}

it.each(TABLE.map(([action, data, field, words, who]) => ({ name: `${action}: ${field}`, action, data, field, words, who })))(
  '$name → VALIDATION naming the field, nothing written',
  async ({ action, data, field, words, who }) => {
    s.clock.now += 24 * 3600_000;
    const before = await footprint();
    const err = errorOf(await s.call('wishes', action, data(), who));
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fields ?? {})).toContain(field);
    expect(err.fields?.[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(err.fields?.[field]).toMatch(words);
    expect(await footprint()).toBe(before);
  },
);

it('the good wish is accepted (the control for the table above), with its photo', async () => {
  s.clock.now += 24 * 3600_000;
  expect(await s.call('wishes', 'post', goodWish({ photo }), PEOPLE.resident)).toMatchObject({ ok: true });
});

it('a fourth wish in one day is RATE_LIMITED with a clear message, and not stored', async () => {
  s.clock.now += 24 * 3600_000;
  for (let i = 0; i < 3; i++) expect(await s.call('wishes', 'post', goodWish(), PEOPLE.otherResident)).toMatchObject({ ok: true });
  const before = await footprint();
  expect(errorOf(await s.call('wishes', 'post', goodWish(), PEOPLE.otherResident))).toMatchObject({ code: 'RATE_LIMITED', message: '每人每天最多许 3 个心愿，请明天再来' });
  expect(await footprint()).toBe(before);
});
