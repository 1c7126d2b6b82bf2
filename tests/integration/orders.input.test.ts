/**
 * Bad input for every order action: missing fields, wrong types, over-long text, unknown enums, too many
 * or oversized photos, markup → VALIDATION naming the field, and nothing written.
 */
import { goodOrder, orderIn, upload, uploadPhoto } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, startTestServer } from '../support/server';

let s: TestServer;
let photo: { fileId: string; size: number; type: string };
beforeAll(async () => {
  s = await startTestServer();
  photo = await uploadPhoto(s);
});
afterAll(() => s.close());

const long = (n: number) => '长'.repeat(n);
const ORDER = 'o000000000000000000000';

/** [action, data, the field that must be named, who calls] */
const TABLE: Array<[string, Record<string, unknown>, string, string]> = [
  ['file', { ...goodOrder(), buildingId: undefined }, 'buildingId', PEOPLE.resident],
  ['file', { ...goodOrder(), category: '炸弹' }, 'category', PEOPLE.resident],
  ['file', { ...goodOrder(), description: '灯坏' }, 'description', PEOPLE.resident],
  ['file', { ...goodOrder(), description: long(501) }, 'description', PEOPLE.resident],
  ['file', { ...goodOrder(), description: '<script>alert(1)</script>楼道灯坏了' }, 'description', PEOPLE.resident],
  ['file', { ...goodOrder(), description: 12345 }, 'description', PEOPLE.resident],
  ['file', { ...goodOrder(), contactMobile: '12345' }, 'contactMobile', PEOPLE.resident],
  ['file', { ...goodOrder(), contactName: '' }, 'contactName', PEOPLE.resident],
  ['file', { ...goodOrder(), contactName: long(21) }, 'contactName', PEOPLE.resident],
  ['file', { ...goodOrder(), anonymousToMembers: 'yes' }, 'anonymousToMembers', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: 'a.jpg' }, 'photos', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: [1, 2, 3, 4].map(() => ({ fileId: 'local:0123456789abcdef0123.png', size: 10, type: 'image/png' })) }, 'photos', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: [{ fileId: 'local:0123456789abcdef0123.png', size: 6 * 1024 * 1024, type: 'image/png' }] }, 'photos.0.size', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: [{ fileId: 'local:0123456789abcdef0123.png', size: 10, type: 'image/gif' }] }, 'photos.0.type', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: [{ fileId: 'http://evil.example/x.png', size: 10, type: 'image/png' }] }, 'photos.0.fileId', PEOPLE.resident],
  ['file', { ...goodOrder(), photos: [{ fileId: 'local:0123456789abcdef0123.png', size: 10, type: 'image/png' }] }, 'photos.0', PEOPLE.resident],
  ['file', { ...goodOrder(), description: '这里有人搞赌博网站，请处理一下' }, 'description', PEOPLE.resident],
  ['file', { ...goodOrder(), extra: 1 }, 'extra', PEOPLE.resident],
  ['similar', { buildingId: 'B1' }, 'category', PEOPLE.resident],
  ['detail', {}, 'orderId', PEOPLE.resident],
  ['detail', { orderId: '../../etc' }, 'orderId', PEOPLE.resident],
  ['follow', { orderId: 7 }, 'orderId', PEOPLE.resident],
  ['mine', { scope: 'everything' }, 'scope', PEOPLE.resident],
  ['mine', { page: 0 }, 'page', PEOPLE.resident],
  ['cancel', { orderId: ORDER, reason: long(201) }, 'reason', PEOPLE.resident],
  ['rate', { orderId: ORDER, stars: 6 }, 'stars', PEOPLE.resident],
  ['rate', { orderId: ORDER, stars: 4.5 }, 'stars', PEOPLE.resident],
  ['rate', { orderId: ORDER, stars: 5, comment: long(301) }, 'comment', PEOPLE.resident],
  ['console', { tab: 'all' }, 'tab', PEOPLE.staff],
  ['console', { tab: 'new', colour: 'blue' }, 'colour', PEOPLE.staff],
  ['console', { tab: 'new', pageSize: 500 }, 'pageSize', PEOPLE.staff],
  ['triage', { orderId: ORDER, colour: 'purple' }, 'colour', PEOPLE.staff],
  ['triage', { orderId: ORDER, colour: 'red', category: '杂事' }, 'category', PEOPLE.staff],
  ['reject', { orderId: ORDER }, 'reason', PEOPLE.staff],
  ['reject', { orderId: ORDER, reason: '<img src=x onerror=alert(1)>' }, 'reason', PEOPLE.staff],
  ['candidates', { orderId: null }, 'orderId', PEOPLE.staff],
  ['dispatch', { orderId: ORDER }, 'memberId', PEOPLE.staff],
  ['pool', { orderId: ORDER, level: 'street' }, 'level', PEOPLE.staff],
  ['pool', { orderId: ORDER, level: 'grid', skill: '魔法' }, 'skill', PEOPLE.staff],
  ['reassign', { orderId: ORDER, memberId: PEOPLE.member }, 'reason', PEOPLE.staff],
  ['note', { orderId: ORDER, note: '' }, 'note', PEOPLE.staff],
  ['note', { orderId: ORDER, note: long(301) }, 'note', PEOPLE.staff],
  ['closeReopened', { orderId: ORDER, explanation: '好' }, 'explanation', PEOPLE.staff],
  ['hall', { skill: 42 }, 'skill', PEOPLE.member],
  ['held', { scope: [] }, 'scope', PEOPLE.member],
  ['claim', { orderId: { $ne: null } }, 'orderId', PEOPLE.member],
  ['accept', {}, 'orderId', PEOPLE.member],
  ['decline', { orderId: ORDER }, 'reason', PEOPLE.member],
  ['progress', { orderId: ORDER, note: '好' }, 'note', PEOPLE.member],
  ['progress', { orderId: ORDER, note: '明天上门', delayed: 'maybe' }, 'delayed', PEOPLE.member],
  ['release', { orderId: ORDER, reason: '' }, 'reason', PEOPLE.member],
  ['complete', { orderId: ORDER, note: long(301) }, 'note', PEOPLE.member],
  ['complete', { orderId: ORDER, note: '已处理', photos: [1, 2, 3, 4] }, 'photos', PEOPLE.member],
];

