/** The deploy plan against the code (permissions, collections, settings), the diff's idempotence, and the CLI's dry run and refusals. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { diffPlan, type CurrentState, type Deployables } from '../../../scripts/deploy/diff';
import { OPENAPI_CALLS, scanFunction, scanSources } from '../../../scripts/deploy/graph';
import { docsBlock, DOCS_FILE, missingCredentials } from '../../../scripts/deploy';
import { buildPlan, COLLECTION_PERMISSION, ENV_VARS, formatPlan, ROOT, templateVars, type Plan } from '../../../scripts/deploy/plan';

jest.setTimeout(120_000);

let plan: Plan;
beforeAll(async () => {
  plan = await buildPlan({ WG_PUBLIC_URL: 'https://example.test', WG_TEMPLATE_DISPATCHED: 'tpl-1' });
});

/** Every non-test TypeScript file under backend/: what "a repo uses" is read from. */
function backendSources(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const file = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(file);
    }
  };
  walk('backend');
  return out;
}

describe('plan checked against the code', () => {
  it('gives every function the 云调用 permissions its own modules call, and none it does not', async () => {
    const scanned = OPENAPI_CALLS.map((c) => c.permission);
    for (const f of plan.functions) {
      const scan = await scanFunction(ROOT, f.name);
      const missing = scan.openapi.filter((p) => !f.openapi.includes(p));
      // An unneeded subscribeMessage.send also plans every template id for the function (and its ports refuse a push).
      const unused = f.openapi.filter((p) => scanned.includes(p) && !scan.openapi.includes(p));
      expect({ name: f.name, missing, unused }).toEqual({ name: f.name, missing: [], unused: [] });
    }
    // The scan must see what it is for: otherwise an empty result would pass the check above.
    const byName = Object.fromEntries(await Promise.all(plan.functions.map(async (f) => [f.name, (await scanFunction(ROOT, f.name)).openapi] as const)));
    expect(byName.orders).toEqual(['security.mediaCheckAsync', 'security.msgSecCheck']);
    expect(byName.codes).toContain('wxacode.getUnlimited');
    // Pushes go out where effects are applied: the drain function, and every timer that drains after its moves.
    expect(byName.effects).toEqual(['subscribeMessage.send']);
  });

  it('has every collection a repo uses, each shut to clients', () => {
    const used = scanSources(ROOT, backendSources()).collections;
    expect(used.length).toBeGreaterThan(20);
    const planned = new Set(plan.collections.map((c) => c.name));
    expect(used.filter((c) => !planned.has(c))).toEqual([]);
    for (const c of plan.collections) expect(c.permission).toBe(COLLECTION_PERMISSION);
  });

  it('knows every env var a function reads, and plans template ids where subscribe messages go', () => {
    for (const f of plan.functions) {
      for (const v of f.env) expect(v.name in ENV_VARS || templateVars().includes(v.name)).toBe(true);
      if (f.openapi.includes('subscribeMessage.send')) expect(f.env.map((v) => v.name)).toEqual(expect.arrayContaining(templateVars()));
    }
    const members = plan.functions.find((f) => f.name === 'members');
    expect(members?.env.find((v) => v.name === 'WG_PUBLIC_URL')).toMatchObject({ set: true, required: true });
    expect(plan.functions.find((f) => f.name === 'effects')?.env.find((v) => v.name === 'WG_TEMPLATE_DISPATCHED')?.set).toBe(true);
    expect(members?.env.map((v) => v.name)).not.toContain('WG_TEMPLATE_DISPATCHED');
    expect(plan.functions.find((f) => f.name === 'codes')?.env.map((v) => v.name)).toContain('WG_POSTER_FONT');
  });

  it('matches the build: runtime, timeout, memory, triggers, permissions of every bundle', () => {
    const rcFile = path.join(ROOT, 'build', 'cloudbaserc.json');
    // npm test builds the bundles before jest; a lone run of this file without a build skips the comparison.
    if (!fs.existsSync(rcFile)) return;
    const rc = JSON.parse(fs.readFileSync(rcFile, 'utf8')) as { functions: { name: string; runtime: string; timeout: number; memorySize: number; triggers: unknown[] }[] };
    const built = rc.functions.filter((f) => plan.functions.some((p) => p.name === f.name));
    for (const b of built) {
      const p = plan.functions.find((f) => f.name === b.name);
      expect(p && { runtime: p.runtime, timeout: p.timeout, memorySize: p.memorySize, triggers: p.triggers }).toEqual({
        runtime: b.runtime,
        timeout: b.timeout,
        memorySize: b.memorySize,
        triggers: b.triggers,
      });
      const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'functions', b.name, 'config.json'), 'utf8')) as { permissions: { openapi: string[] } };
      expect(p?.openapi).toEqual(config.permissions.openapi);
    }
  });

  it('prints names and set/unset only', () => {
    const text = formatPlan(plan);
    expect(text).not.toContain('https://example.test');
    expect(text).not.toContain('tpl-1');
    expect(text).toContain('WG_PUBLIC_URL（已设置）');
    expect(text).toContain('WG_POSTER_FONT（必需）');
  });
});

