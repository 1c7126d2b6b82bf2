/**
 * Function containers: each deployable bundle runs in worker processes on its configured Node runtime,
 * one invocation per container at a time, several containers per function. A container that crashes or
 * overruns its timeout is killed and replaced; its caller gets the platform's FUNCTIONS_EXECUTE_FAIL.
 */
import { execFileSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Caller } from './types';
import type { SimApi, StatRow } from './api';

/** What the deploy config says about a function (build/cloudbaserc.json) plus its bundle's config.json. */
export interface FunctionSpec {
  name: string;
  dir: string;
  runtime: string;
  /** Seconds; CloudBase's default is 3 when a deploy sets none. */
  timeout: number;
  env: Record<string, string>;
  openapi: string[];
  triggers: Array<{ name: string; type: string; config: string }>;
}

/** How an invocation was started, as the platform would see it. */
export type Invocation = { kind: 'call'; openid: string; appid: string; event: Record<string, unknown> } | { kind: 'timer'; triggerName: string; event: Record<string, unknown> };

/** The platform's answer: the function's JSON result, or a platform error as wx.cloud.callFunction reports it. */
export type InvokeResult = { ok: true; result: unknown; row: StatRow } | { ok: false; errCode: number; errMsg: string; row: StatRow };

const root = path.resolve(__dirname, '..', '..');
const HARNESS = path.join(__dirname, 'container.cjs');

/** `Nodejs18.15` → the real 18.15.0 binary, fetched once into .cache (scripts/node-runtime.mjs). */
const binaries = new Map<string, string>();
function nodeBinary(runtime: string): string {
  const m = /^Nodejs(\d+)\.(\d+)$/.exec(runtime);
  if (!m) throw new Error(`unknown runtime ${runtime}`);
  const version = `${m[1]}.${m[2]}.0`;
  let bin = binaries.get(version);
  // Where scripts/node-runtime.mjs renames a finished download into place: once there, no process is spawned to ask
  // (each test file has its own module registry, so this map starts empty in every suite).
  const cached = path.join(root, '.cache', 'node-runtimes', version, 'package', 'bin', 'node');
  if (!bin && fs.existsSync(cached)) bin = cached;
  if (!bin) {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'node-runtime.mjs'), version], { encoding: 'utf8' });
    bin = out.trim().split('\n').pop() ?? '';
  }
  binaries.set(version, bin);
  return bin;
}

interface Running {
  id: string;
  row: StatRow;
  started: number;
  timer: NodeJS.Timeout;
  resolve(r: InvokeResult): void;
}

class Container {
  readonly child: ChildProcess;
  readonly secretId = `AKIDsim${randomBytes(12).toString('hex')}`;
  readonly secretKey = randomBytes(20).toString('hex');
  readonly sessionToken = randomBytes(24).toString('base64url');
  ready: Promise<void>;
  running: Running | null = null;
  caller: Caller = { functionName: null, openapi: [], invocationId: null, openid: null, trigger: 'admin' };
  dead = false;

