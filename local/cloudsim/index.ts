/**
 * The CloudBase + WeChat simulator, assembled: the HTTP API the real SDK talks to (database, storage,
 * WeChat open APIs), the function containers running the deployable bundles, and their timer triggers.
 * `startCloudSim` is what `WG_BACKEND=cloud npm start` and the cloud-mode tests start.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { INDEXES } from '../../backend/collections';
import { CloudbaseStore } from '../../backend/store/cloudbase';
import type { StatRow } from './api';
import { SimApi } from './api';
import type { InvokeResult, Invocation } from './containers';
import { ContainerPool } from './containers';
import type { Cron } from './cron';
import { cronMatches, parseCron } from './cron';
import { SimDatabase } from './database';
import type { QueryShape } from '../../backend/store/index-check';
import { requestShape } from './query-shape';
import { readFunctionSpecs } from './specs';
import { SimStorage } from './storage';
import { SimWechat } from './wechat';
import { wechatOptions } from './wechat-setup';

export interface CloudSimOptions {
  /** Where the database and storage persist; a restart on the same folder keeps everything. */
  dataDir: string;
  /** The deployable bundles (`npm run build:functions`). */
  functionsDir: string;
  envId?: string;
  /** Containers per function (the platform scales out; the simulator caps it so races really interleave). */
  containersPerFunction?: number;
  /** Fire timer triggers on their cron (off in tests, which fire them by hand). */
  timers?: boolean;
  /**
   * A Chinese font for 民情二维码 posters, uploaded to storage as a deploy does and named to the functions by
   * its fileID (WG_POSTER_FONT). Defaults to the Noto CJK collection the test machine installs.
   */
  posterFont?: string | null;
  /** Pins the clock each invocation sees (tests move time); null = real time. */
  clock?: () => number | null;
  log?: (line: string) => void;
}

export interface CloudSim {
  apiUrl: string;
  envId: string;
  appid: string;
  /** What any SDK client (a script, a test) needs to reach the same database: the TCB_* variables the scripts read. */
  clientEnv: Record<string, string>;
  /** A real SDK client with admin credentials, pointed at the simulator (tests, seeding, scripts). */
  adminApp(): ReturnType<typeof tcb.init>;
  adminStore(): CloudbaseStore;
  invoke(name: string, inv: Invocation): Promise<InvokeResult>;
  fireTimer(name: string, triggerName?: string): Promise<InvokeResult>;
  wechat: SimWechat;
  storage: SimStorage;
  stats(): StatRow[];
  /** Calls `listener` with the shape of every query a function invocation sends, and the action that sent it. */
  watchQueries(listener: (shape: QueryShape, from: string) => void): void;
  /**
   * The next invocation of `fn.action` is stopped (its container SIGKILLed) once its `writes`-th database write has
   * been carried out, before it hears back: CloudBase may stop a function between any two of its requests (a timeout,
   * an instance reclaimed), and the caller then gets FUNCTIONS_EXECUTE_FAIL.
   */
  crashAfter(fn: string, action: string, writes: number): void;
  /** Sets a function environment variable, as a deploy would (containers started from now on see it). */
  setEnv(name: string, value: string): void;
  /** `/__sim/info` and `/__sim/stats`, for the gateway to answer on the app's own URL too. */
  simRoute(url: URL, res: import('node:http').ServerResponse): boolean;
  close(): Promise<void>;
}

