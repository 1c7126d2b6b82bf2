/**
 * Go live (issue 16, 1): from an EMPTY store, `npm run setup` creates the real street and its 居委会 and prints the
 * first-admin invitation; reruns add nothing and print the same link; the first WeChat user to accept becomes 街道管理员
 * and can act as one; a second accept, an expired, a revoked and a replaced link are refused with the reason.
 */
import type { Area } from '../../shared/areas/model';
import type { AuditDoc } from '../../backend/audit/record';
import type { Invitation } from '../../shared/invitations/model';
import type { InvitationView } from '../../shared/invitations/schemas';
import type { MeView } from '../../shared/users/schemas';
import { divisionCommunities } from '../../scripts/setup/bootstrap';
import type { TestServer } from '../support/server';
import { errorOf, okData, runScript, startTestServer } from '../support/server';

jest.setTimeout(120000);

const CODE = '310107102';
const STREET = `S${CODE}`;
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: false, start: Date.now() });
});
afterAll(() => s.close());

const setup = (...args: string[]) => runScript(s, 'scripts/setup.ts', [CODE, '--url', s.url, '--png', `${s.dataDir}/first-admin.png`, ...args]);
/** The token in the printed h5 link. */
const tokenIn = (out: string) => /#\/invite\/pages\/accept\/index\?t=([A-Za-z0-9_-]{22})/.exec(out)?.[1] ?? null;
const areas = () => s.store.collection<Area>('areas').find({ path: { $prefix: `/${STREET}/` } });
const invitationDoc = async () => (await s.store.collection<Invitation>('invitations').find({ areaId: STREET }))[0];
const accept = (openid: string, token: string) => s.callAsWechat<InvitationView>(openid, 'users', 'acceptInvitation', { token });
const meAs = async (openid: string) => okData(await s.callAsWechat<MeView>(openid, 'users', 'me', {}));

test('an empty store has no street and nobody who could grant a role', async () => {
  expect(await areas()).toHaveLength(0);
  expect(await s.store.collection('users').count({})).toBe(0);
});

let token = '';
test('setup creates 长征镇 and its real 居委会, and prints a one-time link and QR for the first admin', async () => {
  const run = await setup();
  expect(run.code).toBe(0);
  expect(run.out).toContain('普陀区长征镇（310107102）');
  const nodes = await areas();
  const communities = divisionCommunities(CODE);
  expect(communities.length).toBe(28);
  expect(nodes.filter((a) => a.level === 'street').map((a) => a.name)).toEqual(['长征镇']);
  expect(
    nodes
      .filter((a) => a.level === 'community')
      .map((a) => a.name)
      .sort(),
  ).toEqual(communities.map((c) => c.name).sort());
  expect(nodes.find((a) => a.name === '梅川第一居委会')?.path).toBe(`/${STREET}/C310107102008/`);
  expect(run.out).toContain('已生成首位管理员邀请');
  token = tokenIn(run.out) ?? '';
  expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(run.out).toContain(`网页版链接：${s.url}/#/invite/pages/accept/index?t=${token}`);
  expect(run.out).toContain(`scene 填 t=${token}`);
  // Only the hash is stored; it expires in 7 days.
  const inv = await invitationDoc();
  expect(JSON.stringify(inv)).not.toContain(token);
  expect(inv?.status).toBe('pending');
  expect((inv?.expiresAt ?? 0) - (inv?.issuedAt ?? 0)).toBe(7 * 86400_000);
});

test('a rerun creates no second street, node or invitation and prints the same still-valid link', async () => {
  const before = (await areas()).length;
  const run = await setup();
  expect(run.code).toBe(0);
  expect(run.out).toContain('均已存在');
  expect(run.out).toContain('仍然有效');
  expect(tokenIn(run.out)).toBe(token);
  expect(await areas()).toHaveLength(before);
  expect(await s.store.collection('invitations').count({})).toBe(1);
});

