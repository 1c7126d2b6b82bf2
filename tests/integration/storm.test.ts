/**
 * The SIGKILL storm: the real server, killed 20 times in the middle of bursts of whole order journeys (filing, 民情日记
 * 转为点单, 派单, 接单, 办结, 评单 with points), restarted each time. Afterwards nothing is half-written and nothing
 * is counted twice: check:effects, check:counters and check:points are all clean.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { signToken } from '../../local/token';
import { NODES, PEOPLE } from '../support/people';
import { tempDir } from '../support/server';

const root = path.resolve(__dirname, '../..');
const SECRET = 'storm';
const KILLS = 20;

interface Server {
  child: ChildProcessWithoutNullStreams;
  port: number;
  out: () => string;
}

async function start(dataDir: string): Promise<Server> {
  // A random port can be taken by another process on a shared machine: try another.
  for (let attempt = 0; ; attempt++) {
    try {
      return await startOn(dataDir, 20000 + Math.floor(Math.random() * 20000));
    } catch (e) {
      if (attempt >= 4 || !String(e).includes('EADDRINUSE')) throw e;
    }
  }
}

async function startOn(dataDir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: { ...process.env, WG_DATA_DIR: dataDir, PORT: String(port), WG_TOKEN_SECRET: SECRET },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const ready = () => out.includes('本地环境已启动') && resolve();
    child.stdout.on('data', ready);
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
  return { child, port, out: () => out };
}

function stopped(server: Server, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string }; pending?: unknown[] };

/** One client: calls as a person, and (as the mini-program does) asks for the answer's effects to be applied. */
function client(port: number, state: { acks: number; failures: string[] }) {
  const post = async (fn: string, body: unknown, who: string): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/fn/${fn}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signToken(SECRET, who, Date.now()).token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Answer;
  };
  return async (who: string, fn: string, action: string, data: unknown): Promise<unknown> => {
    const answer = await post(fn, { action, data }, who);
    if (!answer.ok) {
      // Refusals a journey can meet (the resident's daily quota, a member at their cap) end it; anything else is a bug.
      if (!['RATE_LIMITED', 'CONFLICT'].includes(answer.error?.code ?? '')) state.failures.push(`${fn}.${action}: ${JSON.stringify(answer.error)}`);
      throw new Error(`${fn}.${action} refused`);
    }
    state.acks++;
    if (answer.pending?.length) await post('effects', { action: 'drain', data: { refs: answer.pending } }, who);
    return answer.data;
  };
}

type Call = ReturnType<typeof client>;
const idOf = (data: unknown) => (data as { id?: string; orderId?: string }).id ?? (data as { orderId: string }).orderId;

/** A resident's 点单 through 分拣, 抢单池, 接单, 进展, 办结 and a 5★ 评单. */
async function filedJourney(call: Call, resident: string): Promise<void> {
  const orderId = idOf(
    await call(resident, 'orders', 'file', {
      buildingId: NODES.building1,
      category: '维修',
      description: '楼道灯坏了，晚上看不见台阶',
      contactName: '王阿姨',
      contactMobile: '13912345678',
    }),
  );
  await call(PEOPLE.staff, 'orders', 'triage', { orderId, colour: 'yellow' });
  await call(PEOPLE.staff, 'orders', 'pool', { orderId, level: 'grid' });
  await call(PEOPLE.member, 'orders', 'claim', { orderId });
  await call(PEOPLE.member, 'orders', 'progress', { orderId, note: '已联系物业，下午来换' });
  await call(PEOPLE.member, 'orders', 'complete', { orderId, note: '灯已换好' });
  await call(resident, 'orders', 'rate', { orderId, stars: 5 });
}

