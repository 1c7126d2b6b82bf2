/**
 * Database requests of the actions no domain cost test measures (issue 12: at most 3 before the answer), each on its
 * success path in a warm instance: locally every DocumentStore call of the function (a counting store), in cloud mode
 * what the simulator bills the invocation. Effects drained after the answer are not the person's wait.
 * `WG_COST_TABLE=1` prints the table.
 */
import type { UserDoc } from '../../backend/users/repo';
import type { FunctionName } from '../../shared/api';
import type { RulesView } from '../../shared/points/schemas';
import type { ModeStatusView } from '../../shared/response/schemas';
import type { UnitView } from '../../shared/units/schemas';
import type { DutiesView } from '../../shared/duties/schemas';
import { PRIVACY_VERSION } from '../../shared/users/schemas';
import type { Meter } from '../support/cost';
import { meterAndRuntime, inRound, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import { HOUR } from '../support/response';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(300_000);

const GOAL = 3;

let s: TestServer;
let requestsOf: Meter;
let run: ReturnType<typeof meterAndRuntime>['run'];
beforeAll(async () => {
  // One container per function in cloud mode, so the warm instance is the one measured; its kept copies last the whole
  // test, so a slow first call (a poster on a loaded machine outlasts the 10 s default) never leaves the measured one cold.
  s = await startTestServer({ containers: 1, functionEnv: WARM_FOR_COSTS });
  // Set-up calls go through the measured instance too, so they warm or cool only what a person's earlier calls would.
  ({ requests: requestsOf, run } = meterAndRuntime(s));
  // Codes and posters name the web app's address (cloud mode: the simulator sets it for the containers).
  process.env.WG_PUBLIC_URL = s.url;
});
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await s.close();
});

interface Call {
  who: string;
  data: Record<string, unknown>;
}

interface Case {
  fn: string;
  action: string;
  variant?: string;
  prepare(): Promise<Call>;
}

const ok = <T>(fn: string, action: string, data: Record<string, unknown>, who: string): Promise<T> => run<T>(fn as FunctionName, action, data, who);

let people = 0;
/** A fresh person with no roles and no home. */
async function newcomer(): Promise<string> {
  const id = `u-cost-${++people}`;
  await s.store.collection<UserDoc>('users').insert({ _id: id, name: `新人${people}`, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: s.clock.now });
  return id;
}

let sent = 0;
/** A fresh 一键响应 instruction from 孙丽 to the members of 梅川第一居委会. */
async function instruction(): Promise<string> {
  const data = { areaId: NODES.community1, roles: ['member'], title: `防汛准备${++sent}`, text: '今晚有暴雨，请检查地下车库和低洼楼栋。', deadline: s.clock.now + 6 * HOUR };
  return (await ok<{ id: string }>('response', 'send', data, PEOPLE.staff)).id;
}

const visit = (extra: Record<string, unknown> = {}) => ({
  buildingId: NODES.building1,
  residentName: '王秀英',
  residentId: PEOPLE.resident,
  heard: '楼道里堆了很多纸箱，老人担心着火，希望尽快清理',
  tags: ['安全隐患'],
  ...extra,
});
let visits = 0;
const recorded = async () => (await ok<{ id: string }>('diary', 'record', visit(), PEOPLE.gridWorker)).id;

let units = 0;
/** A unit of 梅川第一居委会 with a fresh person on its staff. */
async function unitWithStaff(): Promise<{ unitId: string; userId: string }> {
  const unit = await ok<UnitView>(
    'units',
    'create',
    { scopeId: NODES.community1, kind: 'property', name: `梅川物业${++units}`, areaIds: [NODES.community1], contactName: '李经理', contactMobile: '13800001111' },
    PEOPLE.staff,
  );
  const userId = await newcomer();
  await ok('units', 'addStaff', { unitId: unit.id, userId }, PEOPLE.staff);
  return { unitId: unit.id, userId };
}

let duties = 0;
/** A community entry of the 职责清单, just added, and the list read again as the page does after a save: its id. */
async function dutyEntry(): Promise<string> {
  const item = `楼道堆物${++duties}`;
  const view = await ok<DutiesView>('duties', 'set', { areaId: NODES.community1, list: 'assist', item, keywords: ['堆物'], party: 'community' }, PEOPLE.staff);
  await ok('duties', 'list', { areaId: NODES.community1 }, PEOPLE.staff);
  return view.entries.find((e) => e.item === item)!.id;
}