test('another street on the same environment is refused and writes nothing', async () => {
  const run = await runScript(s, 'scripts/setup.ts', ['310107103']);
  expect(run.code).toBe(1);
  expect(run.out).toContain('一个环境只服务一个街道');
  expect(await s.store.collection('areas').count({ level: 'street' })).toBe(1);
});

test('a malformed, an expired, a revoked and a replaced link are refused with the reason', async () => {
  expect(errorOf(await accept('o-early', 'short')).fields).toHaveProperty('token');
  const saved = s.clock.now;
  s.clock.now = (await invitationDoc())!.expiresAt + 1;
  const expired = errorOf(await accept('o-early', token));
  expect(expired.message).toContain('该邀请已过期');
  expect(okData(await s.callAsWechat<InvitationView>('o-early', 'users', 'invitation', { token })).refusal).toContain('已过期');
  s.clock.now = saved;

  expect((await setup('--revoke')).out).toContain('已撤销首位管理员邀请');
  expect(errorOf(await accept('o-early', token)).message).toContain('该邀请已被撤销');
  expect((await setup()).out).toContain('已撤销');

  const renewed = await setup('--renew');
  expect(renewed.out).toContain('已重新生成首位管理员邀请（旧链接作废）');
  const old = token;
  token = tokenIn(renewed.out) ?? '';
  expect(token).not.toBe(old);
  const replaced = errorOf(await accept('o-early', old));
  expect(replaced.code).toBe('NOT_FOUND');
  expect(replaced.message).toContain('邀请不存在或已作废');
  expect(await s.store.collection('invitations').count({})).toBe(1);
  // Nobody got a role from any of these.
  expect((await meAs('o-early')).roles).toHaveLength(0);
});

test('of two WeChat users accepting at once exactly one becomes 街道管理员; the other is told it is used', async () => {
  const [a, b] = await Promise.all([accept('o-first', token), accept('o-second', token)]);
  const won = [a, b].filter((r) => r.ok);
  expect(won).toHaveLength(1);
  const lost = errorOf([a, b].find((r) => !r.ok)!);
  expect(lost.code).toBe('CONFLICT');
  expect(lost.message).toBe('该邀请已被使用：每个邀请只能接受一次');
  const [winner, loser] = a.ok ? ['o-first', 'o-second'] : ['o-second', 'o-first'];
  expect(okData(won[0]!)).toMatchObject({ roleName: '街道管理员', areaName: '长征镇', mine: true, refusal: null });
  expect((await meAs(winner)).roles.map((r) => [r.roleName, r.areaName])).toEqual([['街道管理员', '长征镇']]);
  expect((await meAs(loser)).roles).toHaveLength(0);
  // Accepting again is harmless for the winner and still refused for anyone else.
  expect(okData(await accept(winner, token)).mine).toBe(true);
  expect(errorOf(await accept('o-third', token)).message).toContain('已被使用');
  expect((await meAs(winner)).roles).toHaveLength(1);

  // The new admin acts as one: reads the street's dashboard and makes the loser 社区工作人员 of 梅川第一居委会.
  const board = okData(await s.callAsWechat<{ node: { id: string } }>(winner, 'dashboard', 'summary', { period: 'today' }));
  expect(board.node.id).toBe(STREET);
  const loserId = (await meAs(loser)).id;
  expect(okData(await s.callAsWechat(winner, 'users', 'grantRole', { userId: loserId, role: 'community_staff', areaId: 'C310107102008' }))).toEqual({ changed: true });
  expect((await meAs(loser)).roles.map((r) => r.roleName)).toEqual(['社区工作人员']);
  const audit = await s.store.collection<AuditDoc>('audit').find({ areaPath: { $prefix: `/${STREET}/` } });
  expect(audit.map((x) => x.action).sort()).toEqual(['users.acceptInvitation', 'users.grantRole']);

  // A rerun of setup says the admin is claimed, and issues nothing.
  const rerun = await setup();
  expect(rerun.out).toContain('首位管理员已认领');
  expect(tokenIn(rerun.out)).toBeNull();
  expect((await setup('--renew')).out).toContain('首位管理员已认领');
  expect(errorOf(await accept('o-third', token)).message).toContain('已被使用');
});