  constructor(
    readonly spec: FunctionSpec,
    platformEnv: Record<string, string>,
    private readonly onExit: (c: Container) => void,
    log: (line: string) => void,
  ) {
    this.child = fork(HARNESS, [spec.dir], {
      execPath: nodeBinary(spec.runtime),
      // The host's flags (tsx loaders, inspectors) are not the platform's.
      execArgv: [],
      cwd: spec.dir,
      // A container sees only what the platform injects, never the host's environment.
      env: {
        ...platformEnv,
        ...spec.env,
        SCF_FUNCTIONNAME: spec.name,
        SCF_RUNTIME: spec.runtime,
        TENCENTCLOUD_SECRETID: this.secretId,
        TENCENTCLOUD_SECRETKEY: this.secretKey,
        TENCENTCLOUD_SESSIONTOKEN: this.sessionToken,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const relay = (d: Buffer) => {
      for (const line of d.toString('utf8').split('\n')) if (line.trim()) log(`[${spec.name}] ${line}`);
    };
    this.child.stdout?.on('data', relay);
    this.child.stderr?.on('data', relay);
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', (m: { t?: string; error?: string }) => (m.t === 'ready' ? resolve() : reject(new Error(m.error ?? 'container failed to start'))));
      this.child.once('exit', () => reject(new Error(`container of ${spec.name} exited while starting`)));
    });
    this.ready.catch(() => undefined);
    this.child.on('message', (m: { t?: string; id?: string; ok?: boolean; result?: unknown; error?: string }) => {
      if (m.t !== 'done' || !this.running || m.id !== this.running.id) return;
      const run = this.finish();
      if (!run) return;
      if (m.ok) {
        run.row.outcome = 'ok';
        run.resolve({ ok: true, result: m.result ?? null, row: run.row });
      } else {
        run.row.outcome = 'error';
        log(`[${spec.name}] invocation ${run.id} threw: ${m.error ?? ''}`);
        run.resolve({ ok: false, errCode: -504002, errMsg: `functions execute fail | errMsg: ${firstLine(m.error)}`, row: run.row });
      }
    });
    this.child.on('exit', (code, signal) => {
      this.dead = true;
      const run = this.finish();
      if (run) {
        run.row.outcome = run.row.outcome === 'timeout' ? 'timeout' : 'crash';
        const why = run.row.outcome === 'timeout' ? `Invoking task timed out after ${spec.timeout} seconds` : `container exited (${signal ?? code})`;
        run.resolve({ ok: false, errCode: -504002, errMsg: `functions execute fail | errMsg: ${why}`, row: run.row });
      }
      this.onExit(this);
    });
  }

  private finish(): Running | null {
    const run = this.running;
    if (!run) return null;
    clearTimeout(run.timer);
    run.row.ms = Date.now() - run.started;
    this.running = null;
    this.caller = { functionName: this.spec.name, openapi: this.spec.openapi, invocationId: null, openid: null, trigger: 'admin' };
    return run;
  }

  run(inv: Invocation, row: StatRow, envId: string, clock: number | null): Promise<InvokeResult> {
    return new Promise((resolve) => {
      const id = row.invocationId;
      const timer = setTimeout(() => {
        row.outcome = 'timeout';
        this.child.kill('SIGKILL');
      }, this.spec.timeout * 1000);
      this.running = { id, row, started: Date.now(), timer, resolve };
      const apiToken = randomBytes(16).toString('hex');
      // The SDK reads WX_API_TOKEN only through WX_CONTEXT_KEYS (dist/utils/tcbcontext.js getCloudbaseContext);
      // a timer's WX_TRIGGER_API_TOKEN_V0 is on its fixed list (dist/utils/wxCloudToken.js).
      const env: Record<string, string> =
        inv.kind === 'call'
          ? {
              WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_API_TOKEN,WX_CLIENTIP,WX_CLIENTIPV6',
              WX_OPENID: inv.openid,
              WX_APPID: inv.appid,
              WX_UNIONID: '',
              WX_CLIENTIP: '127.0.0.1',
              WX_CLIENTIPV6: '::1',
              WX_API_TOKEN: apiToken,
              TRIGGER_SRC: 'tcb',
            }
          : { TRIGGER_SRC: 'timer', WX_TRIGGER_API_TOKEN_V0: apiToken };
      this.caller = {
        functionName: this.spec.name,
        openapi: this.spec.openapi,
        invocationId: id,
        openid: inv.kind === 'call' ? inv.openid : null,
        trigger: inv.kind === 'call' ? 'call' : 'timer',
      };
      const event = inv.kind === 'call' ? { ...inv.event, userInfo: { appId: inv.appid, openId: inv.openid } } : inv.event;
      const context = {
        callbackWaitsForEmptyEventLoop: false,
        memory_limit_in_mb: 256,
        time_limit_in_ms: this.spec.timeout * 1000,
        request_id: id,
        function_name: this.spec.name,
        function_version: '$LATEST',
        namespace: envId,
        environment: JSON.stringify(env),
      };
      this.child.send({ t: 'invoke', id, event, context, env, clock });
    });
  }
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0] ?? '';
}

