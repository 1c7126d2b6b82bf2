/**
 * A seeded random run of 1,000 concurrent credits, replays, reversals, adjustments (over HTTP, as staff) and
 * placement moves (members changing organisation and grid): afterwards every kept total — member, organisation,
 * grid — equals what the ledger and the members' final placements say, computed here independently. Direct calls go
 * through a store that pauses randomly before every call, so the steps of different operations interleave.
 */
import fc from 'fast-check';
import type { OrganisationDoc, RegistrationDoc } from '../../backend/members/repo';
import { localPorts } from '../../backend/ports/local';
import { checkTotals } from '../../backend/points/check';
import { creditPoints } from '../../backend/points/ledger';
import { syncPlacement } from '../../backend/points/placement';
import type { LedgerDoc, RollupDoc, TotalDoc } from '../../backend/points/repo';
import type { Deps } from '../../backend/runtime/types';
import type { Collection, Doc, DocumentStore } from '../../backend/store/port';
import type { PointReason } from '../../shared/points/schemas';
import { shanghaiYear } from '../../shared/time';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer, tempDir } from '../support/server';

const MEMBERS = 24;
const ORGS = ['O-pc-a', 'O-pc-b', null] as const;
const GRIDS = [1, 2, 3].map((g) => `G${C1}-${g}`);
const member = (i: number) => `u-pc-${i}`;

let s: TestServer;
let deps: Deps;
let communityPath = '';
beforeAll(async () => {
  s = await startTestServer();
  deps = { store: jittery(s.store), now: () => s.clock.now, log: { error: () => undefined, info: () => undefined }, ports: localPorts(tempDir('wg-pc-')) };
  communityPath = (await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1))!.path;
  for (const id of ORGS) {
    if (id)
      await s.store.collection<OrganisationDoc>('organisations').insert({
        _id: id,
        name: `单位${id}`,
        communityId: NODES.community1,
        path: communityPath,
        contactName: '',
        contactMobile: '',
        agreement: '',
        createdAt: 0,
        createdBy: 'test',
      });
  }
  for (let i = 0; i < MEMBERS; i++) {
    await s.store.collection<RegistrationDoc>('registrations').insert(registration(i, i % 3, i % 3));
    await syncPlacement(deps, member(i));
  }
});
afterAll(() => s.close());

/** The real store, each call started after a random pause (as over a network), so operations interleave at every step. */
function jittery(inner: DocumentStore): DocumentStore {
  const pause = () => new Promise((r) => (Math.random() < 0.5 ? setImmediate(r) : setTimeout(r, Math.floor(Math.random() * 3))));
  const wrap = <T extends Doc>(c: Collection<T>): Collection<T> => ({
    get: async (id) => (await pause(), c.get(id)),
    find: async (f, o) => (await pause(), c.find(f, o)),
    count: async (f) => (await pause(), c.count(f)),
    insert: async (d) => (await pause(), c.insert(d)),
    insertIfAbsent: async (d) => (await pause(), c.insertIfAbsent(d)),
    insertMany: async (ds) => (await pause(), c.insertMany(ds)),
    updateWhere: async (f, p) => (await pause(), c.updateWhere(f, p)),
    group: async (f, g) => (await pause(), c.group(f, g)),
  });
  return { collection: <T extends Doc>(name: string) => wrap(inner.collection<T>(name)), ensureIndexes: (n, i) => inner.ensureIndexes(n, i), close: () => inner.close() };
}

function registration(i: number, org: number, grid: number): RegistrationDoc {
  const gridId = GRIDS[grid] ?? '';
  return {
    _id: `r-pc-${i}`,
    memberId: member(i),
    status: 'approved',
    name: `党员${i}`,
    mobile: '13900000000',
    partyOrg: '',
    workUnit: '',
    orgId: ORGS[org] ?? null,
    buildingId: `B${C1}-${grid + 1}-1`,
    gridId,
    communityId: NODES.community1,
    path: `${communityPath}${gridId}/B${C1}-${grid + 1}-1/`,
    skills: [],
    availableTimes: [],
    certNo: null,
    reason: null,
    createdAt: 0,
    decidedAt: 0,
    decidedBy: 'test',
    endedAt: null,
    movedTo: null,
  };
}

type Op =
  | { kind: 'credit'; m: number; source: number; delta: number; reason: PointReason; lastYear: boolean }
  | { kind: 'reverse'; source: number; reason: PointReason }
  | { kind: 'adjust'; source: number; reason: PointReason; delta: number }
  | { kind: 'move'; m: number; org: number; grid: number };

const REASONS: PointReason[] = ['activity_hours', 'wish_fulfilled', 'order_completed'];
/** 300 sources for 1,000 operations: replays (same source, same reason) are common. */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('credit' as const),
      m: fc.nat(MEMBERS - 1),
      source: fc.nat(299),
      delta: fc.integer({ min: -3, max: 10 }),
      reason: fc.constantFrom(...REASONS),
      lastYear: fc.nat(9).map((n) => n === 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), source: fc.nat(299), reason: fc.constantFrom(...REASONS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      source: fc.nat(299),
      reason: fc.constantFrom(...REASONS),
      delta: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), m: fc.nat(MEMBERS - 1), org: fc.nat(2), grid: fc.nat(2) }) },
);

/** Credits of one source always go to the same member (a source belongs to one person). */
const ownerOf = (source: number) => source % MEMBERS;
const entryId = (reason: PointReason, source: number) => `${reason}:test:src-${source}`;

