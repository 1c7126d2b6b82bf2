/** The local gateway under bad input and faults: malformed JSON, huge bodies, forged identity, dropped clients. */
import net from 'node:net';
import type { UserDoc } from '../../backend/users/repo';
import { signToken } from '../../local/token';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const stillServes = async () => expect(okData(await s.call('users', 'me', {}, PEOPLE.resident))).toHaveProperty('name', '王秀英');

describe('transport faults', () => {
  it('answers a malformed JSON body with VALIDATION', async () => {
    const { status, json } = await s.post('/api/fn/users', '{"action": "me",', { authorization: `Bearer ${s.tokenFor(PEOPLE.resident)}` });
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是合法的 JSON' } });
    await stillServes();
  });

  it('refuses a 10 MB body with a clear message and keeps serving', async () => {
    const big = JSON.stringify({ action: 'me', data: { pad: 'x'.repeat(10 * 1024 * 1024) } });
    const { status, json } = await s.post('/api/fn/users', big);
    expect(status).toBe(413);
    expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('过大') } });
    await stillServes();
  });

  it('survives a client that disconnects mid-request', async () => {
    const port = Number(new URL(s.url).port);
    await new Promise<void>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.write('POST /api/fn/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":"m');
        setTimeout(() => {
          sock.destroy();
          resolve();
        }, 50);
      });
    });
    await stillServes();
    expect(s.logged).toEqual([]);
  });

  it('says NOT_FOUND for an unknown function and VALIDATION for an unknown action', async () => {
    const { status, json } = await s.post('/api/fn/nope', JSON.stringify({ action: 'me' }));
    expect(status).toBe(404);
    expect(json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const err = errorOf(await s.call('users', 'destroyEverything', {}, PEOPLE.resident));
    expect(err).toMatchObject({ code: 'VALIDATION', fields: { action: expect.stringContaining('未知的操作') } });
    expect(errorOf(await s.call('users', '__proto__', {}, PEOPLE.resident)).code).toBe('VALIDATION');
  });
});

describe('identity', () => {
  const meWith = (token: string) => s.post('/api/fn/users', JSON.stringify({ action: 'me' }), { authorization: `Bearer ${token}` });

  it('refuses a call without a token', async () => {
    expect(errorOf(await s.call('users', 'me', {})).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered token', async () => {
    const good = s.tokenFor(PEOPLE.resident);
    const [payload, sig] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: PEOPLE.street, exp: s.clock.now + 1e9 })).toString('base64url');
    for (const token of [`${forged}.${sig}`, `${payload}.${sig}x`, `${payload}`, 'garbage', `${payload}.${sig}.x`]) {
      expect((await meWith(token)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses an expired token and one signed with another secret', async () => {
    const expired = signToken(s.secret, PEOPLE.resident, s.clock.now - 8 * 24 * 3600 * 1000).token;
    expect((await meWith(expired)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const foreign = signToken('another-secret', PEOPLE.street, s.clock.now).token;
    expect((await meWith(foreign)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('never takes identity from the payload', async () => {
    expect(errorOf(await s.call('users', 'me', { userId: PEOPLE.street })).code).toBe('UNAUTHENTICATED');
    const err = errorOf(await s.call('users', 'me', { userId: PEOPLE.street }, PEOPLE.resident));
    expect(err.code).toBe('VALIDATION');
    const res = await s.post('/api/fn/users', JSON.stringify({ action: 'me', userInfo: { openId: 'x' }, userId: PEOPLE.street }), {
      authorization: `Bearer ${s.tokenFor(PEOPLE.resident)}`,
    });
    expect(res.json).toMatchObject({ ok: true, data: { name: '王秀英' } });
  });

  it('dev sign-in issues tokens for demo people only', async () => {
    const { json } = await s.post('/api/dev/signin', JSON.stringify({ userId: PEOPLE.staff }));
    expect(json).toMatchObject({ ok: true, data: { token: expect.any(String) } });
    await s.store.collection<UserDoc>('users').insert({ _id: 'u-real', name: '真实用户', roles: [], roleNames: [], rev: 0, createdAt: 0 });
    expect((await s.post('/api/dev/signin', JSON.stringify({ userId: 'u-real' }))).json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await s.post('/api/dev/signin', JSON.stringify({}))).json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
