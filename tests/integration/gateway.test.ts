/** The local gateway under bad input and faults: malformed JSON, huge bodies, forged identity, dropped clients. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { UserDoc } from '../../backend/users/repo';
import { signToken } from '../../local/token';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer, tempDir } from '../support/server';

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

  it('accepts only the exact canonical signature: appended, inserted, re-alphabeted or unused-bit changes are refused', async () => {
    // A token whose signature holds a `-` or `_`, so writing it in the standard alphabet is a real change.
    let good = '';
    for (let i = 0; !/[-_]/.test(good.split('.')[1] ?? ''); i++) good = signToken(s.secret, PEOPLE.resident, s.clock.now + i).token;
    expect((await meWith(good)).json).toMatchObject({ ok: true, data: { name: '王秀英' } });
    const [payload, sig] = good.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes are 43 characters; the last one carries 2 unused bits, so flipping its lowest bit decodes the same.
    const last = alphabet[alphabet.indexOf(sig.slice(-1)) ^ 1];
    const altered = [
      `${good}!!`,
      `${good}==`,
      `${good}~`,
      `${good}é`,
      `${good}=`,
      `${payload}.${sig.slice(0, 10)} ${sig.slice(10)}`,
      `${payload}.${sig.replace(/-/g, '+').replace(/_/g, '/')}`,
      `${payload}.${sig.slice(0, -1)}${last}`,
      `${payload}=.${sig}`,
    ];
    for (const token of altered) {
      const { status, json } = await meWith(token);
      expect({ token, status, json }).toMatchObject({ token, status: 200, json: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    }
  });

  it('refuses an expired token and one signed with another secret', async () => {
    const expired = signToken(s.secret, PEOPLE.resident, s.clock.now - 8 * 24 * 3600 * 1000).token;
    expect((await meWith(expired)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const foreign = signToken('another-secret', PEOPLE.street, s.clock.now).token;
    expect((await meWith(foreign)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token once it expires, though it was accepted before', async () => {
    const { token, expiresAt } = signToken(s.secret, PEOPLE.resident, s.clock.now, 60_000);
    expect((await meWith(token)).json).toMatchObject({ ok: true });
    const was = s.clock.now;
    s.clock.now = expiresAt;
    try {
      expect((await meWith(token)).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      s.clock.now = was;
    }
    expect((await meWith(token)).json).toMatchObject({ ok: true });
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
    await s.store.collection<UserDoc>('users').insert({ _id: 'u-real', name: '真实用户', roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0 });
    expect((await s.post('/api/dev/signin', JSON.stringify({ userId: 'u-real' }))).json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await s.post('/api/dev/signin', JSON.stringify({}))).json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('unknown keys', () => {
  it('a key every object inherits (__proto__, constructor, toString, valueOf) is refused by name, like any other', async () => {
    const auth = { authorization: `Bearer ${s.tokenFor(PEOPLE.resident)}` };
    for (const key of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'nope']) {
      // Written as raw JSON: an object literal would turn `__proto__` into a prototype, not a key.
      const { status, json } = await s.post('/api/fn/users', `{"action":"me","data":{"${key}":{}}}`, auth);
      const message = `不认识的字段：${key}`;
      expect(status).toBe(200);
      expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
      const fields = (json as { error: { fields: Record<string, string> } }).error.fields;
      expect(Object.entries(fields)).toEqual([[key, message]]);
    }
    // Nested objects too: the field is named by its path.
    const nested = await s.post(
      '/api/fn/orders',
      `{"action":"file","data":{"buildingId":"B1","category":"维修","description":"楼道灯坏了很久了","contactName":"王","contactMobile":"13900001001","photos":[{"fileId":"local:${'a'.repeat(16)}.png","toString":1}]}}`,
      auth,
    );
    expect(Object.entries((nested.json as { error: { fields: Record<string, string> } }).error.fields)).toContainEqual(['photos.0.toString', '不认识的字段：toString']);
  });
});

describe('malformed requests answer with the envelope, never a crash or a dropped connection', () => {
  /** A raw GET, so the path reaches the server exactly as written. */
  const rawGet = (url: string, pathname: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = http.get(`${url}${pathname}`, { headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(body) as unknown }));
      });
      req.on('error', reject);
    });

  it('a URL with broken percent-encoding is a 400 VALIDATION, for uploads and for the web app alike', async () => {
    const web = tempDir();
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html>');
    const withApp = await startTestServer({ staticDir: web });
    try {
      for (const [server, pathname] of [
        [s, '/uploads/%'],
        [s, '/uploads/%E0%A4%A'],
        [withApp, '/%E0%A4%A'],
        [withApp, '/%'],
      ] as const) {
        expect(await rawGet(server.url, pathname)).toEqual({
          status: 400,
          json: { ok: false, error: { code: 'VALIDATION', message: '网址格式不正确', fields: { _: '网址格式不正确' } } },
        });
      }
      expect([...s.logged, ...withApp.logged]).toEqual([]);
    } finally {
      await withApp.close();
      fs.rmSync(web, { recursive: true, force: true });
    }
    await stillServes();
  });

  it('a 40 KB bearer token is answered 431 with the envelope, and the server keeps serving', async () => {
    const huge = `Bearer ${'a'.repeat(40 * 1024)}`;
    const { status, json } = await rawGet(s.url, '/api/health', { authorization: huge });
    expect(status).toBe(431);
    expect(json).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '请求头过大（上限 16 KB），请重新登录后再试', fields: { _: '请求头过大（上限 16 KB），请重新登录后再试' } },
    });
    const viaFetch = await fetch(`${s.url}/api/fn/users`, { method: 'POST', body: JSON.stringify({ action: 'me' }), headers: { authorization: huge } });
    expect(viaFetch.status).toBe(431);
    expect(await viaFetch.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await stillServes();
  });
});