export async function startCloudSim(o: CloudSimOptions): Promise<CloudSim> {
  const envId = o.envId ?? 'wg-sim-0a1b2c';
  const appid = 'wx5f3c0a1b2c3d4e5f';
  const log = o.log ?? ((line: string) => console.log(line));
  fs.mkdirSync(o.dataDir, { recursive: true });
  const db = new SimDatabase({ dir: path.join(o.dataDir, 'database'), now: () => o.clock?.() ?? Date.now() });
  let apiUrl = '';
  const storage = new SimStorage(o.dataDir, envId, () => apiUrl);
  const specs = readFunctionSpecs(o.functionsDir);
  let pool: ContainerPool | null = null;
  const wechat = new SimWechat(wechatOptions({ appid, now: () => o.clock?.() ?? Date.now() }), {
    readFile: async (ref) => storage.read(ref),
    // WeChat's message push delivers the event as the function's payload, with no user identity injected.
    pushEvent: (event) => void pool?.invoke(MEDIA_CHECK_RECEIVER, { kind: 'call', openid: '', appid, event }, o.clock?.() ?? null),
  });
  const api = new SimApi(envId, {
    database: (action, params) => db.handle(action, params),
    databaseKind: (action) => SimDatabase.kindOf(action),
    storage: (action, params) => storage.handle(action, params),
    wechat: (req) => wechat.handle(req),
    cosPut: (p, q, body) => storage.receive(p, q, body),
    cosGet: (p, q) => storage.serve(p, q),
  });
  apiUrl = await api.listen();
  // What a deploy creates (issue 11 makes it `npm run deploy`): every declared collection and its indexes.
  for (const [name, specsOfIndex] of Object.entries(INDEXES)) {
    db.createCollection(name);
    db.createIndexes(name, specsOfIndex);
  }
  const admin = { secretId: `AKIDadmin${randomBytes(8).toString('hex')}`, secretKey: randomBytes(20).toString('hex') };
  api.credentials.set(admin.secretId, {
    secretKey: admin.secretKey,
    sessionToken: null,
    caller: () => ({ functionName: null, openapi: [], invocationId: null, openid: null, trigger: 'admin' }),
  });
  // Inside SCF the platform injects these; the containers get them from here.
  const platformEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TZ: 'Asia/Shanghai',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${apiUrl}/admin` }),
    ...wechatTemplateEnv(wechat),
  };
  const font = o.posterFont === undefined ? DEFAULT_POSTER_FONT : o.posterFont;
  if (font && fs.existsSync(font)) {
    platformEnv.WG_POSTER_FONT = storage.put(`assets/${path.basename(font)}`, fs.readFileSync(font));
    if (font.endsWith('.ttc')) platformEnv.WG_POSTER_FONT_FAMILY = 'NotoSansCJKsc-Regular';
  }
  pool = new ContainerPool(api, specs, platformEnv, o.containersPerFunction ?? 4, log);
  const crashes: Array<{ fn: string; action: string; writes: number; invocationId: string | null }> = [];
  api.answered = (row) => {
    const i = crashes.findIndex((c) => c.fn === row.fn && c.action === row.action && (c.invocationId ?? row.invocationId) === row.invocationId);
    const crash = crashes[i];
    if (!crash) return;
    crash.invocationId = row.invocationId;
    if (row.writes < crash.writes) return;
    crashes.splice(i, 1);
    pool?.kill(row.invocationId);
  };
  const invoke = (name: string, inv: Invocation) => {
    // Opening the mini-program is a visit, which WeChat's v2 content checks require within 2 hours.
    if (inv.kind === 'call' && inv.openid) wechat.visit(inv.openid);
    return pool!.invoke(name, inv, o.clock?.() ?? null);
  };
  const fireTimer = async (name: string, triggerName?: string): Promise<InvokeResult> => {
    const trigger = specs.get(name)?.triggers.find((t) => triggerName === undefined || t.name === triggerName);
    // Only a trigger the deploy declared can fire: the platform has nothing else to start.
    if (!trigger) throw new Error(`function ${name} has no timer trigger ${triggerName ?? ''}`);
    const tname = trigger.name;
    const at = o.clock?.() ?? Date.now();
    return invoke(name, { kind: 'timer', triggerName: tname, event: { Type: 'Timer', TriggerName: tname, Time: new Date(at).toISOString(), Message: '' } });
  };
  const crons: Array<{ fn: string; trigger: string; cron: Cron }> = [];
  for (const spec of specs.values()) for (const t of spec.triggers) crons.push({ fn: spec.name, trigger: t.name, cron: parseCron(t.config) });
  let lastSecond = Math.floor(Date.now() / 1000);
  const ticker = o.timers
    ? setInterval(() => {
        const second = Math.floor(Date.now() / 1000);
        for (let s = lastSecond + 1; s <= second; s++) for (const c of crons) if (cronMatches(c.cron, s * 1000)) void fireTimer(c.fn, c.trigger);
        lastSecond = second;
      }, 250)
    : null;
  ticker?.unref();
  let app: ReturnType<typeof tcb.init> | null = null;
  const adminApp = () => {
    // Outside SCF the SDK probes metadata.tencentyun.com before every request (dist/utils/cloudplatform.js);
    // TENCENTCLOUD=true is how a Tencent Cloud host says it is one, which skips that probe.
    process.env.TENCENTCLOUD = 'true';
    app ??= tcb.init({ env: envId, secretId: admin.secretId, secretKey: admin.secretKey, serviceUrl: `${apiUrl}/admin`, timeout: 30_000 });
    return app;
  };
  const clientEnv = { TCB_ENV: envId, TCB_SECRET_ID: admin.secretId, TCB_SECRET_KEY: admin.secretKey, TCB_SERVICE_URL: `${apiUrl}/admin` };
  api.info = clientEnv;
  return {
    apiUrl,
    envId,
    appid,
    clientEnv,
    adminApp,
    adminStore: () => new CloudbaseStore(adminApp().database()),
    invoke,
    fireTimer,
    wechat,
    storage,
    stats: () => [...api.stats.values()],
    simRoute: (url, res) => api.simRoute(url, res),
    watchQueries(listener) {
      api.observe = (row, action, params) => {
        const shape = requestShape(action, params);
        if (shape) listener(shape, `${row.action} (${row.fn} function)`);
      };
    },
    crashAfter(fn, action, writes) {
      crashes.push({ fn, action, writes, invocationId: null });
    },
    setEnv: (name, value) => void (platformEnv[name] = value),
    async close() {
      if (ticker) clearInterval(ticker);
      await pool?.close();
      await api.close();
      await db.close();
    },
  };
}

const DEFAULT_POSTER_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** WeChat message push (消息推送) of media-check verdicts goes to this function, as configured in the console. */
export const MEDIA_CHECK_RECEIVER = 'notifications';

/** Each message kind's template id, as a deploy sets WG_TEMPLATE_<KIND> from the templates the app registered. */
function wechatTemplateEnv(wechat: SimWechat): Record<string, string> {
  return Object.fromEntries(wechat.templateEnv());
}
