/** Bench: database round trips per order action, every port call counted on the success path. */
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import type { OrderStatus } from '../../shared/orders/model';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { Deps, FunctionDef } from '../../backend/runtime/types';
import type { CountingStore, StoreCall } from '../../backend/store/counting';
import { countingStore } from '../../backend/store/counting';
import { SqliteStore } from '../../backend/store/sqlite';
import type { Figures } from './report';
import { table } from './report';
import { BUILDING1, GOAL, GOOD_ORDER, GRID_LEADER, MEMBER, MEMBER_B, RESIDENT, RESIDENT2, STAFF, START, SYSTEM, identityOf, orderWalker, quietLog } from './order-common';
import type { Measured } from './order-common';

export interface Lab {
  clock: { now: number };
  deps: Deps;
  call(fn: string, action: string, data: Record<string, unknown>, who: string): Promise<unknown>;
  /** Files an order as the demo resident and walks it to `status` through the API, as the tests do. */
  orderIn(status: OrderStatus): Promise<string>;
}

/** What a scenario's preparation uses: the clock and the walk of an order into a state (local or cloud). */
export type ScenarioLab = Pick<Lab, 'clock' | 'orderIn'>;

export interface Scenario {
  fn: string;
  action: string;
  /** Distinguishes a second success path of the same action. */
  variant?: string;
  who: string;
  /** The state the call runs in, in words. */
  state: string;
  prepare(lab: ScenarioLab): Promise<Record<string, unknown>>;
}

function makeLab(counting: CountingStore): Lab {
  const clock = { now: START };
  const deps: Deps = { store: counting.store, now: () => clock.now, log: quietLog, ports: localPorts(path.join(os.tmpdir(), 'wg-bench-no-uploads')) };
  const call = async (fn: string, action: string, data: Record<string, unknown>, who: string) => {
    const env = await handle(FUNCTIONS[fn], { action, data }, identityOf(who), deps);
    if (!env.ok) throw new Error(`setup ${fn}.${action} as ${who}: ${env.error.code} ${env.error.message}`);
    return env.data;
  };
  const act = (action: string, data: Record<string, unknown>, who: string) => call('orders', action, data, who);
  const orderIn = orderWalker(act, clock);
  return { clock, deps, call, orderIn };
}

/** The call runs on an order in `status`, with `data` added to its id. */
const onOrder =
  (status: OrderStatus, data: Record<string, unknown> = {}) =>
  async (lab: ScenarioLab) => ({ orderId: await lab.orderIn(status), ...data });
/** An order in `status` exists (so lists have something to show); the call itself takes `data`. */
const around =
  (status: OrderStatus, data: Record<string, unknown> = {}) =>
  async (lab: ScenarioLab) => {
    await lab.orderIn(status);
    return data;
  };

const o = (action: string, who: string, state: string, prepare: Scenario['prepare'], variant?: string): Scenario => ({ fn: 'orders', action, who, state, prepare, variant });