async function footprint(): Promise<string> {
  const counts = await Promise.all(['orders', 'audit', 'messages', 'points_ledger', 'quotas'].map((c) => s.store.collection(c).count({})));
  return counts.join(',');
}

it.each(TABLE.map(([action, data, field, who]) => ({ name: `${action}: ${field}`, action, data, field, who })))(
  '$name → VALIDATION, nothing written',
  async ({ action, data, field, who }) => {
    const before = await footprint();
    const err = errorOf(await s.call('orders', action, data, who));
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fields ?? {})).toContain(field);
    expect(err.fields?.[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(await footprint()).toBe(before);
  },
);

it('accepts the uploaded photo (the control for the table above)', async () => {
  expect(await s.call('orders', 'file', { ...goodOrder(), photos: [photo] }, PEOPLE.resident)).toMatchObject({ ok: true });
});

describe('uploads', () => {
  it('refuses a file that is not jpg/png/webp, whatever it claims', async () => {
    const { json } = await upload(s, Buffer.from('GIF89a fake gif body'));
    expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { photo: '照片仅支持 jpg、png、webp 格式' } } });
  });

  it('refuses a photo over 5 MB', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const { json } = await upload(s, big);
    expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { photo: '照片不能超过 5 MB' } } });
  });

  it('needs a signed-in person', async () => {
    const res = await fetch(`${s.url}/api/upload`, { method: 'POST', body: 'x' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

it('the sixth order of a day is RATE_LIMITED with a clear message, and not stored', async () => {
  s.clock.now += 3 * 24 * 3600_000;
  for (let i = 0; i < 5; i++) expect(await s.call('orders', 'file', goodOrder(), PEOPLE.otherResident)).toMatchObject({ ok: true });
  const before = await footprint();
  const err = errorOf(await s.call('orders', 'file', goodOrder(), PEOPLE.otherResident));
  expect(err).toMatchObject({ code: 'RATE_LIMITED', message: '每人每天最多提交 5 个点单，请明天再来' });
  expect(await footprint()).toBe(before);
});

it('five concurrent filings past the limit still store only the allowed number', async () => {
  s.clock.now += 24 * 3600_000;
  const results = await Promise.all(Array.from({ length: 12 }, () => s.call('orders', 'file', goodOrder(), PEOPLE.member)));
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  expect(results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(7);
});

it('a state that moved on gives CONFLICT, not a second transition', async () => {
  const id = await orderIn(s, 'triaged');
  const err = errorOf(await s.call('orders', 'triage', { orderId: id, colour: 'red' }, PEOPLE.staff));
  expect(err.code).toBe('CONFLICT');
});
