/** Stored declaration timelines in words convert to codes once (backend/points/migrate.ts), then show exactly as before. */
import { DECLARATION_TIMELINE_CODES } from '../../backend/points/migrate';
import type { WordsEntry } from '../../backend/points/migrate';
import type { DeclarationDoc } from '../../backend/points/repo';
import { declarations } from '../../backend/points/repo';
import { MIGRATIONS } from '../../backend/records/migrate';
import type { UserDoc } from '../../backend/users/repo';
import { buildingId } from '../../local/seed';
import { declarationLabel, declarationNote } from '../../shared/points/machine';
import type { DeclarationView } from '../../shared/points/schemas';
import type { Page } from '../../shared/users/schemas';
import { C1, NODES, PEOPLE } from '../support/people';
import { declarationIn, declare } from '../support/points';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
/** A member in 第二网格, which has no 网格长: their declarations go straight to the community. */
const MEMBER_G2 = 'u-member-g2';
beforeAll(async () => {
  s = await startTestServer();
  const areas = s.store.collection<{ _id: string; path: string }>('areas');
  const [c1, home] = await Promise.all([areas.get(NODES.community1), areas.get(buildingId(C1, 2, 1))]);
  await s.store.collection<UserDoc>('users').insert({
    _id: MEMBER_G2,
    name: '钱党员',
    roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
    roleNames: ['member'],
    staffAreaIds: [],
    skills: [],
    rev: 0,
    createdAt: 0,
    homeAreaId: home!._id,
    homePath: home!.path,
  });
});
afterAll(() => s.close());

const migrate = () => DECLARATION_TIMELINE_CODES.run(s.store);
const views = async (who: string) => okData(await s.call<Page<DeclarationView>>('points', 'myDeclarations', { pageSize: 50 }, who)).items;

/** An entry as the code before codes stored it: the words the view shows, the hours inside the note. */
const asWords = (d: DeclarationDoc): WordsEntry[] =>
  d.timeline.map((e) => ({
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    role: e.role,
    action: declarationLabel(e),
    ...(declarationNote(e) ? { note: declarationNote(e) ?? '' } : {}),
  }));

test('is listed with the other migrations', () => {
  expect(MIGRATIONS).toContain(DECLARATION_TIMELINE_CODES);
});

test('declarations through every step, stored back in words: converted once, then the same entries and views', async () => {
  const ids = [
    ...(await Promise.all(['declared', 'forwarded', 'returned', 'verified', 'rejected'].map((st) => declarationIn(s, st)))),
    await declare(s, { hours: 1.5 }, MEMBER_G2),
  ];
  okData(await s.call('points', 'verify', { declarationId: ids[5], points: 4, note: '照片齐全' }, PEOPLE.staff));
  const coded = await declarations(s.store).find({ _id: { $in: ids } });
  expect(coded.flatMap((d) => d.timeline.map((e) => e.code)).sort()).toEqual(
    ['declare', 'declare', 'declare', 'declare', 'declare', 'declare', 'forward', 'forward', 'forward', 'sendBack', 'verify', 'reject', 'direct', 'verify'].sort(),
  );
  const [before, beforeG2] = [await views(PEOPLE.member), await views(MEMBER_G2)];

  await migrate();
  for (const d of coded) await declarations(s.store).updateWhere({ _id: d._id }, { $set: { timeline: asWords(d) } });
  expect(await migrate()).toBe(ids.length);
  expect(await migrate()).toBe(0);

  const converted = await declarations(s.store).find({ _id: { $in: ids } });
  expect(new Map(converted.map((d) => [d._id, d.timeline]))).toEqual(new Map(coded.map((d) => [d._id, d.timeline])));
  expect(await views(PEOPLE.member)).toEqual(before);
  expect(await views(MEMBER_G2)).toEqual(beforeG2);
});

test('a declaration stored by the old code, every kind of line: converted, shown in the same words', async () => {
  const member = { actorId: PEOPLE.member, actorName: '张伟', role: '党员' };
  const system = { actorId: 'system', actorName: '系统', role: '系统' };
  const leader = { actorId: PEOPLE.gridLeader, actorName: '赵强', role: '网格长' };
  const staff = { actorId: PEOPLE.staff, actorName: '孙丽', role: '社区' };
  const words: WordsEntry[] = [
    { at: 1, ...member, action: '申报服务', note: '3 小时' },
    { at: 2, ...system, action: '申报人是本网格网格长，直接报社区核实' },
    { at: 3, ...system, action: '未划入网格，直接报社区核实' },
    { at: 4, ...leader, action: '汇总上报社区', note: '本周汇总' },
    { at: 5, ...leader, action: '退回申报', note: '请补充照片' },
    { at: 6, ...staff, action: '核实通过，记 5 分', note: '属实' },
    { at: 7, ...staff, action: '核实未通过', note: '当天没有该项活动' },
    { at: 8, ...staff, action: '某个不再使用的说法' },
  ];
  const id = await declare(s);
  await declarations(s.store).updateWhere({ _id: id }, { $set: { timeline: words } });
  expect(await migrate()).toBe(1);
  const doc = await declarations(s.store).get(id);
  expect(doc?.timeline.map((e) => [e.code, e.data ?? null, e.note ?? null])).toEqual([
    ['declare', { hours: 3 }, null],
    ['direct', { why: 'ownGrid' }, null],
    ['direct', { why: 'noGrid' }, null],
    ['forward', null, '本周汇总'],
    ['sendBack', null, '请补充照片'],
    ['verify', { points: 5 }, '属实'],
    ['reject', null, '当天没有该项活动'],
    ['words', { words: '某个不再使用的说法' }, null],
  ]);
  const shown = (await views(PEOPLE.member)).find((d) => d.id === id);
  expect(shown?.steps.map((st) => [st.action, st.note])).toEqual(words.map((w) => [w.action, w.note ?? null]));
  expect(await migrate()).toBe(0);
});
