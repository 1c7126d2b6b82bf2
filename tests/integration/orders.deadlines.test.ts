/**
 * 工作日时限 (issue 14 point 5) through the HTTP server: a community counts 红 in working days, a red order triaged
 * on 9月30日 is due after 国庆 and is not escalated during it, while one counted in natural days is; the on-time
 * rate uses the same deadlines. Also who may change the rules and what bad input says.
 */
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { OrderRulesView } from '../../shared/orders/schemas';
import { CALENDAR_YEARS } from '../../shared/calendar/workdays';
import { formatDeadline } from '../../shared/time';
import { act, detail, goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';

/** An instant given in Shanghai time. */
const at = (local: string) => Date.parse(`${local}+08:00`);

let s: TestServer;
beforeAll(async () => {
  // 时限规则 are saved by the duties function and read warm by orders (docs/orders.md): in cloud mode they run in different
  // containers, which see a change within WG_WARM_TTL_MS; this suite saves and triages at once, so it keeps no warm copy.
  s = await startTestServer({ start: at('2026-09-30T10:00:00'), functionEnv: { WG_WARM_TTL_MS: '0' } });
});
afterAll(() => s.close());

const rules = async (who: string = PEOPLE.staff) => okData(await s.call<OrderRulesView>('duties', 'rules', { communityId: NODES.community1 }, who));
const setRule = (data: Record<string, unknown>, who: string = PEOPLE.staff) =>
  s.call<OrderRulesView>('duties', 'setRule', { communityId: NODES.community1, colour: 'red', respondHours: 1, resolveHours: 24, days: 'working', ...data }, who);
const sweep = async () => okData(await runTimer<{ escalated: number }>(s, 'orders', 'sweep'));

/** Files an order now, triages it 红 and has the member take it (so only the 办结 deadline is left to miss). */
async function redOrderTaken(): Promise<string> {
  const id = okData(await s.call<{ id: string }>('orders', 'file', goodOrder(), PEOPLE.resident)).id;
  await act(s, 'triage', { orderId: id, colour: 'red' }, PEOPLE.gridLeader);
  await act(s, 'dispatch', { orderId: id, memberId: PEOPLE.member }, PEOPLE.staff);
  await act(s, 'accept', { orderId: id }, PEOPLE.member);
  return id;
}

describe('时限规则', () => {
  it('default to natural days; staff of the community read them, only community or street staff change them', async () => {
    const before = await rules(PEOPLE.gridWorker);
    expect(before).toMatchObject({ isDefault: true, canEdit: false, colours: { red: { respondHours: 1, resolveHours: 24, days: 'natural' } } });
    expect(errorOf(await setRule({}, PEOPLE.gridLeader)).code).toBe('FORBIDDEN');
    expect(errorOf(await setRule({}, PEOPLE.otherStaff)).code).toBe('FORBIDDEN');
    expect(errorOf(await s.call('duties', 'rules', { communityId: NODES.community1 }, PEOPLE.resident)).code).toBe('FORBIDDEN');
    expect((await rules()).isDefault).toBe(true);
  });

  it('bad input is refused with a message naming the field, and nothing changes', async () => {
    expect(errorOf(await setRule({ respondHours: 30, resolveHours: 24 })).fields).toEqual({ resolveHours: '办结时限不能短于响应时限' });
    expect(errorOf(await setRule({ days: 'weekly' })).fields).toEqual({ days: '计算方式不在可选范围内' });
    expect(errorOf(await setRule({ resolveHours: 0 })).fields).toEqual({ resolveHours: '办结时限（小时）不能小于 1' });
    expect(errorOf(await setRule({ colour: 'blue' })).fields).toEqual({ colour: '颜色不在可选范围内' });
    expect(errorOf(await setRule({ communityId: NODES.grid1 })).fields).toEqual({ communityId: '请选择一个社区' });
    expect((await rules()).isDefault).toBe(true);
  });
});

describe('a red order triaged on 9月30日, the day before 国庆', () => {
  let natural: string;
  let working: string;
  let workingLate: string;

  it('in natural days is due on 10月1日; once the community counts 红 in working days, it is due on 10月8日', async () => {
    natural = await redOrderTaken();
    expect(await detail(s, natural)).toMatchObject({ respondBy: at('2026-09-30T11:00:00'), resolveBy: at('2026-10-01T10:00:00') });

    const saved = okData(await setRule({}));
    expect(saved).toMatchObject({ isDefault: false, canEdit: true, colours: { red: { days: 'working' }, yellow: { days: 'natural', resolveHours: 72 } } });
    expect((await rules(PEOPLE.gridWorker)).colours.red.days).toBe('working');
    // Another colour saved later keeps red's change (one colour's fields are written).
    const green = okData(await setRule({ colour: 'green', respondHours: 24, resolveHours: 120, days: 'natural' }, PEOPLE.street));
    expect(green.colours).toMatchObject({ red: { days: 'working' }, green: { resolveHours: 120, days: 'natural' } });
    expect((await rules()).colours).toMatchObject({ red: { resolveHours: 24, days: 'working' }, green: { resolveHours: 120 } });

    working = await redOrderTaken();
    workingLate = await redOrderTaken();
    const order = await detail(s, working);
    // The clock stops from 10月1日 to 7日: 14 h on the 30th, then 10 h on the 8th.
    expect(order).toMatchObject({ respondBy: at('2026-09-30T11:00:00'), resolveBy: at('2026-10-08T10:00:00') });
    expect(`${formatDeadline(order.resolveBy!, s.clock.now)}前办结`).toBe('10月8日（周四）10:00前办结');
  });

  it('during the holiday the sweep escalates the natural-day order only', async () => {
    s.clock.now = at('2026-10-03T10:00:00');
    expect((await sweep()).escalated).toBe(1);
    expect(await detail(s, natural)).toMatchObject({ overdue: true });
    expect((await detail(s, natural)).timeline.at(-1)?.action).toMatch(/^超时未办结/);
    for (const id of [working, workingLate]) expect((await detail(s, id)).overdue).toBe(false);
  });

  it('after the holiday the working-day order is escalated only once its deadline has passed', async () => {
    s.clock.now = at('2026-10-08T09:00:00');
    await act(s, 'complete', { orderId: natural, note: '已处理' }, PEOPLE.member);
    await act(s, 'complete', { orderId: working, note: '已处理' }, PEOPLE.member);
    expect((await sweep()).escalated).toBe(0);
    s.clock.now = at('2026-10-08T10:30:00');
    expect((await sweep()).escalated).toBe(1);
    expect(await detail(s, workingLate)).toMatchObject({ overdue: true });
    expect((await detail(s, working)).overdue).toBe(false);
  });

  it('the on-time rate counts against the same deadlines: both completed on 10月8日 09:00, only the working-day one on time', async () => {
    const v = okData(await s.call<SummaryView>('dashboard', 'summary', { areaId: NODES.community1, period: 'custom', from: '2026-09-30', to: '2026-10-08' }, PEOPLE.staff));
    expect(v.rates.onTimeRate).toMatchObject({ num: 1, den: 3 });
  });
});

describe('a year whose 放假安排 the calendar lacks', () => {
  it('the rules say so from 15 December: deadlines reaching into it count Monday to Friday', async () => {
    const last = Math.max(...CALENDAR_YEARS);
    s.clock.now = at(`${last}-12-14T12:00:00`);
    expect((await rules()).calendarGap).toEqual([]);
    s.clock.now = at(`${last}-12-15T09:00:00`);
    expect((await rules()).calendarGap).toEqual([last + 1]);
  });
});
