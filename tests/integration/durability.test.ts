/** Killing the server mid-write loses nothing it acknowledged: SIGKILL during a burst of grants, then reopen. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Pending } from '../../backend/records/effects';
import type { UserDoc } from '../../backend/users/repo';
import { openSqliteStore } from '../../backend/store/sqlite';
import { signToken } from '../../local/token';
import { C1 } from '../support/people';
import { tempDir } from '../support/server';

const root = path.resolve(__dirname, '../..');

function startServer(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: { ...process.env, WG_DATA_DIR: dataDir, PORT: String(port), WG_TOKEN_SECRET: 'durable' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('本地环境已启动')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
  return { child, ready };
}

it('keeps every acknowledged grant after SIGKILL and restart', async () => {
  const dataDir = tempDir('wg-durable-');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const { child, ready } = startServer(dataDir, port);
  await ready;
  const token = signToken('durable', 'u-staff', Date.now()).token;
  const targets = ['u-resident', 'u-resident2', 'u-member', 'u-gridworker', 'u-gridleader'];
  const jobs = targets.flatMap((userId) => [1, 2, 3].flatMap((g) => [1, 2, 3, 4].map((b) => ({ userId, areaId: `B${C1}-${g}-${b}` }))));
  const acknowledged: typeof jobs = [];
  let killed = false;
  const worker = async (mine: typeof jobs) => {
    for (const job of mine) {
      if (killed) return;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/fn/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'grantRole', data: { ...job, role: 'grid_worker' } }),
        });
        const body = (await res.json()) as { ok: boolean; data?: { changed: boolean } };
        if (body.ok && body.data?.changed) acknowledged.push(job);
        if (!body.ok && !killed) throw new Error(JSON.stringify(body));
        if (acknowledged.length >= 25 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      } catch (e) {
        if (!killed) throw e;
      }
    }
  };
  // One writer per target person: grants to different people never contend for the same document.
  await Promise.all(targets.map((t) => worker(jobs.filter((j) => j.userId === t))));
  await new Promise((r) => setTimeout(r, 200));
  expect(killed).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(25);

  const store = openSqliteStore({ dataDir });
  try {
    for (const job of acknowledged) {
      const user = await store.collection<UserDoc>('users').get(job.userId);
      expect(user?.roles.some((g) => g.role === 'grid_worker' && g.areaId === job.areaId)).toBe(true);
    }
    // Each grant's audit rides on the grant's own write (docs/effects.md): written by a drain, or still pending on the
    // person's record for the drain at start-up. Either way none is lost.
    const written = await store.collection('audit').count({ action: 'users.grantRole' });
    const carried = (await store.collection<UserDoc & Pending>('users').find({ fxAt: { $gt: 0 } }, { limit: 100 }))
      .flatMap((u) => u.fx ?? [])
      .flatMap((b) => b.effects)
      .filter((e) => e.type === 'audit' && e.action === 'users.grantRole').length;
    expect(written + carried).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60000);
