/** First contact from WeChat: a new OPENID becomes a person once, then names themselves and picks a home building. */
import type { MeView } from '../../shared/users/schemas';
import { NODES } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const call = (openid: string, action: string, data?: unknown) => s.callAsWechat(openid, 'users', action, data);

it('enrolls a new OPENID exactly once, even when its first calls race', async () => {
  const wx = 'oNEW-openid-123';
  const answers = await Promise.all([call(wx, 'me'), call(wx, 'me'), call(wx, 'me')]);
  expect(answers.every((a) => a.ok)).toBe(true);
  const ids = answers.map((a) => (a.ok ? (a.data as MeView).id : ''));
  expect(new Set(ids).size).toBe(1);
  expect(await s.store.collection('users').count({ openid: 'oNEW-openid-123' })).toBe(1);
  expect(answers[0]).toMatchObject({ ok: true, data: { name: '新居民', roles: [], home: [], privacyAccepted: false } });
});

it('完善资料: name and home building, which grants the resident role there', async () => {
  const wx = 'oNEW-openid-456';
  await call(wx, 'me');
  const bad = await call(wx, 'setHome', { name: '钱大爷', buildingId: NODES.grid1 });
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { buildingId: '请选择具体的楼栋' } } });
  const done = await call(wx, 'setHome', { name: '钱大爷', buildingId: NODES.building1 });
  expect(done).toMatchObject({ ok: true, data: { name: '钱大爷', roles: [{ role: 'resident', areaId: NODES.building1 }] } });
  expect(done.ok && (done.data as MeView).home.map((a) => a.name)).toEqual(['长征镇', '梅川片区', '梅川第一居委会', '第一网格', '1号楼']);
  const moved = await call(wx, 'setHome', { name: '钱大爷', buildingId: NODES.buildingOther });
  expect(moved.ok && (moved.data as MeView).roles.map((r) => r.areaId)).toEqual([NODES.buildingOther]);
});

it('never enrolls through the local sign-in, and not without an identity', async () => {
  expect(await s.call('users', 'me', undefined, 'u-ghost')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await s.call('users', 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await s.store.collection('users').count({ _id: 'u-ghost' })).toBe(0);
});
