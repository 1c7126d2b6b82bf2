/**
 * Bench section: points rankings on a community of 10,000 members with 1,000,000 ledger entries (quick: 1,000 and
 * 50,000) — the ranking page and "my rank" read the kept totals through indexes and never touch the ledger — and
 * database round trips per points action (申报 → 汇总 → 核实, corrections, rules) on the demo street.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAllIndexes } from '../../backend/collections';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { checkTotals } from '../../backend/points/check';
import type { LedgerDoc, RollupDoc, TotalDoc } from '../../backend/points/repo';
import { handle } from '../../backend/runtime/handle';
import type { Deps } from '../../backend/runtime/types';
import type { CountingStore, StoreCall } from '../../backend/store/counting';
import { countingStore } from '../../backend/store/counting';
import type { Param } from '../../backend/store/sqlite-sql';
import { compileFilter, compileSort } from '../../backend/store/sqlite-sql';
import type { SqliteStore } from '../../backend/store/sqlite';
import { SqliteStore as Store, openSqliteStore } from '../../backend/store/sqlite';
import type { Filter, FindOptions } from '../../backend/store/port';
import { C1, GRID_LEADER, MEMBER, STAFF, START, identityOf, quietLog, seededTemplate } from './order-common';
import type { BenchContext, Section, SectionResult, Summary } from './report';
import { fmt, mib, nowUs, rng, summarize, table, timeEach } from './report';

const YEAR = 2026;
const COMMUNITY = 'CB1';
const COMMUNITY_PATH = `/SB/${COMMUNITY}/`;
const GRIDS = 30;
const ORGS = 60;
const STAFF_ID = 'u-bench-staff';
const memberId = (i: number) => `u-b${String(i).padStart(5, '0')}`;
const gridId = (g: number) => `GB-${g}`;

function fileSize(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

/** Areas, one staff user and the members' user docs (the runtime loads the actor), then ledger, totals and roll-ups in one transaction. */
async function seed(store: SqliteStore, members: number, entries: number): Promise<number> {
  await ensureAllIndexes(store);
  const rand = rng(20261120);
  const t = nowUs();
  const insert = (name: string) => {
    store.collection(name);
    return store.db.prepare(`INSERT INTO "${name}" (id, doc) VALUES (?, ?)`);
  };
  const areas = insert('areas');
  const users = insert('users');
  const ledger = insert('points_ledger');
  const totals = insert('points_totals');
  const rollups = insert('points_rollups');
  const orgs = insert('organisations');
  const role = (r: string, areaId: string, areaPath: string) => ({ role: r, areaId, areaPath, grantedBy: 'bench', grantedAt: START });
  store.db.transaction(() => {
    areas.run('SB', JSON.stringify({ _id: 'SB', name: '基准街道', level: 'street', parentId: null, path: '/SB/', ancestors: [], order: 0 }));
    areas.run(COMMUNITY, JSON.stringify({ _id: COMMUNITY, name: '基准社区', level: 'community', parentId: 'SB', path: COMMUNITY_PATH, ancestors: ['SB'], order: 0 }));
    for (let g = 0; g < GRIDS; g++)
      areas.run(
        gridId(g),
        JSON.stringify({
          _id: gridId(g),
          name: `第${g + 1}网格`,
          level: 'grid',
          parentId: COMMUNITY,
          path: `${COMMUNITY_PATH}${gridId(g)}/`,
          ancestors: ['SB', COMMUNITY],
          order: g,
        }),
      );
    for (let o = 0; o < ORGS; o++)
      orgs.run(
        `OB-${o}`,
        JSON.stringify({
          _id: `OB-${o}`,
          name: `报到单位${o + 1}`,
          communityId: COMMUNITY,
          path: COMMUNITY_PATH,
          contactName: '',
          contactMobile: '',
          agreement: '',
          createdAt: START,
          createdBy: STAFF_ID,
        }),
      );
    users.run(
      STAFF_ID,
      JSON.stringify({
        _id: STAFF_ID,
        name: '基准社工',
        roles: [role('community_staff', COMMUNITY, COMMUNITY_PATH)],
        roleNames: ['community_staff'],
        staffAreaIds: [COMMUNITY],
        rev: 0,
        createdAt: START,
      }),
    );
    const sums = new Float64Array(members);
    const counts = new Uint32Array(members);
    for (let e = 0; e < entries; e++) {
      const m = Math.floor(rand() * members);
      const delta = 1 + Math.floor(rand() * 5);
      sums[m] = (sums[m] ?? 0) + delta;
      counts[m] = (counts[m] ?? 0) + 1;
      const doc: LedgerDoc = {
        _id: `activity_hours:bench:${e}`,
        memberId: memberId(m),
        delta,
        reason: 'activity_hours',
        note: '',
        sourceType: 'bench',
        sourceId: String(e),
        year: YEAR,
        at: START - Math.floor(rand() * 300) * 86400_000,
        credit: 1,
        communityId: COMMUNITY,
        path: `${COMMUNITY_PATH}${gridId(m % GRIDS)}/`,
      };
      ledger.run(doc._id, JSON.stringify(doc));
    }
    const roll = new Map<string, { total: number; members: number; name: string }>();
    for (let m = 0; m < members; m++) {
      const g = m % GRIDS;
      const org = m % 3 === 0 ? null : `OB-${m % ORGS}`;
      const total = sums[m] ?? 0;
      const doc: TotalDoc = {
        _id: `${memberId(m)}:${YEAR}`,
        memberId: memberId(m),
        year: YEAR,
        total,
        credits: counts[m] ?? 0,
        communityId: COMMUNITY,
        gridId: gridId(g),
        orgId: org,
        path: `${COMMUNITY_PATH}${gridId(g)}/`,
        name: `党员${m}`,
        stamp: `${COMMUNITY}|${gridId(g)}|${org ?? ''}`,
      };
      totals.run(doc._id, JSON.stringify(doc));
      users.run(
        memberId(m),
        JSON.stringify({
          _id: memberId(m),
          name: `党员${m}`,
          roles: [role('member', COMMUNITY, COMMUNITY_PATH)],
          roleNames: ['member'],
          staffAreaIds: [],
          rev: 0,
          createdAt: START,
        }),
      );
      for (const [key, name] of [[`grid:${gridId(g)}:${YEAR}`, `第${g + 1}网格`], org ? [`org:${org}:${YEAR}`, org] : null].filter((x): x is string[] => !!x)) {
        const r = roll.get(key!) ?? { total: 0, members: 0, name: name! };
        r.total += total;
        r.members += 1;
        roll.set(key!, r);
      }
    }
    for (const [id, r] of roll) {
      const [kind, refId] = id.split(':') as ['org' | 'grid', string];
      const doc: RollupDoc = { _id: id, kind, refId, year: YEAR, name: r.name, communityId: COMMUNITY, path: COMMUNITY_PATH, total: r.total, members: r.members };
      rollups.run(id, JSON.stringify(doc));
    }
  })();
  store.db.exec('ANALYZE');
  return (nowUs() - t) / 1e6;
}

