/** The dashboard's known scenario: five orders filed and moved through the real API on one day, and the figures they must give. */
import { act, goodOrder } from './orders';
import { buildingId } from '../../local/seed';
import { C1, PEOPLE } from './people';
import type { TestServer } from './server';
import { okData } from './server';

const MIN = 60_000;

/** 李建国's home, in 梅川第一居委会's 第二网格. */
export const OTHER_GRID_BUILDING = buildingId(C1, 2, 3);

/** 2026-11-20 10:00 Shanghai: every event below happens that day, between 10:00 and 16:00. */
export const SCENARIO_START = Date.parse('2026-11-20T02:00:00Z');
export const SCENARIO_DAY = '2026-11-20';

/**
 * o1 黄: dispatched, accepted after 30 min (on time), completed at 2 h, rated 5.
 * o2 绿 (环境卫生): pooled, claimed at 1 h, completed at 5 h, rated 2 → 重办.
 * o3 红, category corrected to 安全隐患: pooled, claimed at 2 h (late: due 1 h after triage).
 * o4: rejected. o5 黄: cancelled before anyone took it.
 */
export async function runScenario(s: TestServer): Promise<Record<'o1' | 'o2' | 'o3' | 'o4' | 'o5', string>> {
  const at = (minutes: number) => {
    s.clock.now = SCENARIO_START + minutes * MIN;
  };
  at(0);
  const file = async (extra: Record<string, unknown> = {}) => okData(await s.call<{ id: string }>('orders', 'file', goodOrder(extra), PEOPLE.resident)).id;
  const o1 = await file();
  const o2 = await file({ category: '环境卫生', description: '小区垃圾房旁边的垃圾堆了三天没人清运' });
  const o3 = await file({ description: '楼道里电线裸露，担心有安全隐患' });
  const o4 = await file({ description: '想问一下小区门口的停车费怎么收' });
  const o5 = await file({ description: '单元门的门禁坏了，进出都要人开门' });
  at(5);
  await act(s, 'reject', { orderId: o4, reason: '不属于社区受理范围，请咨询物业' }, PEOPLE.staff);
  at(10);
  await act(s, 'triage', { orderId: o1, colour: 'yellow' }, PEOPLE.staff);
  await act(s, 'triage', { orderId: o2, colour: 'green' }, PEOPLE.staff);
  await act(s, 'triage', { orderId: o3, colour: 'red', category: '安全隐患' }, PEOPLE.staff);
  await act(s, 'triage', { orderId: o5, colour: 'yellow' }, PEOPLE.staff);
  at(15);
  await act(s, 'pool', { orderId: o2, level: 'grid' }, PEOPLE.staff);
  await act(s, 'pool', { orderId: o3, level: 'grid' }, PEOPLE.staff);
  at(20);
  await act(s, 'dispatch', { orderId: o1, memberId: PEOPLE.member }, PEOPLE.staff);
  at(30);
  await act(s, 'accept', { orderId: o1 }, PEOPLE.member);
  at(40);
  await act(s, 'cancel', { orderId: o5, reason: '门禁已经自己修好了' }, PEOPLE.resident);
  at(60);
  await act(s, 'claim', { orderId: o2 }, PEOPLE.member);
  at(120);
  await act(s, 'claim', { orderId: o3 }, PEOPLE.member);
  await act(s, 'complete', { orderId: o1, note: '已更换灯泡' }, PEOPLE.member);
  at(180);
  await act(s, 'rate', { orderId: o1, stars: 5 }, PEOPLE.resident);
  at(300);
  await act(s, 'complete', { orderId: o2, note: '已联系环卫清运' }, PEOPLE.member);
  at(360);
  await act(s, 'rate', { orderId: o2, stars: 2, comment: '垃圾又堆起来了' }, PEOPLE.resident);
  return { o1, o2, o3, o4, o5 };
}

/** What the summary must say for community 1 (and every node above the building) for 今天 = 2026-11-20. */
export const TODAY_FIGURES = {
  filed: 5,
  rejected: 1,
  cancelled: 1,
  responded: 3,
  completed: 2,
  rated: 2,
  ratedGood: 1,
  reopened: 1,
  /**
   * Answered today: o1 and o2 on time, o3 late (its 1 h had passed); o5 was cancelled first. o2's deadline is tomorrow,
   * yet it was answered today, so it counts today: the 响应率 covers the same 3 orders as 「3 单已接单」.
   */
  responseRate: { num: 2, den: 3, rate: 2 / 3 },
  /** o1 was solved and rated 5★ today (its deadline is 11-23): solved today, 1/1, never "—". */
  resolutionRate: { num: 1, den: 1, rate: 1 },
  satisfactionRate: { num: 1, den: 2, rate: 0.5 },
  reopenRate: { num: 1, den: 2, rate: 0.5 },
  /** 30, 60 and 120 min: buckets [30,60), [60,120), [120,240); the middle one interpolates to 90. */
  medianResponse: 90,
  /** 120 and 300 min: buckets [120,240) and [240,480); interpolated median 240. */
  medianResolution: 240,
  byCategory: { 维修: 3, 环境卫生: 1, 安全隐患: 1 },
  byColour: { red: 1, yellow: 2, green: 1 },
  open: { in_progress: 1, reopened: 1 },
} as const;

/** Custom 11-20 … 11-30: every deadline falls inside. */
export const RANGE_FIGURES = {
  responseRate: { num: 2, den: 3 },
  resolutionRate: { num: 1, den: 3 },
  onTimeRate: { num: 2, den: 3 },
} as const;

/** 2026-11-20 16:30: 李建国 files in 第二网格 and it is triaged 红 (respond by 17:30), then nobody answers it. */
export async function fileUnanswered(s: TestServer): Promise<string> {
  s.clock.now = SCENARIO_START + 390 * MIN;
  const id = okData(
    await s.call<{ id: string }>('orders', 'file', goodOrder({ buildingId: OTHER_GRID_BUILDING, description: '二网格楼下的消防通道被电动车堵住了' }), PEOPLE.otherResident),
  ).id;
  await act(s, 'triage', { orderId: id, colour: 'red' }, PEOPLE.staff);
  return id;
}
