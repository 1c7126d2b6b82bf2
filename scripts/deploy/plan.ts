/** The deploy plan, computed offline from the code: every function's settings, every collection, every env var. */
import fs from 'node:fs';
import path from 'node:path';
import { INDEXES } from '../../backend/collections';
import type { IndexSpec } from '../../backend/store/port';
import { SUBSCRIBE_TEMPLATES } from '../../shared/notifications/templates';
import { scanFunction, type FunctionScan } from './graph';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Mirrors DEFAULTS / RUNTIMES in scripts/build-functions.mjs (which runs on import, so cannot be imported);
 * tests/unit/deploy/plan.test.ts compares the plan with the build's cloudbaserc.json so the two cannot drift.
 */
const DEFAULTS = { runtime: 'Nodejs18.15', timeout: 10, memorySize: 256 };

export interface Trigger {
  name: string;
  type: 'timer';
  config: string;
}

/** One environment variable a function reads: only whether it is set travels in the plan, never its value. */
export interface EnvVarPlan {
  name: string;
  set: boolean;
  /** Without it the feature named in `why` is off (optional) or broken (required). */
  required: boolean;
  why: string;
}

export interface FunctionPlan {
  name: string;
  handler: 'index.main';
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers: Trigger[];
  /** 云调用 permissions (`permissions.openapi` of the bundle's config.json). */
  openapi: string[];
  env: EnvVarPlan[];
}

export interface IndexPlan {
  /** Mongo's default naming (`status_1_path_1`), so a second run finds the index it made. */
  name: string;
  keys: [string, 1 | -1][];
  unique: boolean;
}

/** Clients never touch the database: CloudBase's "仅管理端可读写", only functions (admin SDK) read and write. */
export const COLLECTION_PERMISSION = 'ADMINONLY';

export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
  permission: typeof COLLECTION_PERMISSION;
}

export interface Plan {
  functions: FunctionPlan[];
  collections: CollectionPlan[];
}

type Env = Record<string, string | undefined>;

/** What each deploy-time variable is for; anything a module reads that is not listed here fails the plan test. */
export const ENV_VARS: Record<string, { required: boolean; why: string }> = {
  WG_PUBLIC_URL: { required: true, why: '网页版地址，写进网页二维码和报到证二维码' },
  WG_POSTER_FONT: { required: true, why: '海报中文字体的 cloud:// fileID（云函数里没有系统字体）' },
  WG_POSTER_FONT_FAMILY: { required: false, why: '.ttc 字体里选用的字形名' },
  WG_WARM_TTL_MS: { required: false, why: '热实例缓存区域和规则的时长（毫秒，默认 10000）' },
  WG_MINIPROGRAM_STATE: { required: false, why: '订阅消息点开的小程序版本（developer/trial/formal，默认正式版）' },
};

/** `WG_TEMPLATE_<KIND>` for every message kind: an unset kind only gets the in-app message. */
export function templateVars(): string[] {
  return Object.keys(SUBSCRIBE_TEMPLATES).map((kind) => `WG_TEMPLATE_${kind.toUpperCase()}`);
}

export function discoverFunctions(root = ROOT): string[] {
  const dir = path.join(root, 'cloudfunctions');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

interface OwnConfig {
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  triggers?: Trigger[];
  permissions?: { openapi?: string[] };
}

function ownConfig(root: string, name: string): OwnConfig {
  const file = path.join(root, 'cloudfunctions', name, 'config.json');
  // The build validates every key (scripts/build-functions.mjs); the plan only reads them.
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as OwnConfig) : {};
}

export function indexName(keys: [string, 1 | -1][]): string {
  return keys.map(([field, dir]) => `${field}_${dir}`).join('_');
}

function indexPlan(spec: IndexSpec): IndexPlan {
  const keys = spec.fields.map(([field, dir]): [string, 1 | -1] => [field, dir === -1 ? -1 : 1]);
  return { name: indexName(keys), keys, unique: spec.unique === true };
}

