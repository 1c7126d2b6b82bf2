/** `npm run deploy [-- --dry-run]`: the whole CloudBase environment (functions, collections, indexes, rules) in one idempotent command. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleHash, connect, readCurrent, runAction } from './deploy/apply';
import { describeAction, diffPlan, type Deployables } from './deploy/diff';
import { buildPlan, formatPlan, ROOT, type Plan } from './deploy/plan';
import { setup } from './setup';
import { CALENDAR_SOURCE, calendarGap } from '../shared/calendar/workdays';

const CREDENTIALS = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;

/** Exit code 2: nothing was done because the command could not start. */
export function missingCredentials(env: Record<string, string | undefined>): string | null {
  const missing = CREDENTIALS.filter((k) => !env[k]);
  return missing.length ? `部署未开始：缺少环境变量 ${missing.join('、')}（环境 ID 与腾讯云 API 密钥；只看计划请用 npm run deploy -- --dry-run）` : null;
}

/** The values of the planned vars that are set here: handed to CloudBase, never printed. */
function envValues(plan: Plan): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of plan.functions) for (const v of f.env) if (v.set && process.env[v.name]) values[v.name] = process.env[v.name] ?? '';
  return values;
}

async function deploy(): Promise<number> {
  const problem = missingCredentials(process.env);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-functions.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('部署停止：云函数构建失败（见上方输出）');
    return 1;
  }
  const plan = await buildPlan(process.env);
  const functionsDir = path.join(ROOT, 'build', 'functions');
  const dep: Deployables = { codeHash: Object.fromEntries(plan.functions.map((f) => [f.name, bundleHash(functionsDir, f.name)])), envValues: envValues(plan) };
  const app = await connect({ envId: process.env.TCB_ENV ?? '', secretId: process.env.TCB_SECRET_ID ?? '', secretKey: process.env.TCB_SECRET_KEY ?? '' });
  console.log(`读取环境 ${process.env.TCB_ENV} 的现状…`);
  const actions = diffPlan(plan, await readCurrent(app, plan), dep);
  if (actions.length === 0) {
    console.log('无需变更：环境已与计划一致');
    return 0;
  }
  for (const a of actions) {
    console.log(`- ${describeAction(a)}`);
    await runAction(app, plan, functionsDir, a);
  }
  const manual = actions.filter((a) => a.kind === 'runtimeMismatch').length;
  console.log(`完成 ${actions.length - manual} 项变更${manual ? `，${manual} 项需人工处理（见上）` : ''}`);
  const unset = new Set(plan.functions.flatMap((f) => f.env.filter((v) => !v.set && v.required).map((v) => v.name)));
  if (unset.size) console.log(`仍未设置的必需环境变量：${[...unset].sort().join('、')}`);
  return manual ? 1 : 0;
}

/** docs/deploy.md carries the plan as computed with nothing set; `--dry-run --update-docs` rewrites that block. */
export const DOCS_FILE = path.join(ROOT, 'docs', 'deploy.md');
export const PLAN_START = '<!-- plan:start（npm run deploy -- --dry-run --update-docs 生成） -->';
export const PLAN_END = '<!-- plan:end -->';

export async function docsBlock(): Promise<string> {
  return `${PLAN_START}\n\n\`\`\`text\n${formatPlan(await buildPlan({}))}\n\`\`\`\n\n${PLAN_END}`;
}

async function updateDocs(): Promise<void> {
  const text = fs.readFileSync(DOCS_FILE, 'utf8');
  const start = text.indexOf(PLAN_START);
  const end = text.indexOf(PLAN_END);
  if (start < 0 || end < start) throw new Error(`${path.relative(ROOT, DOCS_FILE)} 里找不到计划块的起止标记`);
  fs.writeFileSync(DOCS_FILE, text.slice(0, start) + (await docsBlock()) + text.slice(end + PLAN_END.length));
  console.log(`已更新 ${path.relative(ROOT, DOCS_FILE)}`);
}

/** A deploy in December ships functions whose working-day deadlines reach next year: say when its 放假安排 is missing. */
function warnCalendarGap(): void {
  const gap = calendarGap(Date.now());
  if (gap.length)
    console.log(
      `注意：日历（${CALENDAR_SOURCE}）尚无 ${gap.join('、')} 年的放假安排，工作日时限跨入该年时按周一至周五计算。升级 chinese-days 后运行 node scripts/calendar.mjs 再部署。\n`,
    );
}

async function main(): Promise<number> {
  warnCalendarGap();
  if (process.argv.includes('--dry-run') && process.argv.includes('--update-docs')) {
    await updateDocs();
    return 0;
  }
  if (process.argv.includes('--dry-run')) {
    console.log('部署计划（--dry-run：离线计算，不连接 CloudBase，不需要密钥）\n');
    console.log(formatPlan(await buildPlan(process.env)));
    return 0;
  }
  const deployed = await deploy();
  // With WG_STREET_CODE the same run sets the street up (npm run setup: street, 社区, first-admin invitation); idempotent.
  if (deployed !== 0 || !process.env.WG_STREET_CODE) return deployed;
  console.log(`\n设置街道 ${process.env.WG_STREET_CODE}…`);
  return setup([process.env.WG_STREET_CODE], process.env, (line) => console.log(line));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      // The message only: a stack or request dump could carry request signatures.
      console.error(`部署失败：${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