/** Success path of every action; variants where a second path costs more. Actions without one are reported as such. */
export const SCENARIOS: Scenario[] = [
  o('file', RESIDENT, 'first order of the day (quota counter created)', async () => ({ ...GOOD_ORDER })),
  o('file', RESIDENT, 'second order that day', around('new', { ...GOOD_ORDER }), 'same day'),
  o('similar', RESIDENT, 'an open order in the building', around('new', { buildingId: BUILDING1, category: '维修' })),
  o('follow', RESIDENT2, 'triaged, neighbour follows', onOrder('triaged')),
  o('mine', RESIDENT, 'one order in progress', around('in_progress')),
  o('detail', RESIDENT, 'in progress', onOrder('in_progress')),
  o('cancel', RESIDENT, 'new', onOrder('new', { reason: '问题已自行解决' })),
  o('cancel', RESIDENT, 'assigned (holder told)', onOrder('assigned', { reason: '问题已自行解决' }), 'assigned'),
  o('rate', RESIDENT, 'completed, 5 stars: closes, credits points', onOrder('completed', { stars: 5, comment: '很及时' })),
  o('rate', RESIDENT, 'completed, 2 stars: reopens', onOrder('completed', { stars: 2, comment: '灯又坏了' }), 'reopen'),
  o('console', STAFF, 'one new order', around('new', { tab: 'new' })),
  o('triage', STAFF, 'new, yellow', onOrder('new', { colour: 'yellow' })),
  o('triage', STAFF, 'new, red (owner told)', onOrder('new', { colour: 'red' }), 'red'),
  o('reject', STAFF, 'new', onOrder('new', { reason: '不属于社区受理范围' })),
  o('candidates', STAFF, 'triaged', onOrder('triaged')),
  o('dispatch', STAFF, 'triaged', onOrder('triaged', { memberId: MEMBER })),
  o('pool', STAFF, 'triaged, grid pool', onOrder('triaged', { level: 'grid' })),
  o('reassign', STAFF, 'assigned to 张伟', onOrder('assigned', { memberId: MEMBER_B, reason: '张伟出差' })),
  o('note', STAFF, 'triaged', onOrder('triaged', { note: '已电话联系居民' })),
  o('closeReopened', STAFF, 'reopened', onOrder('reopened', { explanation: '已与居民当面说明情况' })),
  o('returnVisit', STAFF, 'completed, 回访 满意: closes, credits points', onOrder('completed', { result: 'satisfied', note: '已电话联系居民，灯已修好' })),
  o('returnVisit', STAFF, 'completed, 回访 不满意: reopens (owner and holder told)', onOrder('completed', { result: 'unsatisfied', note: '居民说灯还是不亮' }), 'reopen'),
  o('hall', MEMBER, 'one pooled order', around('pooled')),
  o('held', MEMBER, 'one order held', around('in_progress')),
  o('claim', MEMBER, 'pooled', onOrder('pooled')),
  o('accept', MEMBER, 'assigned', onOrder('assigned')),
  o('decline', MEMBER, 'assigned', onOrder('assigned', { reason: '临时出差' })),
  o('progress', MEMBER, 'in progress', onOrder('in_progress', { note: '明天上门更换' })),
  o('release', MEMBER, 'in progress from the pool', onOrder('in_progress', { reason: '需要专业人员' })),
  o('complete', MEMBER, 'in progress', onOrder('in_progress', { note: '已更换灯泡' })),
  o('sweep', SYSTEM, 'one order 5 h past its 4 h respond deadline', async (lab) => {
    await lab.orderIn('triaged');
    lab.clock.now += 5 * 3600_000;
    return {};
  }),
  { fn: 'notifications', action: 'list', who: GRID_LEADER, state: 'a 新点单 message to the grid', prepare: around('new') },
  { fn: 'notifications', action: 'unread', who: GRID_LEADER, state: 'a 新点单 message to the grid', prepare: around('new') },
  { fn: 'points', action: 'mine', who: MEMBER, state: 'one order credited', prepare: around('closed') },
];

export interface TripRow {
  label: string;
  who: string;
  state: string;
  actor: number;
  action: number;
  total: number;
  /** Of the action's trips, those the caller waits for one after another. */
  sequential: number;
  actorTrace: string;
  trace: string;
}

const callName = (c: StoreCall) => `${c.op} ${c.collection}`;

/** `get orders → (find orders ∥ count orders)`: calls issued together (Promise.all) share parentheses. */
export function trace(calls: StoreCall[]): string {
  const groups: StoreCall[][] = [];
  for (const c of calls) {
    const last = groups[groups.length - 1];
    if (c.overlapped && last) last.push(c);
    else groups.push([c]);
  }
  return groups.map((g) => (g.length === 1 ? callName(g[0]) : `(${g.map(callName).join(' ∥ ')})`)).join(' → ') || '—';
}

async function measureTrips(s: Scenario, template: Buffer): Promise<TripRow> {
  const label = `${s.fn}.${s.action}${s.variant ? ` (${s.variant})` : ''}`;
  const sqlite = new SqliteStore(new Database(template));
  try {
    const counting = countingStore(sqlite);
    const lab = makeLab(counting);
    const data = await s.prepare(lab);
    const fn = FUNCTIONS[s.fn];
    const def = fn.actions[s.action];
    if (!def) throw new Error(`scenario for unknown action ${label}`);
    // Same action, marked where the runtime hands over to it: trips before are the runtime's (actor).
    let mark = -1;
    const split: FunctionDef = {
      name: fn.name,
      actions: {
        [s.action]: {
          ...def,
          run: (ctx, input) => {
            mark = counting.counts().total;
            return def.run(ctx, input);
          },
        },
      },
    };
    counting.reset();
    const env = await handle(split, { action: s.action, data }, identityOf(s.who), lab.deps);
    if (!env.ok) throw new Error(`${label} as ${s.who} failed: ${env.error.code} ${env.error.message}`);
    const calls = counting.calls();
    const mine = calls.slice(mark);
    return {
      label,
      who: s.who,
      state: s.state,
      actor: mark,
      action: mine.length,
      total: calls.length,
      sequential: mine.filter((c) => !c.overlapped).length,
      actorTrace: trace(calls.slice(0, mark)),
      trace: trace(mine),
    };
  } finally {
    await sqlite.close();
  }
}

