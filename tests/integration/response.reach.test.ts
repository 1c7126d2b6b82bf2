/**
 * 一键响应 to a grid reaches the 在职党员 who live there: their role is granted on the whole community, so
 * they are found by their registered home as well as by where the role was granted.
 */
import type { InstructionDetail, ReceiptPage } from '../../shared/response/schemas';
import { buildingId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import { HOUR, addPerson } from '../support/response';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  // Three more members living in 第一网格 (张伟 lives there already), and one living in 第二网格.
  for (const [i, b] of [
    [1, 1],
    [2, 3],
    [3, 4],
  ] as const) {
    await addPerson(s, { id: `u-g1-member${i}`, name: `一网格党员${i}`, role: 'member', areaId: NODES.community1, homeId: buildingId(C1, 1, b) });
  }
  await addPerson(s, { id: 'u-g2-member', name: '二网格党员', role: 'member', areaId: NODES.community1, homeId: buildingId(C1, 2, 1) });
});
afterAll(() => s.close());

const send = (areaId: string, roles: string[]) =>
  s.call<{ id: string; recipients: number }>(
    'response',
    'send',
    { areaId, roles, title: '防汛值守', text: '今晚八点到楼道口集合巡查', deadline: s.clock.now + 6 * HOUR },
    PEOPLE.street,
  );

test('sent to a grid for members, it reaches the four members who live in that grid and nobody living elsewhere', async () => {
  const { id, recipients } = okData(await send(NODES.grid1, ['member']));
  expect(recipients).toBe(4);
  const detail = okData(await s.call<InstructionDetail>('response', 'detail', { instructionId: id }, PEOPLE.street));
  const people = detail.tally?.groups.flatMap((g) => g.people.map((p) => p.name)) ?? [];
  expect(people.sort()).toEqual(['一网格党员1', '一网格党员2', '一网格党员3', '张伟'].sort());
  expect(detail.tally?.groups.map((g) => g.name)).toEqual(['梅川第一居委会 · 第一网格']);
  const inbox = async (who: string) => okData(await s.call<ReceiptPage>('response', 'inbox', {}, who)).items.map((r) => r.instructionId);
  expect(await inbox(PEOPLE.member)).toContain(id);
  expect(await inbox('u-g2-member')).not.toContain(id);
  expect(await inbox(PEOPLE.memberOutOfScope)).not.toContain(id);
});

test('sent to a grid for everyone, its workers, leader and resident members all receive it; a building reaches who lives in it', async () => {
  const all = okData(await send(NODES.grid1, ['member', 'grid_worker', 'grid_leader']));
  expect(all.recipients).toBe(6);
  expect(okData(await send(buildingId(C1, 1, 2), ['member'])).recipients).toBe(1);
});
