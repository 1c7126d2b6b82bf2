/** The runtime wrapper: routing, auth levels, validation, and unexpected errors kept from the caller. */
import { z } from 'zod/mini';
import { AppError } from '../../../shared/errors';
import { input, text } from '../../../shared/validation';
import { localPorts } from '../../../backend/ports/local';
import { handle } from '../../../backend/runtime/handle';
import type { ActionDef, Deps, FunctionDef } from '../../../backend/runtime/types';
import { openSqliteStore } from '../../../backend/store/sqlite';
import type { UserDoc } from '../../../backend/users/repo';

const logged: unknown[] = [];
const store = openSqliteStore({ dataDir: ':memory:' });
const deps: Deps = { store, now: () => 1_700_000_000_000, log: { error: (_m, d) => logged.push(d), info: () => undefined }, ports: localPorts('/nonexistent') };

const echo: ActionDef = { input: input({ words: text('留言', { min: 2, max: 10 }) }), auth: 'user', run: async (ctx, d) => ({ who: ctx.actor.name, d }) };
const boom: ActionDef = {
  input: input({}),
  auth: 'user',
  run: async () => {
    throw new Error('db exploded at /secret/path.ts:12');
  },
};
const refuse: ActionDef = {
  input: input({}),
  auth: 'user',
  run: async () => {
    throw new AppError('CONFLICT', '已被其他党员接单');
  },
};
const tick: ActionDef = { input: z.object({}), auth: 'system', run: async () => 'ticked' };
const fn: FunctionDef = { name: 'demo', actions: { echo, boom, refuse, tick } };

beforeAll(async () => {
  await store.collection<UserDoc>('users').insert({ _id: 'u1', name: '测试', roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0, openid: 'OPENID-1' });
});
afterAll(() => store.close());

const asUser = { kind: 'wechat', openid: 'OPENID-1' } as const;

describe('handle', () => {
  it('routes to the action and resolves the WeChat OPENID to the person', async () => {
    expect(await handle(fn, { action: 'echo', data: { words: ' 你好 ' } }, asUser, deps)).toEqual({ ok: true, data: { who: '测试', d: { words: '你好' } } });
  });

  it('names the offending field in Chinese', async () => {
    const env = await handle(fn, { action: 'echo', data: { words: '好' } }, asUser, deps);
    expect(env).toEqual({ ok: false, error: { code: 'VALIDATION', message: '留言至少需要 2 个字', fields: { words: '留言至少需要 2 个字' } } });
    const missing = await handle(fn, { action: 'echo', data: {} }, asUser, deps);
    expect(missing.ok === false && missing.error.fields).toEqual({ words: '留言需为文字' });
  });

  it('returns INTERNAL without the stack, and logs the real error', async () => {
    const env = await handle(fn, { action: 'boom' }, asUser, deps);
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' } });
    expect(JSON.stringify(env)).not.toContain('secret');
    expect(String(logged.pop())).toContain('db exploded');
  });

  it('passes a command’s own error through with its code and message', async () => {
    expect(await handle(fn, { action: 'refuse' }, asUser, deps)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已被其他党员接单' } });
  });

  it('refuses unknown identities, and system actions to people', async () => {
    expect(await handle(fn, { action: 'echo', data: { words: '你好' } }, { kind: 'wechat', openid: 'stranger' }, deps)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await handle(fn, { action: 'echo', data: { words: '你好' } }, null, deps)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handle(fn, { action: 'tick' }, asUser, deps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(fn, { action: 'echo', data: { words: '你好' } }, { kind: 'system' }, deps)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handle(fn, { action: 'tick' }, { kind: 'system' }, deps)).toEqual({ ok: true, data: 'ticked' });
  });

  it('refuses events that are not `{ action }` objects', async () => {
    for (const event of [null, 'echo', [], 42, { action: 7 }, { action: '' }, { action: 'constructor' }]) {
      expect(await handle(fn, event, asUser, deps)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});
