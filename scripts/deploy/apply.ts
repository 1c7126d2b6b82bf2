/** Reads an environment's current state and carries out deploy actions through @cloudbase/manager-node. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type CloudBase from '@cloudbase/manager-node';
import { codeDescription, hashFromDescription, type Action, type CurrentCollection, type CurrentFunction, type CurrentState } from './diff';
import type { Plan, Trigger } from './plan';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
}

/** Loaded only here: the dry run and the tests never pull in the SDK (nor need network or credentials). */
export async function connect(c: Credentials): Promise<CloudBase> {
  const { default: Manager } = await import('@cloudbase/manager-node');
  return new Manager({ envId: c.envId, secretId: c.secretId, secretKey: c.secretKey });
}

/** Every file of the built bundle, so config.json (云调用 permissions, timers) counts as code too. */
export function bundleHash(functionsDir: string, name: string): string {
  const dir = path.join(functionsDir, name);
  const hash = crypto.createHash('sha256');
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(file);
      else
        hash
          .update(file)
          .update('\0')
          .update(fs.readFileSync(path.join(dir, file)))
          .update('\0');
    }
  };
  walk('');
  return hash.digest('hex').slice(0, 32);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${(e as Error & { code?: string }).code ?? ''} ${e.message}`;
  return String(e);
}

async function currentFunction(app: CloudBase, name: string): Promise<CurrentFunction | undefined> {
  try {
    const info = await app.functions.getFunctionDetail(name);
    const env: Record<string, string> = {};
    for (const v of info.Environment?.Variables ?? []) env[v.Key] = v.Value;
    const triggers: Trigger[] = (info.Triggers ?? [])
      .filter((t) => t.Type === 'timer')
      .map((t) => ({ name: t.TriggerName || t.Name, type: 'timer', config: t.TriggerDesc || t.Config }));
    return { runtime: info.Runtime, timeout: info.Timeout, memorySize: info.MemorySize, env, triggers, codeHash: hashFromDescription(info.Description) };
  } catch (e) {
    // SCF answers ResourceNotFound.Function for a name it does not have; anything else is a real failure.
    if (/ResourceNotFound|not exist|不存在/i.test(errorText(e))) return undefined;
    throw e;
  }
}

async function currentCollections(app: CloudBase, names: string[]): Promise<Record<string, CurrentCollection | undefined>> {
  const permissions = new Map<string, string>();
  // DescribeResourcePermission takes at most 100 resources per call.
  for (let i = 0; i < names.length; i += 100) {
    const res = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: names.slice(i, i + 100) });
    for (const p of res.Data?.PermissionList ?? []) if (p.Resource && p.Permission) permissions.set(p.Resource, p.Permission);
  }
  const out: Record<string, CurrentCollection | undefined> = {};
  for (const name of names) {
    const exists = await app.database.checkCollectionExists(name);
    if (!exists.Exists) continue;
    const info = await app.database.describeCollection(name);
    const indexes = (info.Indexes ?? [])
      .filter((ix) => ix.Name !== '_id_')
      .map((ix) => ({
        keys: (ix.Keys ?? []).map((k): [string, 1 | -1] => [k.Name ?? '', Number(k.Direction) === -1 ? -1 : 1]),
        unique: ix.Unique === true,
      }));
    out[name] = { indexes, permission: permissions.get(name) ?? null };
  }
  return out;
}

export async function readCurrent(app: CloudBase, plan: Plan): Promise<CurrentState> {
  const functions: Record<string, CurrentFunction | undefined> = {};
  for (const f of plan.functions) functions[f.name] = await currentFunction(app, f.name);
  return {
    functions,
    collections: await currentCollections(
      app,
      plan.collections.map((c) => c.name),
    ),
  };
}

/** One action against CloudBase; runs in the order diffPlan gave (collections first, then each function's steps). */
export async function runAction(app: CloudBase, plan: Plan, functionsDir: string, a: Action): Promise<void> {
  const fn = plan.functions.find((f) => f.name === a.name);
  switch (a.kind) {
    case 'createFunction':
      if (!fn) return;
      // Triggers follow as their own action, so a re-run after a failed trigger creation still adds them.
      await app.functions.createFunction({
        func: {
          name: fn.name,
          handler: fn.handler,
          runtime: fn.runtime,
          timeout: fn.timeout,
          memorySize: fn.memorySize,
          envVariables: a.env,
          installDependency: false,
          description: codeDescription(a.codeHash),
        },
        functionRootPath: functionsDir,
        force: false,
      });
      return;
    case 'updateCode':
      if (!fn) return;
      await app.functions.updateFunctionCode({ func: { name: fn.name, handler: fn.handler, runtime: fn.runtime, installDependency: false }, functionRootPath: functionsDir });
      await app.functions.waitFunctionActive(fn.name);
      // The hash goes last: a run that died mid-upload uploads again next time.
      await app.functions.updateFunctionConfig({ name: fn.name, description: codeDescription(a.codeHash) });
      return;
    case 'updateConfig':
      await app.functions.waitFunctionActive(a.name);
      await app.functions.updateFunctionConfig({ name: a.name, timeout: a.timeout, memorySize: a.memorySize, envVariables: a.env });
      return;
    case 'runtimeMismatch':
      // Only reported: deleting a live function is a person's decision.
      return;
    case 'deleteTrigger':
      await app.functions.deleteFunctionTrigger(a.name, a.trigger);
      return;
    case 'createTriggers':
      await app.functions.createFunctionTriggers(a.name, a.triggers);
      return;
    case 'createCollection':
      await app.database.createCollectionIfNotExists(a.name);
      return;
    case 'createIndexes':
      await app.database.updateCollection(a.name, {
        CreateIndexes: a.indexes.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIndexKeys: i.keys.map(([field, dir]) => ({ Name: field, Direction: String(dir) })), MgoIsUnique: i.unique },
        })),
      });
      return;
    case 'setPermission':
      await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: a.name, permission: 'ADMINONLY' });
      return;
  }
}