function plan(store: SqliteStore, collection: string, filter: Filter, options: FindOptions = {}, count = false): string {
  const params: Param[] = [];
  let sql = `SELECT ${count ? 'count(*)' : 'doc'} FROM "${collection}" WHERE ${compileFilter(filter, params)}${count ? '' : compileSort(options.sort)}`;
  if (options.limit !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(options.limit, options.skip ?? 0);
  }
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('; ');
}

interface Timed {
  label: string;
  s: Summary;
  calls: StoreCall[];
  note: string;
}

const callsText = (calls: StoreCall[]) => {
  const by = new Map<string, number>();
  for (const c of calls) by.set(`${c.op} ${c.collection}`, (by.get(`${c.op} ${c.collection}`) ?? 0) + 1);
  return [...by].map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(', ');
};

async function timeAction(
  counting: CountingStore,
  deps: Deps,
  label: string,
  action: string,
  data: (i: number) => Record<string, unknown>,
  who: (i: number) => string,
  reps: number,
  describe: (out: unknown) => string,
): Promise<Timed> {
  let last: unknown = null;
  let calls: StoreCall[] = [];
  const samples = await timeEach(reps, async (i) => {
    counting.reset();
    const env = await handle(FUNCTIONS.points, { action, data: data(i) }, identityOf(who(i)), deps);
    if (!env.ok) throw new Error(`${label}: ${env.error.code} ${env.error.message}`);
    last = env.data;
    calls = counting.calls();
  });
  return { label, s: summarize(samples), calls, note: describe(last) };
}