async function run(op: Op, year: number): Promise<void> {
  // Spread over ~40 ms so moves land while other members' credits are in flight, not all at the start.
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
  if (op.kind === 'credit') {
    const m = ownerOf(op.source);
    await creditPoints(deps, {
      memberId: member(m),
      delta: op.delta,
      reason: op.reason,
      note: '测试',
      sourceType: 'test',
      sourceId: `src-${op.source}`,
      year: op.lastYear ? year - 1 : undefined,
    });
  } else if (op.kind === 'move') {
    await deps.store
      .collection<RegistrationDoc>('registrations')
      .updateWhere({ _id: `r-pc-${op.m}` }, { $set: { orgId: ORGS[op.org] ?? null, gridId: GRIDS[op.grid], path: registration(op.m, op.org, op.grid).path } });
    await syncPlacement(deps, member(op.m));
  } else {
    const data =
      op.kind === 'reverse'
        ? { entryId: entryId(op.reason, op.source), reason: '测试冲正' }
        : { entryId: entryId(op.reason, op.source), delta: op.delta, reason: `测试调整${op.delta}` };
    const res = await s.call('points', 'correct', data, PEOPLE.staff);
    // Reversing a source never credited yet is NOT_FOUND; anything else must succeed.
    if (!res.ok && res.error.code !== 'NOT_FOUND') throw new Error(`${res.error.code} ${res.error.message}`);
  }
}

it('1,000 concurrent credits, replays, corrections and moves leave totals equal to the ledger sums', async () => {
  const year = shanghaiYear(s.clock.now);
  const ops = fc.sample(opArb, { numRuns: 1000, seed: 20261120 });
  expect(new Set(ops.map((o) => o.kind))).toEqual(new Set(['credit', 'reverse', 'adjust', 'move']));
  await Promise.all(ops.map((op) => run(op, year)));

  // Replays credit nothing twice: exactly one entry per (reason, source) credited, however often it was replayed.
  const entries = await s.store.collection<LedgerDoc>('points_ledger').find({ memberId: { $prefix: 'u-pc-' } });
  const credited = new Set(ops.flatMap((o) => (o.kind === 'credit' ? [entryId(o.reason, o.source)] : [])));
  expect(
    entries
      .filter((e) => e.sourceType === 'test')
      .map((e) => e._id)
      .sort(),
  ).toEqual([...credited].sort());
  expect(entries.filter((e) => e.sourceType === 'reversal').length).toBeGreaterThan(10);
  expect(entries.filter((e) => e.sourceType === 'adjust').length).toBeGreaterThan(10);

  // Independently: each member's total (and served count) per year is the sum of their ledger entries; a total with none is 0.
  const sums = new Map<string, { total: number; credits: number }>();
  const sumOf = (key: string) => sums.get(key) ?? sums.set(key, { total: 0, credits: 0 }).get(key)!;
  for (const e of entries) {
    const sum = sumOf(`${e.memberId}:${e.year}`);
    sum.total += e.delta;
    sum.credits += e.credit ?? 0;
  }
  const kept = await s.store.collection<TotalDoc>('points_totals').find({ memberId: { $prefix: 'u-pc-' } });
  for (const t of kept) sumOf(t._id);
  expect(new Map(kept.map((t) => [t._id, { total: t.total, credits: t.credits }]))).toEqual(sums);

  // Each organisation's and grid's total is the ledger sum of the members under their final placement, and its
  // `members` how many they are (every member was placed, so those without points this year count too).
  const regs = await s.store.collection<RegistrationDoc>('registrations').find({ memberId: { $prefix: 'u-pc-' } });
  expect(regs).toHaveLength(MEMBERS);
  const expected = new Map<string, { total: number; members: number }>();
  const add = (key: string, total: number) => {
    const e = expected.get(key) ?? { total: 0, members: 0 };
    expected.set(key, { total: e.total + total, members: e.members + 1 });
  };
  for (const r of regs) {
    const t = kept.find((k) => k._id === `${r.memberId}:${year}`);
    expect([r.memberId, t?.orgId, t?.gridId]).toEqual([r.memberId, r.orgId, r.gridId]);
    const total = sums.get(`${r.memberId}:${year}`)?.total ?? 0;
    if (r.orgId) add(`org:${r.orgId}:${year}`, total);
    add(`grid:${r.gridId}:${year}`, total);
  }
  // Seeded people in the same grids count there under their own stamps.
  const others = await s.store.collection<TotalDoc>('points_totals').find({ year, gridId: { $in: GRIDS }, memberId: { $nin: regs.map((r) => r.memberId) } });
  for (const t of others) add(`grid:${t.gridId}:${year}`, t.total);
  const rolled = await s.store.collection<RollupDoc>('points_rollups').find({ year, refId: { $in: [...GRIDS, ...ORGS.filter((o) => o !== null)] } });
  // An organisation everyone moved out of keeps its roll-up, at zero.
  for (const r of rolled) if (!expected.has(r._id)) expected.set(r._id, { total: 0, members: 0 });
  expect(new Map(rolled.map((r) => [r._id, { total: r.total, members: r.members }]))).toEqual(expected);

  const check = await checkTotals(s.store);
  expect(check.differences).toEqual([]);
  expect(s.logged).toEqual([]);
}, 120_000);