export async function measureAllTrips(template: Buffer): Promise<{ rows: TripRow[]; uncovered: string[] }> {
  const ordersActions = Object.keys(FUNCTIONS.orders.actions);
  const uncovered = ordersActions.filter((a) => !SCENARIOS.some((s) => s.fn === 'orders' && s.action === a));
  const rows: TripRow[] = [];
  // Every orders action in registration order (new ones included), then the other functions'.
  for (const a of ordersActions) for (const s of SCENARIOS.filter((x) => x.fn === 'orders' && x.action === a)) rows.push(await measureTrips(s, template));
  for (const s of SCENARIOS.filter((x) => x.fn !== 'orders')) rows.push(await measureTrips(s, template));
  return { rows, uncovered };
}

export function renderTrips({ rows, uncovered }: Measured<typeof measureAllTrips>, figures: Figures): string {
  const over = rows.filter((r) => r.total > GOAL);
  const overAlone = rows.filter((r) => r.action > GOAL);
  for (const r of rows) figures[`trips ${r.label}`] = `${r.actor} + ${r.action} = ${r.total}${r.total > GOAL ? ' ✗' : ''}`;
  figures['trips: calls over 3 (actor + action)'] = `${over.length} of ${rows.length}`;
  figures['trips: calls over 3 (action alone)'] = `${overAlone.length} of ${rows.length}`;
  if (uncovered.length) figures['trips: orders actions WITHOUT a scenario'] = uncovered.join(', ');
  const personActor = [...new Set(rows.filter((r) => r.who !== SYSTEM).map((r) => `\`${r.actorTrace}\``))].join(' or ');
  return [
    '### a. Database round trips per action',
    '',
    `Each call runs once on its success path through \`handle()\` (the same runtime the gateway and the cloud entry use), on a`,
    'fresh copy of the seeded demo store (SQLite in memory), after the order has been walked into the state shown through the',
    'API. The store is wrapped in `countingStore` (`backend/store/counting.ts`): every port call — get, find, count, insert,',
    'insertIfAbsent, updateWhere, group — is one database round trip (on CloudBase each is one network request). "Load actor" is',
    `what the runtime spends before the action runs (${personActor} for a person, nothing for the system timer); "the action" is`,
    'everything after.',
    '"Sequential" counts the action\'s trips that wait for the previous one; calls issued together (`Promise.all`) are',
    `in parentheses and joined by ∥. The issue's goal is ≤ ${GOAL} per action; ✗ marks a call over it counting the actor read.`,
    `Every action of \`FUNCTIONS.orders\` is iterated, so an action added later without a scenario shows up below as missing.`,
    '',
    table(
      ['call', 'as', 'state', 'load actor', 'the action', 'total', 'sequential', `≤ ${GOAL}`, "where the action's trips go"],
      [
        ...rows.map((r) => [`\`${r.label}\``, r.who, r.state, r.actor, r.action, r.total, r.sequential, r.total > GOAL ? '✗' : '✓', r.trace]),
        ...uncovered.map((a) => [`\`orders.${a}\``, '', '**no scenario: add one in scripts/bench/order-trips.ts**', '', '', '', '', '?', '']),
      ],
    ),
    '',
    `Over ${GOAL} counting the actor read: ${over.length} of ${rows.length} calls; counting the action alone: ${overAlone.length} of ${rows.length}.`,
    `Within ${GOAL} in total: ${
      rows
        .filter((r) => r.total <= GOAL)
        .map((r) => `\`${r.label}\``)
        .join(', ') || 'none'
    }.`,
  ].join('\n');
}