async function measureRankings(ctx: BenchContext) {
  const members = ctx.quick ? 1_000 : 10_000;
  const entries = ctx.quick ? 50_000 : 1_000_000;
  const reps = ctx.quick ? 20 : 100;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-points-'));
  const store = openSqliteStore({ dataDir: dir });
  try {
    const seedS = await seed(store, members, entries);
    const counting = countingStore(store);
    const deps: Deps = { store: counting.store, now: () => START, log: quietLog, ports: localPorts(path.join(dir, 'uploads')) };
    const rand = rng(7);
    const somebody = () => memberId(Math.floor(rand() * members));
    const rows: Timed[] = [];
    const page = (n: number) => ({ scope: 'community', areaId: COMMUNITY, year: YEAR, page: n, pageSize: 20 });
    const items = (o: unknown) => `${(o as { items: unknown[] }).items.length} rows of ${fmt((o as { total: number }).total)}`;
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.memberRanking` community, page 1 (top 20)',
        'memberRanking',
        () => page(1),
        () => STAFF_ID,
        reps,
        items,
      ),
    );
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.memberRanking` community, page 50 (ranks 981–1,000)',
        'memberRanking',
        () => page(50),
        () => STAFF_ID,
        reps,
        items,
      ),
    );
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.memberRanking` grid, page 1',
        'memberRanking',
        () => ({ scope: 'grid', areaId: gridId(0), year: YEAR }),
        () => STAFF_ID,
        reps,
        items,
      ),
    );
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.mine` (ledger page, total, rank, duty) for a random member',
        'mine',
        () => ({ year: YEAR }),
        somebody,
        reps,
        (o) => `rank ${(o as { rank: number }).rank} of ${fmt((o as { rankedOf: number }).rankedOf)}`,
      ),
    );
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.orgRanking` page 1',
        'orgRanking',
        () => ({ communityId: COMMUNITY, year: YEAR }),
        () => STAFF_ID,
        reps,
        items,
      ),
    );
    rows.push(
      await timeAction(
        counting,
        deps,
        '`points.gridRanking` (every grid)',
        'gridRanking',
        () => ({ communityId: COMMUNITY, year: YEAR }),
        () => STAFF_ID,
        reps,
        items,
      ),
    );
    const t = nowUs();
    const check = await checkTotals(store);
    const checkS = (nowUs() - t) / 1e6;
    const plans = {
      page: plan(
        store,
        'points_totals',
        { communityId: COMMUNITY, year: YEAR },
        {
          sort: [
            ['total', -1],
            ['memberId', 1],
          ],
          limit: 20,
          skip: 980,
        },
      ),
      rank: plan(store, 'points_totals', { communityId: COMMUNITY, year: YEAR, total: { $gt: 100 } }, {}, true),
      mine: plan(store, 'points_ledger', { memberId: memberId(1), year: YEAR }, { sort: [['at', -1]], limit: 200 }),
    };
    const ledgerReads = rows
      .filter((r) => r.label.includes('Ranking'))
      .flatMap((r) => r.calls)
      .filter((c) => c.collection === 'points_ledger').length;
    return { members, entries, seedS, rows, check, checkS, plans, ledgerReads, bytes: fileSize(dir) };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Round trips per points action on the demo street, each on a fresh copy, counted through the port. */
async function measureTrips(template: Buffer) {
  type Step = { label: string; who: string; action: string; data: (ids: Record<string, string>) => Record<string, unknown> };
  const date = '2026-11-19';
  const declare = { date, hours: 2, description: '在小区门口协助开展垃圾分类宣传' };
  const steps: Step[] = [
    { label: 'declare (党员申报)', who: MEMBER, action: 'declare', data: () => declare },
    { label: 'myDeclarations', who: MEMBER, action: 'myDeclarations', data: () => ({}) },
    { label: 'gridQueue (召集人汇总 list)', who: GRID_LEADER, action: 'gridQueue', data: () => ({}) },
    { label: 'forward, batch of 1', who: GRID_LEADER, action: 'forward', data: (ids) => ({ declarationIds: [ids.a!] }) },
    { label: 'forward, batch of 5', who: GRID_LEADER, action: 'forward', data: (ids) => ({ declarationIds: [ids.b!, ids.c!, ids.d!, ids.e!, ids.f!] }) },
    { label: 'sendBack', who: GRID_LEADER, action: 'sendBack', data: (ids) => ({ declarationId: ids.g!, reason: '请补充照片' }) },
    { label: 'verifyQueue (社区核实 list)', who: STAFF, action: 'verifyQueue', data: () => ({}) },
    { label: 'verify (credits)', who: STAFF, action: 'verify', data: (ids) => ({ declarationId: ids.a! }) },
    { label: 'reject', who: STAFF, action: 'reject', data: (ids) => ({ declarationId: ids.b!, reason: '当天无此活动' }) },
    { label: 'correct (reversal)', who: STAFF, action: 'correct', data: (ids) => ({ entryId: `declared_service:declaration:${ids.a!}`, reason: '重复申报' }) },
    { label: 'mine', who: MEMBER, action: 'mine', data: () => ({}) },
    { label: 'memberRanking', who: STAFF, action: 'memberRanking', data: () => ({ scope: 'community' }) },
    {
      label: 'setRules',
      who: STAFF,
      action: 'setRules',
      data: () => ({ communityId: C1, orderByColour: { green: 2, yellow: 3, red: 5 }, onTimeBonus: 1, fiveStarBonus: 1, wishFulfilled: 3, activityPerHour: 2 }),
    },
  ];
  const sqlite = new Store(new Database(template));
  try {
    const counting = countingStore(sqlite);
    const deps: Deps = { store: counting.store, now: () => START, log: quietLog, ports: localPorts(path.join(os.tmpdir(), 'wg-bench-no-uploads')) };
    const drained = async (refs: unknown[] | undefined, who: string) => {
      if (refs?.length) await handle(FUNCTIONS.effects, { action: 'drain', data: { refs } }, identityOf(who), deps);
    };
    const ids: Record<string, string> = {};
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      const env = await handle(FUNCTIONS.points, { action: 'declare', data: declare }, identityOf(MEMBER), deps);
      if (!env.ok) throw new Error(env.error.message);
      ids[k] = (env.data as { id: string }).id;
      await drained(env.pending, MEMBER);
    }
    const rows: Array<{ label: string; total: number; sequential: number; calls: string }> = [];
    for (const st of steps) {
      counting.reset();
      const env = await handle(FUNCTIONS.points, { action: st.action, data: st.data(ids) }, identityOf(st.who), deps);
      if (!env.ok) throw new Error(`${st.label}: ${env.error.code} ${env.error.message}`);
      const calls = counting.calls();
      rows.push({ label: st.label, total: calls.length, sequential: calls.filter((c) => !c.overlapped).length, calls: callsText(calls) });
      // What the step left pending (the credit a 核实 carries) is applied as the client's effects.drain call does, uncounted.
      await drained(env.pending, st.who);
    }
    return rows;
  } finally {
    await sqlite.close();
  }
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const r = await measureRankings(ctx);
  const trips = await measureTrips(await seededTemplate());
  const ms = (s: Summary) => `${fmt(s.mean / 1000, 2)} ms`;
  const p95 = (s: Summary) => `${fmt(s.p95 / 1000, 2)} ms`;
  const figures: Record<string, number | string> = {
    members: r.members,
    'ledger entries': r.entries,
    'seed s': r.seedS,
    'file MiB': mib(r.bytes),
    'ledger reads by ranking actions': r.ledgerReads,
    'check:points s (full recompute)': r.checkS,
    'check:points agrees': r.check.ok ? 'yes' : 'NO',
  };
  for (const t of r.rows) {
    figures[`${t.label} mean ms`] = t.s.mean / 1000;
    figures[`${t.label} port calls`] = t.calls.length;
  }
  for (const t of trips) figures[`round trips ${t.label}`] = t.total;
  const markdown = [
    `Temp dir, SQLite adapter, one community of ${fmt(r.members)} members in ${GRIDS} grids and ${ORGS} reporting organisations, ${fmt(r.entries)} ledger`,
    `entries for ${YEAR} (seeded in one transaction in ${fmt(r.seedS, 1)} s; file ${mib(r.bytes)} MiB), with the kept totals and roll-ups the write path maintains.`,
    'Each action runs through the real runtime (`handle`: actor load, validation, authorisation) on a counting store; "port calls" are',
    'the database round trips of one call, by collection. The ranking actions read `points_totals` / `points_rollups` only:',
    `**${r.ledgerReads} reads of \`points_ledger\`** across all ranking calls. "My rank" is \`count(total > mine) + 1\` on the`,
    '(communityId, year, total, memberId) index — an index-range count, not a scan.',
    '',
    table(
      ['action', 'mean', 'p95', 'port calls (one call)', 'result'],
      r.rows.map((t) => [t.label, ms(t.s), p95(t.s), `${t.calls.length}: ${callsText(t.calls)}`, t.note]),
    ),
    '',
    `Query plan, ranking page 50: \`${r.plans.page}\``,
    '',
    `Query plan, my rank (count of higher totals): \`${r.plans.rank}\``,
    '',
    `Query plan, my ledger page (\`points.mine\`, own entries only): \`${r.plans.mine}\``,
    '',
    `\`npm run check:points\` (recompute every total from the ledger, a deliberate full scan): ${fmt(r.checkS, 2)} s, ${r.check.ok ? 'agrees' : `${r.check.differences.length} differences`}.`,
    '',
    'Database round trips per points action (demo street; actor load included; calls in parallel counted once under "sequential"):',
    '',
    table(
      ['action', 'round trips', 'sequential', 'calls'],
      trips.map((t) => [t.label, t.total, t.sequential, t.calls]),
    ),
  ].join('\n');
  return { markdown, figures };
}

export const pointsSection: Section = {
  id: 'points',
  title: 'Points rankings on 10,000 members and 1,000,000 ledger entries',
  run,
};