export function collectionsPlan(): CollectionPlan[] {
  return Object.keys(INDEXES)
    .sort()
    .map((name) => ({ name, indexes: (INDEXES[name] ?? []).map(indexPlan), permission: COLLECTION_PERMISSION }));
}

/** A function's env vars: what its own modules read, plus the template ids where it can send a 订阅消息. */
function envPlan(scan: FunctionScan, openapi: string[], env: Env): EnvVarPlan[] {
  const names = new Set(scan.envVars);
  if (openapi.includes('subscribeMessage.send')) {
    for (const v of templateVars()) names.add(v);
    names.add('WG_MINIPROGRAM_STATE');
  }
  return [...names].sort().map((name) => {
    const known = ENV_VARS[name] ?? { required: false, why: '订阅消息模板 id（不设则这种消息只发站内）' };
    return { name, set: Boolean(env[name]), required: known.required, why: known.why };
  });
}

export async function buildPlan(env: Env = process.env, root = ROOT): Promise<Plan> {
  const functions: FunctionPlan[] = [];
  for (const name of discoverFunctions(root)) {
    const own = ownConfig(root, name);
    const openapi = own.permissions?.openapi ?? [];
    const scan = await scanFunction(root, name);
    functions.push({
      name,
      handler: 'index.main',
      runtime: own.runtime ?? DEFAULTS.runtime,
      timeout: own.timeout ?? DEFAULTS.timeout,
      memorySize: own.memorySize ?? DEFAULTS.memorySize,
      triggers: own.triggers ?? [],
      openapi,
      env: envPlan(scan, openapi, env),
    });
  }
  return { functions, collections: collectionsPlan() };
}

/** The plan as Chinese text: what `--dry-run` prints and docs/deploy.md shows. Names and set/unset only. */
export function formatPlan(plan: Plan): string {
  const out: string[] = [];
  out.push(`云函数（${plan.functions.length} 个，代码目录 build/functions/<名称>/，入口 index.main，不在云端安装依赖）`);
  for (const f of plan.functions) {
    out.push(`- ${f.name}：运行时 ${f.runtime}，超时 ${f.timeout} 秒，内存 ${f.memorySize} MB`);
    out.push(`    定时触发器：${f.triggers.length ? f.triggers.map((t) => `${t.name}（${t.config}）`).join('、') : '无'}`);
    out.push(`    云调用权限：${f.openapi.length ? f.openapi.join('、') : '无'}`);
    // The template ids are one family: shown as a count here, one by one in the unset list below.
    const templates = f.env.filter((v) => v.name.startsWith('WG_TEMPLATE_'));
    const env = f.env.filter((v) => !v.name.startsWith('WG_TEMPLATE_')).map((v) => `${v.name}${v.set ? '（已设置）' : '（未设置）'}`);
    if (templates.length) env.push(`WG_TEMPLATE_<种类> ${templates.length} 个（已设置 ${templates.filter((v) => v.set).length} 个）`);
    out.push(`    环境变量：${env.length ? env.join('、') : '无'}`);
  }
  out.push('');
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  out.push(`集合（${plan.collections.length} 个，索引 ${indexCount} 个；权限一律“仅管理端可读写” ${COLLECTION_PERMISSION}：小程序端不能直接读写，只有云函数能）`);
  for (const c of plan.collections) {
    const idx = c.indexes.map((i) => `${i.keys.map(([k, d]) => `${k} ${d === 1 ? '↑' : '↓'}`).join(' + ')}${i.unique ? '（唯一）' : ''}`);
    out.push(`- ${c.name}：${idx.length ? idx.join('；') : '只按 _id 读取'}`);
  }
  out.push('');
  const all = new Map<string, EnvVarPlan>();
  for (const f of plan.functions) for (const v of f.env) all.set(v.name, v);
  const unset = [...all.values()].filter((v) => !v.set).sort((a, b) => a.name.localeCompare(b.name));
  out.push(`未设置的环境变量（${unset.length} 个）：`);
  for (const v of unset) out.push(`- ${v.name}${v.required ? '（必需）' : ''}：${v.why}`);
  if (unset.length === 0) out.push('- 无');
  return out.join('\n');
}