let orgs = 0;
const organisation = () => ({
  communityId: NODES.community1,
  name: `梅川共建单位${++orgs}党支部`,
  contactName: '黄海燕',
  contactMobile: '13900003001',
  agreement: '每季度组织党员到社区开展一次志愿服务。',
});

/** A rule that differs from the last one set, so each save changes something. */
let ruleChanges = 0;

const as =
  (who: string, data: Record<string, unknown> = {}) =>
  async (): Promise<Call> => ({ who, data });

const CASES: Case[] = [
  // 网格树
  { fn: 'areas', action: 'get', prepare: as(PEOPLE.resident, { id: NODES.building1 }) },
  { fn: 'areas', action: 'search', prepare: as(PEOPLE.staff, { q: '1号楼', withinId: NODES.community1 }) },
  // People
  { fn: 'users', action: 'me', prepare: as(PEOPLE.resident) },
  { fn: 'users', action: 'setHome', prepare: async () => ({ who: await newcomer(), data: { name: '李阿姨', buildingId: NODES.building1 } }) },
  { fn: 'users', action: 'acceptPrivacy', prepare: async () => ({ who: await newcomer(), data: { version: PRIVACY_VERSION } }) },
  { fn: 'users', action: 'listPeople', prepare: as(PEOPLE.staff, { areaId: NODES.community1 }) },
  { fn: 'users', action: 'setElderMode', prepare: as(PEOPLE.resident, { on: true }) },
  { fn: 'users', action: 'callContact', prepare: as(PEOPLE.resident) },
  { fn: 'notifications', action: 'markRead', prepare: as(PEOPLE.resident) },
  // 积分
  { fn: 'points', action: 'rules', prepare: as(PEOPLE.staff) },
  {
    fn: 'points',
    action: 'setRules',
    prepare: async () => {
      const { rules } = await ok<RulesView>('points', 'rules', {}, PEOPLE.staff);
      return { who: PEOPLE.staff, data: { communityId: NODES.community1, ...rules, onTimeBonus: rules.onTimeBonus === 1 ? 2 : 1 } };
    },
  },
  { fn: 'points', action: 'orgRanking', prepare: as(PEOPLE.staff) },
  { fn: 'points', action: 'gridRanking', prepare: as(PEOPLE.staff) },
  { fn: 'points', action: 'duty', prepare: as(PEOPLE.staff) },
  // 双报到
  { fn: 'members', action: 'verifyCert', prepare: as(PEOPLE.staff, { certNo: 'CZ-2026-000001' }) },
  { fn: 'members', action: 'createOrganisation', prepare: async () => ({ who: PEOPLE.staff, data: organisation() }) },
  { fn: 'members', action: 'listOrganisations', prepare: as(PEOPLE.staff, { communityId: NODES.community1 }) },
  { fn: 'members', action: 'linkOrg', prepare: as(PEOPLE.member, { orgId: 'O-demo-meichuan' }) },
  { fn: 'members', action: 'library', prepare: as(PEOPLE.staff) },
  // 民情二维码
  { fn: 'codes', action: 'forNode', prepare: as(PEOPLE.gridWorker, { areaId: NODES.building1 }) },
  { fn: 'codes', action: 'forActivity', prepare: as(PEOPLE.staff, { activityId: 'va-demo-1' }) },
  { fn: 'codes', action: 'resolve', prepare: as(PEOPLE.otherResident, { scene: `n=${NODES.building1}` }) },
  { fn: 'codes', action: 'poster', prepare: as(PEOPLE.gridWorker, { areaId: NODES.building1 }) },
  { fn: 'codes', action: 'posterForGrid', prepare: as(PEOPLE.gridWorker, { gridId: NODES.grid1 }) },
  // 一键响应 and 平时/急时
  {
    fn: 'response',
    action: 'send',
    prepare: async () => ({
      who: PEOPLE.staff,
      data: { areaId: NODES.community1, title: '防汛准备', text: '今晚有暴雨，请各网格检查地下车库和低洼楼栋。', deadline: s.clock.now + 6 * HOUR },
    }),
  },
  { fn: 'response', action: 'sent', prepare: as(PEOPLE.staff) },
  { fn: 'response', action: 'inbox', prepare: as(PEOPLE.member) },
  { fn: 'response', action: 'detail', prepare: async () => ({ who: PEOPLE.staff, data: { instructionId: await instruction() } }) },
  { fn: 'response', action: 'ack', prepare: async () => ({ who: PEOPLE.member, data: { instructionId: await instruction() } }) },
  { fn: 'response', action: 'reply', prepare: async () => ({ who: PEOPLE.member, data: { instructionId: await instruction(), text: '已检查车库' } }) },
  { fn: 'response', action: 'remind', prepare: async () => ({ who: PEOPLE.staff, data: { instructionId: await instruction() } }) },
  { fn: 'response', action: 'banner', prepare: as(PEOPLE.member) },
  { fn: 'response', action: 'modeStatus', prepare: as(PEOPLE.staff, { communityId: NODES.community1 }) },
  {
    fn: 'response',
    action: 'switchMode',
    prepare: async () => {
      const { community } = await ok<ModeStatusView>('response', 'modeStatus', { communityId: NODES.community1 }, PEOPLE.staff);
      return { who: PEOPLE.staff, data: { communityId: NODES.community1, mode: community!.mode === 'normal' ? 'emergency' : 'normal', reason: '防汛演练' } };
    },
  },
  // 民情日记
  // The page sends a request key with every visit (miniprogram/src/api/keyed.ts): a resend finds the first.
  { fn: 'diary', action: 'record', prepare: async () => ({ who: PEOPLE.gridWorker, data: visit({ requestKey: `diary-cost-${++visits}` }) }) },
  { fn: 'diary', action: 'list', prepare: as(PEOPLE.gridWorker) },
  { fn: 'diary', action: 'detail', prepare: async () => ({ who: PEOPLE.gridWorker, data: { visitId: await recorded() } }) },
  {
    fn: 'diary',
    action: 'toOrder',
    variant: 'a number typed',
    prepare: async () => ({ who: PEOPLE.gridWorker, data: { visitId: await recorded(), category: '安全隐患', contactMobile: '13912345678' } }),
  },
  {
    fn: 'diary',
    action: 'toOrder',
    variant: "the resident's number",
    prepare: async () => ({ who: PEOPLE.gridWorker, data: { visitId: await recorded(), category: '安全隐患' } }),
  },
  // 操作日志
  { fn: 'audit', action: 'list', prepare: as(PEOPLE.staff) },
  // 多方接单
  { fn: 'units', action: 'list', prepare: as(PEOPLE.staff, { areaId: NODES.community1 }) },
  { fn: 'units', action: 'removeStaff', prepare: async () => ({ who: PEOPLE.staff, data: await unitWithStaff() }) },
  // 职责清单 and 时限规则
  { fn: 'duties', action: 'remove', prepare: async () => ({ who: PEOPLE.staff, data: { areaId: NODES.community1, entryId: await dutyEntry() } }) },
  { fn: 'duties', action: 'rules', prepare: as(PEOPLE.staff, { communityId: NODES.community1 }) },
  {
    fn: 'duties',
    action: 'setRule',
    prepare: async () => ({ who: PEOPLE.staff, data: { communityId: NODES.community1, colour: 'red', respondHours: 1 + (++ruleChanges % 2), resolveHours: 24, days: 'working' } }),
  },
];

