/**
 * The simulator's HTTP front keeps an idle connection at least as long as the real SDK does. @cloudbase/node-sdk
 * (outside SCF: tests, scripts) reuses idle sockets for 4.8 s; a server dropping them at 5 s resets the request
 * the SDK sends on one when the process hosting both is 200 ms late, as a loaded test machine is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudSim } from '../../../local/cloudsim';
import { startCloudSim } from '../../../local/cloudsim';

let sim: CloudSim;
let root: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-sim-keepalive-'));
  fs.mkdirSync(path.join(root, 'build', 'functions'), { recursive: true });
  sim = await startCloudSim({ dataDir: path.join(root, 'data'), functionsDir: path.join(root, 'build', 'functions'), posterFont: null, log: () => undefined });
});
afterAll(async () => {
  await sim.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Keeps this process (the simulator's and the SDK's) busy for `ms`, as a CPU-starved test worker is. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

test('a request the SDK sends on a connection it still holds is answered, even when the process was 2 s late sending it', async () => {
  const areas = sim.adminStore().collection('areas');
  expect(await areas.get('nowhere')).toBeNull();
  // The SDK now holds one free socket for 4.8 s. Before that runs out the process stalls for 2 s (a CPU-starved
  // worker), then sends the next request on that socket: the bytes reach the server before either side's idle timer
  // has run, and a server whose own idle limit has passed by then destroys the socket with them unread (a reset).
  const next = await new Promise<{ answer: Promise<unknown> }>((resolve) =>
    setTimeout(() => {
      busy(2000);
      resolve({ answer: areas.get('nowhere') });
    }, 4500),
  );
  await expect(next.answer).resolves.toBeNull();
}, 20_000);
