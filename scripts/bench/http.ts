/** Bench section: `users.me` through the local gateway (child process) under 50 keep-alive loopback connections. */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { signToken } from '../../local/token';
import { serverStats, startServer, stopServer } from './child-server';
import type { BenchContext, Section, SectionResult } from './report';
import { fmt, nowUs, summarize, table } from './report';

const CONCURRENCY = 50;
const MAX_REQUESTS = 200_000;
const USER = 'u-staff';
const PAYLOAD = Buffer.from(JSON.stringify({ action: 'me', data: {} }));

interface Target {
  port: number;
  token: string;
  agent: http.Agent;
  sockets: Set<Socket>;
}

interface LoadResult {
  latMs: Float64Array;
  errors: number;
  firstError: string;
  seconds: number;
}

/** One `users.me` call; resolves to the body on success, throws a short description otherwise. */
function callMe(t: Target): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: t.port,
        path: '/api/fn/users',
        method: 'POST',
        agent: t.agent,
        headers: { 'content-type': 'application/json', 'content-length': PAYLOAD.length, authorization: `Bearer ${t.token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200 && text.startsWith('{"ok":true')) resolve(text);
          else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        });
      },
    );
    req.on('socket', (s: Socket) => t.sockets.add(s));
    req.on('error', reject);
    req.end(PAYLOAD);
  });
}

/** Closed loop: CONCURRENCY callers, each sending its next request when the last one answers. */
async function load(t: Target, seconds: number, maxRequests: number): Promise<LoadResult> {
  const lat = new Float64Array(maxRequests);
  let issued = 0;
  let errors = 0;
  let firstError = '';
  const start = nowUs();
  const deadline = start + seconds * 1e6;
  const caller = async () => {
    while (issued < maxRequests && nowUs() < deadline) {
      const slot = issued++;
      const t0 = nowUs();
      try {
        await callMe(t);
      } catch (e) {
        errors++;
        firstError ||= e instanceof Error ? e.message : String(e);
      }
      lat[slot] = (nowUs() - t0) / 1000;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  return { latMs: lat.subarray(0, issued), errors, firstError, seconds: (nowUs() - start) / 1e6 };
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const seconds = ctx.quick ? 2 : 10;
  const secret = randomBytes(32).toString('hex');
  const { child, port } = await startServer(ctx.root, 'serve.ts', { WG_BENCH_SECRET: secret }, 60);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const target: Target = { port, token: signToken(secret, USER, Date.now()).token, agent, sockets: new Set() };
    const first = JSON.parse(await callMe(target)) as { data?: { id?: string } };
    if (first.data?.id !== USER) throw new Error(`users.me answered for ${first.data?.id ?? 'nobody'}, expected ${USER}`);
    const idle = await serverStats(child);
    await load(target, ctx.quick ? 0.5 : 2, MAX_REQUESTS); // warm-up: JIT, statement cache, sockets
    child.send('reset');
    const r = await load(target, seconds, MAX_REQUESTS);
    const stats = await serverStats(child);
    const s = summarize(r.latMs);
    const rps = s.n / r.seconds;
    const cpuPct = ((stats.cpuUserMs + stats.cpuSystemMs) / 1000 / r.seconds) * 100;

    const figures = {
      requests: s.n,
      seconds: r.seconds,
      'requests/s': rps,
      'p50 ms': s.p50,
      'p95 ms': s.p95,
      'p99 ms': s.p99,
      'max ms': s.max,
      errors: r.errors,
      ...(r.firstError ? { 'first error': r.firstError } : {}),
      'connections opened': target.sockets.size,
      'server cpu %': cpuPct,
      'server rss MiB (idle → after load)': `${idle.rssMiB} → ${stats.rssMiB}`,
    };
    const markdown = [
      `\`POST /api/fn/users\` \`{action: 'me'}\` as \`${USER}\` (Bearer token) against \`createLocalServer\` over a seeded temp`,
      'SQLite store. The server runs in its own child process (`node --import tsx scripts/bench/serve.ts`), so the load',
      `generator does not share its event loop; the generator is a closed loop of ${CONCURRENCY} callers on an`,
      `\`http.Agent({keepAlive: true, maxSockets: ${CONCURRENCY}})\` to 127.0.0.1, for ${seconds} s or at most ${fmt(MAX_REQUESTS)}`,
      'requests, after a warm-up. Both processes share the same cores.',
      '',
      table(
        ['requests', 'requests/s', 'p50', 'p95', 'p99', 'max', 'errors', 'connections', 'server CPU', 'server RSS idle → after'],
        [
          [
            fmt(s.n),
            fmt(rps),
            `${fmt(s.p50, 2)} ms`,
            `${fmt(s.p95, 2)} ms`,
            `${fmt(s.p99, 2)} ms`,
            `${fmt(s.max, 1)} ms`,
            r.errors,
            target.sockets.size,
            `${fmt(cpuPct)} %`,
            `${idle.rssMiB} → ${stats.rssMiB} MiB`,
          ],
        ],
      ),
      ...(r.errors ? ['', `First error: \`${r.firstError}\``] : []),
    ].join('\n');
    return { markdown, figures };
  } finally {
    agent.destroy();
    await stopServer(child);
  }
}

export const httpSection: Section = {
  id: 'http',
  title: 'HTTP: `users.me` on the local server',
  run,
};
