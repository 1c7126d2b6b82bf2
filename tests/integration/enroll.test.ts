/** First contact from WeChat: a new OPENID becomes a person once, then names themselves and picks a home building. */
import type { MeView } from '../../shared/users/schemas';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Identity } from '../../backend/runtime/types';
import { NODES } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const call = (identity: Identity, action: string, data?: unknown) =>
  handle(FUNCTIONS.users!, { action, data }, identity, { store: s.store, now: () => s.clock.now, log: { error: (m) => s.logged.push(m), info: () => undefined }, ports: localPorts(s.dataDir) });

it('enrolls a new OPENID exactly once, even when its first calls race', async () => {
  const wx: Identity = { kind: 'wechat', openid: 'oNEW-openid-123' };
  const answers = await Promise.all([call(wx, 'me'), call(wx, 'me'), call(wx, 'me')]);
  expect(answers.every((a) => a.ok)).toBe(true);
  const ids = answers.map((a) => (a.ok ? (a.data as MeView).id : ''));
  expect(new Set(ids).size).toBe(1);
  expect(await s.store.collection('users').count({ openid: 'oNEW-openid-123' })).toBe(1);
  expect(answers[0]).toMatchObject({ ok: true, data: { name: '新居民', roles: [], home: [], privacyAccepted: false } });
});

it('完善资料: name and home building, which grants the resident role there', async () => {
  const wx: Identity = { kind: 'wechat', openid: 'oNEW-openid-456' };
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
  expect(await call({ kind: 'local', userId: 'u-ghost' }, 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await handle(FUNCTIONS.users!, { action: 'me' }, null, { store: s.store, now: () => 0, log: { error: () => undefined, info: () => undefined }, ports: localPorts(s.dataDir) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await s.store.collection('users').count({ _id: 'u-ghost' })).toBe(0);
});