/**
 * Actions still over the goal on a warm instance, each held to its measured figure (local, cloud) so it cannot grow, and
 * failing once it comes down (then it leaves this list). Why each is over is said beside it. None is now.
 */
const OVER: Record<string, { local: number; cloud: number }> = {};

const label = (c: Case) => `${c.fn}.${c.action}${c.variant ? ` (${c.variant})` : ''}`;

/** The requests of one call (tests/support/cost.ts). */
const requests = (c: Case, { who, data }: Call): Promise<number> => requestsOf(c.fn as FunctionName, c.action, data, who);

it(`every action no domain cost test measures makes at most ${GOAL} database requests before it answers (warm instance)`, async () => {
  const rows: Array<[string, number]> = [];
  for (const c of CASES) {
    // The first call warms the instance (areas, rules, organisations); the second, right after, is measured — within the
    // instance's keep time (WG_WARM_TTL_MS), which a whole round of these cases would outlast in cloud mode.
    for (const round of [0, 1]) {
      const n = await inRound(round, async () => requests(c, await c.prepare()));
      if (round === 1) rows.push([label(c), n]);
    }
  }
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}\n${rows.map(([l, n]) => `${l}\t${n}`).join('\n')}`);
  expect(rows.filter(([l, n]) => n > GOAL && !OVER[l])).toEqual([]);
  expect(rows.filter(([l]) => OVER[l])).toEqual(Object.entries(OVER).map(([l, figures]) => [l, figures[s.backend]]));
  expect(s.logged).toEqual([]);
});