describe('diff: desired vs current → actions', () => {
  const dep = (plan: Plan): Deployables => ({
    codeHash: Object.fromEntries(plan.functions.map((f) => [f.name, `hash-${f.name}`])),
    envValues: { WG_PUBLIC_URL: 'https://example.test', WG_TEMPLATE_DISPATCHED: 'tpl-1' },
  });

  /** What the environment looks like after every action of a first run succeeded. */
  function deployed(plan: Plan, d: Deployables): CurrentState {
    const state: CurrentState = { functions: {}, collections: {} };
    for (const c of plan.collections) state.collections[c.name] = { indexes: c.indexes.map((i) => ({ keys: i.keys, unique: i.unique })), permission: c.permission };
    for (const f of plan.functions) {
      const env = Object.fromEntries(f.env.filter((v) => d.envValues[v.name]).map((v) => [v.name, d.envValues[v.name] ?? '']));
      state.functions[f.name] = { runtime: f.runtime, timeout: f.timeout, memorySize: f.memorySize, env, triggers: f.triggers, codeHash: d.codeHash[f.name] ?? null };
    }
    return state;
  }

  it('creates everything in an empty environment', () => {
    const actions = diffPlan(plan, { functions: {}, collections: {} }, dep(plan));
    const count = (kind: string): number => actions.filter((a) => a.kind === kind).length;
    expect(count('createFunction')).toBe(plan.functions.length);
    expect(count('createCollection')).toBe(plan.collections.length);
    expect(count('setPermission')).toBe(plan.collections.length);
    expect(count('createIndexes')).toBe(plan.collections.filter((c) => c.indexes.length > 0).length);
    expect(count('createTriggers')).toBe(plan.functions.filter((f) => f.triggers.length > 0).length);
    const members = actions.find((a) => a.kind === 'createFunction' && a.name === 'members');
    expect(members?.kind === 'createFunction' && members.env).toEqual({ WG_PUBLIC_URL: 'https://example.test' });
    const effects = actions.find((a) => a.kind === 'createFunction' && a.name === 'effects');
    expect(effects?.kind === 'createFunction' && effects.env).toEqual({ WG_TEMPLATE_DISPATCHED: 'tpl-1' });
  });

  it('changes nothing on a second run', () => {
    expect(diffPlan(plan, deployed(plan, dep(plan)), dep(plan))).toEqual([]);
  });

  it('keeps a cloud value that is unset on this machine', () => {
    const state = deployed(plan, dep(plan));
    const orders = state.functions.orders;
    if (orders) orders.env = { ...orders.env, WG_TEMPLATE_OVERDUE: 'set-in-console' };
    expect(diffPlan(plan, state, dep(plan))).toEqual([]);
  });

  it('updates only the timeout that changed', () => {
    const state = deployed(plan, dep(plan));
    const orders = state.functions.orders;
    if (orders) orders.timeout = 3;
    const actions = diffPlan(plan, state, dep(plan));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'updateConfig', name: 'orders', timeout: 20, changed: ['超时 3→20 秒'] });
  });

  it('uploads changed code, replaces a changed cron, adds a missing index and rule, reports a runtime change', () => {
    const state = deployed(plan, dep(plan));
    const orders = state.functions.orders;
    const users = state.collections.users;
    if (!orders || !users) throw new Error('plan lost orders/users');
    orders.codeHash = 'old';
    orders.triggers = [{ name: 'sweep', type: 'timer', config: '0 */1 * * * * *' }];
    orders.runtime = 'Nodejs16.13';
    users.indexes = users.indexes.slice(1);
    users.permission = 'PRIVATE';
    const kinds = diffPlan(plan, state, dep(plan)).map((a) => `${a.kind}:${a.name}`);
    expect(kinds.sort()).toEqual(
      ['createIndexes:users', 'createTriggers:orders', 'deleteTrigger:orders', 'runtimeMismatch:orders', 'setPermission:users', 'updateCode:orders'].sort(),
    );
  });
});

describe('npm run deploy', () => {
  it('docs/deploy.md shows the current plan (regenerate: npm run deploy -- --dry-run --update-docs)', async () => {
    expect(fs.readFileSync(DOCS_FILE, 'utf8')).toContain(await docsBlock());
  });

  it('names every missing credential, and only those', () => {
    expect(missingCredentials({ TCB_ENV: 'e', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k' })).toBeNull();
    expect(missingCredentials({ TCB_SECRET_ID: 'i' })).toMatch(/缺少环境变量 TCB_ENV、TCB_SECRET_KEY（/);
  });

  const run = (args: string[], env: Record<string, string>) =>
    spawnSync('npx', ['tsx', 'scripts/deploy.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });

  it('--dry-run prints the whole plan offline and no secret', () => {
    const r = run(['--dry-run'], { TCB_SECRET_ID: 'AKIDfake', TCB_SECRET_KEY: 's3cr3t-value', TCB_ENV: 'env-test', WG_PUBLIC_URL: 'https://secret-host.test' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('s3cr3t-value');
    expect(r.stdout + r.stderr).not.toContain('secret-host');
    for (const f of plan.functions) expect(r.stdout).toContain(`- ${f.name}：`);
    for (const c of plan.collections) expect(r.stdout).toContain(`- ${c.name}：`);
  });

  it('without credentials stops before doing anything, naming what is missing in one line', () => {
    const r = run([], { TCB_ENV: 'env-test', TCB_SECRET_KEY: 's3cr3t-value' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('TCB_SECRET_ID');
    expect(r.stderr).not.toContain('TCB_ENV');
    expect(r.stderr).not.toContain('s3cr3t-value');
  });
});
