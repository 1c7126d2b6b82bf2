/**
 * Database requests one call makes before it answers (issue 12: at most 3): locally every DocumentStore call of the
 * function (a counting store around the test server's), in cloud mode what the simulator bills the invocation
 * (`/__sim/stats`). The call's pending effects are applied afterwards, as the client asks, and not counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FunctionName } from '../../shared/api';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps, Identity } from '../../backend/runtime/types';
import { countingStore } from '../../backend/store/counting';
import type { TestServer } from './server';
import { okData, runTimer } from './server';

/**
 * The deploy setting a cost suite's server runs with: kept copies last the whole suite, so "warm" means the instance
 * has read it before, not "within 10 s of real time" — on a loaded machine a slow set-up call outlasted the default.
 */
export const WARM_FOR_COSTS = { WG_WARM_TTL_MS: '600000' };

/** The person a call is made as, or the system for a timer's action. */
export const SYSTEM = 'system';

export type Meter = (fn: FunctionName, action: string, data: Record<string, unknown>, who: string) => Promise<number>;

/** A meter over the server's store; build it in `beforeAll`, after the server has started. */
export function costMeter(s: TestServer): Meter {
  return meterAndRuntime(s).requests;
}

/**
 * The meter and the runtime it measures: `run` answers a call (its effects applied) through the same path — in cloud
 * mode the same warm container — so setting up a case never warms or cools anything the measured call relies on.
 */
export function meterAndRuntime(s: TestServer): { requests: Meter; run<T>(fn: FunctionName, action: string, data: Record<string, unknown>, who: string): Promise<T> } {
  const counting = countingStore(s.functionStore);
  const deps: Deps = {
    store: counting.store,
    now: () => s.clock.now,
    log: { error: (m) => s.logged.push(m), info: () => undefined },
    ports: localPorts(path.join(s.dataDir, 'uploads')),
  };
  const run = async <T>(fn: FunctionName, action: string, data: Record<string, unknown>, who: string): Promise<T> => {
    if (s.sim) return okData(await s.call<T>(fn, action, data, who));
    const identity: Identity = { kind: 'local', userId: who };
    const answer = await handle(FUNCTIONS[fn]!, { action, data }, identity, deps);
    if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error.code} ${answer.error.message}`);
    if (answer.pending?.length) await handle(FUNCTIONS.effects!, { action: 'drain', data: { refs: answer.pending } }, identity, deps);
    return answer.data as T;
  };
  const requests: Meter = async (fn, action, data, who) => {
    const label = `${fn}.${action}`;
    if (s.sim) {
      const answer = who === SYSTEM ? await runTimer(s, fn, action) : await s.call(fn, action, data, who);
      if (!answer.ok) throw new Error(`${label}: ${answer.error.code} ${answer.error.message}`);
      const name = who === SYSTEM ? `timer:${action}` : action;
      const row = s.sim
        .stats()
        .filter((r) => r.fn === fn && r.action === name)
        .pop();
      if (!row) throw new Error(`no stats row for ${label}`);
      return logged(s, fn, action, who, row.reads + row.writes);
    }
    const identity: Identity = who === SYSTEM ? { kind: 'system' } : { kind: 'local', userId: who };
    counting.reset();
    const answer = await handle(FUNCTIONS[fn]!, { action, data }, identity, deps);
    const n = counting.counts().total;
    if (!answer.ok) throw new Error(`${label}: ${answer.error.code} ${answer.error.message}`);
    if (answer.pending?.length) await handle(FUNCTIONS.effects!, { action: 'drain', data: { refs: answer.pending } }, identity, deps);
    return logged(s, fn, action, who, n);
  };
  return { requests, run };
}

let first = false;

/**
 * Runs `measure` as a suite's first round: the instance is still filling its kept copies (areas, rules), so its calls
 * are logged as `first` and the table reports them beside the warm figure the suites hold to 3.
 */
export async function asFirst<T>(measure: () => Promise<T>): Promise<T> {
  first = true;
  try {
    return await measure();
  } finally {
    first = false;
  }
}

/** A suite's round `round` of its cases: the first (0) warms the instance, the ones after are what a person waits for. */
export const inRound = <T>(round: number, measure: () => Promise<T>): Promise<T> => (round === 0 ? asFirst(measure) : measure());

/**
 * With `WG_COST_LOG=<file>`, every measured call is appended there as one JSON line, so `npm run cost:table` can list
 * every action the cost tests hold to 3 (and the ones none of them measures).
 */
function logged(s: TestServer, fn: string, action: string, who: string, n: number): number {
  const file = process.env.WG_COST_LOG;
  const line = { mode: s.backend, fn, action, who, requests: n, first, suite: path.basename(expect.getState().testPath ?? '') };
  if (file) fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  return n;
}
