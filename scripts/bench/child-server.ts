/** Runs a bench server script in a child process (so load and server don't share an event loop) and talks to it over IPC. */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import path from 'node:path';
import type { ServeMessage } from './serve';

export function startServer(root: string, script: string, env: Record<string, string>, timeoutS = 120): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, script), [], {
    cwd: root,
    execArgv: ['--import', 'tsx', ...(process.env.WG_BENCH_CHILD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WG_BENCH_CHILD_PROF}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutS} s`)), timeoutS * 1000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on('message', (m: ServeMessage) => {
      if (m.kind === 'ready') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, port: m.port });
      }
    });
  });
}

export function serverStats(child: ChildProcess): Promise<Extract<ServeMessage, { kind: 'stats' }>> {
  return new Promise((resolve) => {
    const on = (m: ServeMessage) => {
      if (m.kind !== 'stats') return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send('stats');
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
