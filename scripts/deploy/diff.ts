/** Desired plan vs the environment's current state → the actions that close the gap (pure: unit-tested offline). */
import type { CollectionPlan, FunctionPlan, IndexPlan, Plan, Trigger } from './plan';

/** What the environment has now, as read by apply.ts; only what the plan sets is compared. */
export interface CurrentFunction {
  runtime: string;
  timeout: number;
  memorySize: number;
  /** Values are compared, never printed. */
  env: Record<string, string>;
  triggers: Trigger[];
  /** The bundle hash the last deploy left in the function's description (see codeDescription). */
  codeHash: string | null;
}

export interface CurrentIndex {
  keys: [string, 1 | -1][];
  unique: boolean;
}

export interface CurrentCollection {
  indexes: CurrentIndex[];
  permission: string | null;
}

export interface CurrentState {
  functions: Record<string, CurrentFunction | undefined>;
  collections: Record<string, CurrentCollection | undefined>;
}

/** What is deployed along with the plan: the bundle hashes and the values of the env vars that are set. */
export interface Deployables {
  codeHash: Record<string, string>;
  envValues: Record<string, string>;
}

export type Action =
  | { kind: 'createFunction'; name: string; env: Record<string, string>; codeHash: string }
  | { kind: 'updateCode'; name: string; codeHash: string }
  | { kind: 'updateConfig'; name: string; changed: string[]; timeout: number; memorySize: number; env: Record<string, string> }
  | { kind: 'runtimeMismatch'; name: string; current: string; wanted: string }
  | { kind: 'deleteTrigger'; name: string; trigger: string }
  | { kind: 'createTriggers'; name: string; triggers: Trigger[] }
  | { kind: 'createCollection'; name: string }
  | { kind: 'createIndexes'; name: string; indexes: IndexPlan[] }
  | { kind: 'setPermission'; name: string; permission: string };

/** The description a deployed function carries, so the next run can tell whether its code changed. */
export function codeDescription(hash: string): string {
  return `网格连心 bundle sha256:${hash}`;
}

export function hashFromDescription(description: string | undefined): string | null {
  return /sha256:([0-9a-f]+)/.exec(description ?? '')?.[1] ?? null;
}

/**
 * The env a function should end with: what it has, overwritten by the planned vars that are set here. A var
 * unset on this machine keeps its cloud value: a deploy from a machine without the template ids must not wipe them.
 */
function desiredEnv(f: FunctionPlan, current: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const env = { ...current };
  for (const v of f.env) {
    const value = values[v.name];
    if (value) env[v.name] = value;
  }
  return env;
}

function sameEnv(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

const triggerKey = (t: Trigger): string => `${t.name}|${t.type}|${t.config.trim()}`;
const indexKey = (i: { keys: [string, 1 | -1][]; unique: boolean }): string => `${JSON.stringify(i.keys)}|${i.unique}`;

function functionActions(f: FunctionPlan, cur: CurrentFunction | undefined, dep: Deployables): Action[] {
  const codeHash = dep.codeHash[f.name] ?? '';
  if (!cur) {
    const actions: Action[] = [{ kind: 'createFunction', name: f.name, env: desiredEnv(f, {}, dep.envValues), codeHash }];
    if (f.triggers.length) actions.push({ kind: 'createTriggers', name: f.name, triggers: f.triggers });
    return actions;
  }
  const actions: Action[] = [];
  // CloudBase sets the runtime only at creation (UpdateFunctionConfiguration has no Runtime): a person decides.
  if (cur.runtime !== f.runtime) actions.push({ kind: 'runtimeMismatch', name: f.name, current: cur.runtime, wanted: f.runtime });
  if (codeHash && cur.codeHash !== codeHash) actions.push({ kind: 'updateCode', name: f.name, codeHash });
  const env = desiredEnv(f, cur.env, dep.envValues);
  const changed: string[] = [];
  if (cur.timeout !== f.timeout) changed.push(`超时 ${cur.timeout}→${f.timeout} 秒`);
  if (cur.memorySize !== f.memorySize) changed.push(`内存 ${cur.memorySize}→${f.memorySize} MB`);
  const envChanged = Object.keys(env).filter((k) => env[k] !== cur.env[k]);
  if (!sameEnv(env, cur.env)) changed.push(`环境变量 ${envChanged.join('、')}`);
  if (changed.length) actions.push({ kind: 'updateConfig', name: f.name, changed, timeout: f.timeout, memorySize: f.memorySize, env });
  const wanted = new Set(f.triggers.map(triggerKey));
  const have = new Set(cur.triggers.map(triggerKey));
  // A trigger whose cron changed is replaced: deleted by name, then created again.
  for (const t of cur.triggers) if (!wanted.has(triggerKey(t))) actions.push({ kind: 'deleteTrigger', name: f.name, trigger: t.name });
  const missing = f.triggers.filter((t) => !have.has(triggerKey(t)));
  if (missing.length) actions.push({ kind: 'createTriggers', name: f.name, triggers: missing });
  return actions;
}

function collectionActions(c: CollectionPlan, cur: CurrentCollection | undefined): Action[] {
  const actions: Action[] = [];
  if (!cur) actions.push({ kind: 'createCollection', name: c.name });
  // Indexes made by hand in the console are left alone; only the declared ones that are missing are added.
  const have = new Set((cur?.indexes ?? []).map(indexKey));
  const missing = c.indexes.filter((i) => !have.has(indexKey(i)));
  if (missing.length) actions.push({ kind: 'createIndexes', name: c.name, indexes: missing });
  if (cur?.permission !== c.permission) actions.push({ kind: 'setPermission', name: c.name, permission: c.permission });
  return actions;
}

export function diffPlan(plan: Plan, current: CurrentState, dep: Deployables): Action[] {
  return [
    ...plan.collections.flatMap((c) => collectionActions(c, current.collections[c.name])),
    ...plan.functions.flatMap((f) => functionActions(f, current.functions[f.name], dep)),
  ];
}

/** One Chinese line per action; env vars by name only. */
export function describeAction(a: Action): string {
  switch (a.kind) {
    case 'createFunction':
      return `新建云函数 ${a.name}（上传代码与设置${Object.keys(a.env).length ? `，环境变量 ${Object.keys(a.env).sort().join('、')}` : ''}）`;
    case 'updateCode':
      return `更新云函数 ${a.name} 的代码`;
    case 'updateConfig':
      return `更新云函数 ${a.name} 的设置：${a.changed.join('，')}`;
    case 'runtimeMismatch':
      return `云函数 ${a.name} 的运行时是 ${a.current}，计划是 ${a.wanted}：运行时只能在新建时设定，请在控制台删除该函数后重跑部署`;
    case 'deleteTrigger':
      return `删除云函数 ${a.name} 的定时触发器 ${a.trigger}`;
    case 'createTriggers':
      return `为云函数 ${a.name} 建定时触发器 ${a.triggers.map((t) => `${t.name}（${t.config}）`).join('、')}`;
    case 'createCollection':
      return `新建集合 ${a.name}`;
    case 'createIndexes':
      return `为集合 ${a.name} 建索引 ${a.indexes.map((i) => i.name + (i.unique ? '（唯一）' : '')).join('、')}`;
    case 'setPermission':
      return `把集合 ${a.name} 的权限设为 ${a.permission}（仅管理端可读写）`;
  }
}