export class ContainerPool {
  private readonly pools = new Map<string, { idle: Container[]; all: Set<Container>; waiting: Array<(c: Container) => void> }>();
  private seq = 0;

  constructor(
    private readonly api: SimApi,
    readonly specs: Map<string, FunctionSpec>,
    private readonly platformEnv: Record<string, string>,
    private readonly perFunction: number,
    private readonly log: (line: string) => void,
  ) {}

  private poolOf(name: string) {
    let p = this.pools.get(name);
    if (!p) {
      p = { idle: [], all: new Set(), waiting: [] };
      this.pools.set(name, p);
    }
    return p;
  }

  /** An idle container, a new one while under the limit, or the next to become free. */
  private async acquire(spec: FunctionSpec): Promise<Container> {
    const p = this.poolOf(spec.name);
    for (let c = p.idle.pop(); c; c = p.idle.pop()) if (!c.dead) return c;
    if (p.all.size < this.perFunction) {
      const c = new Container(spec, this.platformEnv, (dead) => this.drop(dead), this.log);
      this.api.credentials.set(c.secretId, { secretKey: c.secretKey, sessionToken: c.sessionToken, caller: () => c.caller });
      p.all.add(c);
      try {
        await c.ready;
      } catch (e) {
        p.all.delete(c);
        throw e;
      }
      return c;
    }
    return new Promise((resolve) => p.waiting.push(resolve));
  }

  private release(c: Container): void {
    const p = this.poolOf(c.spec.name);
    if (c.dead) return;
    const next = p.waiting.shift();
    if (next) next(c);
    else p.idle.push(c);
  }

  /** A crashed container leaves the pool; a waiting caller gets a fresh one. */
  private drop(c: Container): void {
    const p = this.poolOf(c.spec.name);
    p.all.delete(c);
    p.idle = p.idle.filter((x) => x !== c);
    this.api.credentials.delete(c.secretId);
    const next = p.waiting.shift();
    if (next) void this.acquire(c.spec).then(next, () => undefined);
  }

  async invoke(name: string, inv: Invocation, clock: number | null): Promise<InvokeResult> {
    const id = `inv-${Date.now().toString(36)}-${(this.seq++).toString(36)}`;
    const action = inv.kind === 'call' ? String(inv.event.action ?? '?') : `timer:${inv.triggerName}`;
    const row = this.api.begin(id, name, action);
    const spec = this.specs.get(name);
    if (!spec) {
      row.outcome = 'error';
      return { ok: false, errCode: -504001, errMsg: `FunctionName parameter could not be found: ${name}`, row };
    }
    let c: Container;
    try {
      c = await this.acquire(spec);
    } catch (e) {
      row.outcome = 'crash';
      return { ok: false, errCode: -504002, errMsg: `functions execute fail | errMsg: ${e instanceof Error ? e.message : String(e)}`, row };
    }
    try {
      return await c.run(inv, row, this.api.envId, clock);
    } finally {
      this.release(c);
    }
  }

  /** Stops the container running this invocation at once (SIGKILL), as CloudBase may stop any instance. */
  kill(invocationId: string): boolean {
    for (const p of this.pools.values()) {
      for (const c of p.all) {
        if (c.running?.id !== invocationId) continue;
        c.child.kill('SIGKILL');
        return true;
      }
    }
    return false;
  }

  async close(): Promise<void> {
    const all = [...this.pools.values()].flatMap((p) => [...p.all]);
    await Promise.all(
      all.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.dead) return resolve();
            c.child.once('exit', () => resolve());
            c.child.kill('SIGKILL');
          }),
      ),
    );
  }
}