/** A grid worker's 民情日记 visit turned into an order (a 网格巡查 one: the worker is not its filer), 派单 to a member, done, and 回访 by the community. */
async function visitJourney(call: Call): Promise<void> {
  const visitId = idOf(
    await call(PEOPLE.gridWorker, 'diary', 'record', { buildingId: NODES.building1, residentName: '李大爷', heard: '家里水管漏水，楼下天花板在滴水', tags: ['安全隐患'] }),
  );
  const orderId = idOf(await call(PEOPLE.gridWorker, 'diary', 'toOrder', { visitId, category: '维修', contactMobile: '13912345678' }));
  await call(PEOPLE.staff, 'orders', 'triage', { orderId, colour: 'green' });
  await call(PEOPLE.staff, 'orders', 'dispatch', { orderId, memberId: PEOPLE.member });
  await call(PEOPLE.member, 'orders', 'accept', { orderId });
  await call(PEOPLE.member, 'orders', 'complete', { orderId, note: '已请师傅修好' });
  await call(PEOPLE.staff, 'orders', 'returnVisit', { orderId, result: 'satisfied', note: '李大爷说修好了' });
}

/** What the member holds from journeys a kill cut short: accepted and finished first, as a member would (the cap is 5). */
async function catchUp(call: Call): Promise<void> {
  const held = (await call(PEOPLE.member, 'orders', 'held', { scope: 'open', pageSize: 50 })) as { items: Array<{ id: string; status: string }> };
  for (const o of held.items) {
    if (o.status === 'assigned') await call(PEOPLE.member, 'orders', 'accept', { orderId: o.id });
    await call(PEOPLE.member, 'orders', 'complete', { orderId: o.id, note: '补办完成' });
  }
}

function runScript(script: string, dataDir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [script, '--data', dataDir], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

it(`after ${KILLS} SIGKILLs mid-burst and a restart, nothing is half-written or counted twice`, async () => {
  const dataDir = tempDir('wg-storm-');
  const state = { acks: 0, failures: [] as string[] };
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const server = await start(dataDir);
      const call = client(server.port, state);
      await catchUp(call);
      // Killed after a random number of acknowledged steps, while the other journeys are mid-request or mid-drain.
      const at = state.acks + 20 + Math.floor(Math.random() * 40);
      const killer = (async () => {
        while (state.acks < at && server.child.exitCode === null) await new Promise((r) => setImmediate(r));
        await stopped(server, 'SIGKILL');
      })();
      const journeys = [
        filedJourney(call, PEOPLE.resident),
        filedJourney(call, PEOPLE.otherResident),
        visitJourney(call),
        visitJourney(call),
        visitJourney(call),
        visitJourney(call),
      ];
      // Journeys keep starting until the kill: each ends on the kill (a refused fetch) or a refusal.
      const loop = async (first: Promise<void>, next: () => Promise<void>) => {
        await first.catch(() => undefined);
        while (server.child.exitCode === null && server.child.signalCode === null) await next().catch(() => undefined);
      };
      await Promise.all([
        ...journeys.map((j, i) => loop(j, i < 2 ? () => filedJourney(call, i === 0 ? PEOPLE.resident : PEOPLE.otherResident) : () => visitJourney(call))),
        killer,
      ]);
    }
    // The last restart applies whatever the kills left pending before it serves anyone.
    const server = await start(dataDir);
    await stopped(server, 'SIGTERM');
    expect(state.failures).toEqual([]);
    expect(state.acks).toBeGreaterThan(KILLS * 20);

    const effects = await runScript('scripts/check-effects.ts', dataDir);
    expect(effects.out).toContain('，0 条记录有待处理的后续');
    expect(effects.out).toContain('后续处理都已完成');
    expect(effects.code).toBe(0);
    // It read real work: orders were filed, moved and closed with points.
    const orders = Number(/(\d+) 个点单/.exec(effects.out)?.[1] ?? 0);
    expect(orders).toBeGreaterThan(KILLS);
    const counters = await runScript('scripts/check-counters.ts', dataDir);
    expect([counters.code, counters.out]).toEqual([0, expect.stringContaining('计数器与点单时间线一致')]);
    const points = await runScript('scripts/check-points.ts', dataDir);
    expect([points.code, points.out]).toEqual([0, expect.stringContaining('合计与积分账本一致')]);
    expect(points.out).not.toContain(' 0 条积分记录');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 600_000);
