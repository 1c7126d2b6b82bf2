/** The statutory calendar deadlines count working days by: 调休, holidays, coverage, and the 截止 wording. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CALENDAR_SOURCE, CALENDAR_YEARS, addWorkingHours, calendarGap, isWorkday, requiredYears } from '../../../shared/calendar/workdays';
import { deadlinesOf } from '../../../backend/orders/rules';
import { DEFAULT_COLOUR_RULES } from '../../../shared/orders/model';
import { formatDeadline } from '../../../shared/time';

const at = (local: string) => Date.parse(`${local}+08:00`);
const H = 3600_000;

describe('working days', () => {
  it('a 调休 Saturday is a working day, an ordinary weekend is not, a weekday holiday is not', () => {
    expect(isWorkday('2026-10-10')).toBe(true); // 周六，国庆调休上班
    expect(isWorkday('2026-09-20')).toBe(true); // 周日，国庆调休上班
    expect(isWorkday('2026-10-17')).toBe(false); // 周六
    expect(isWorkday('2026-10-18')).toBe(false); // 周日
    expect(isWorkday('2026-10-01')).toBe(false); // 周四，国庆
    expect(isWorkday('2026-10-07')).toBe(false); // 周三，国庆
    expect(isWorkday('2026-09-30')).toBe(true);
    expect(isWorkday('2026-10-08')).toBe(true);
  });

  it('the clock stops over 国庆: 24 working hours from 9月30日 10:00 end on 10月8日 10:00', () => {
    expect(addWorkingHours(at('2026-09-30T10:00:00'), 24)).toBe(at('2026-10-08T10:00:00'));
    expect(addWorkingHours(at('2026-09-30T10:00:00'), 1)).toBe(at('2026-09-30T11:00:00'));
  });

  it('a 调休 Saturday counts: 3 working days from Thursday 10月8日 end on Monday 10月12日, an ordinary weekend does not', () => {
    // Thu 8th 10:00 → Fri 9th 10:00 → Sat 10th (调休) 10:00 → skip Sun 11th → Mon 12th 10:00.
    expect(addWorkingHours(at('2026-10-08T10:00:00'), 72)).toBe(at('2026-10-12T10:00:00'));
    // An ordinary weekend is skipped: Fri 16th 15:00 + 24 h → Mon 19th 15:00.
    expect(addWorkingHours(at('2026-10-16T15:00:00'), 24)).toBe(at('2026-10-19T15:00:00'));
  });

  it('started on a rest day, the clock runs from 00:00 of the next working day', () => {
    expect(addWorkingHours(at('2026-10-03T16:00:00'), 4)).toBe(at('2026-10-08T04:00:00'));
    expect(addWorkingHours(at('2026-10-17T09:00:00'), 24)).toBe(at('2026-10-20T00:00:00'));
  });

  it('natural-day rules are unchanged; working-day rules use the calendar for both deadlines', () => {
    const triaged = at('2026-09-30T10:00:00');
    expect(deadlinesOf(DEFAULT_COLOUR_RULES.red, triaged)).toEqual({ respondBy: triaged + H, resolveBy: triaged + 24 * H });
    expect(deadlinesOf({ ...DEFAULT_COLOUR_RULES.red, days: 'working' }, triaged)).toEqual({ respondBy: triaged + H, resolveBy: at('2026-10-08T10:00:00') });
    expect(deadlinesOf({ ...DEFAULT_COLOUR_RULES.green, days: 'working' }, at('2026-09-30T17:00:00')).respondBy).toBe(at('2026-10-08T17:00:00'));
  });
});

describe('the calendar covers the years deadlines fall in', () => {
  const last = Math.max(...CALENDAR_YEARS);

  it(`names the years it lacks, from 15 December of its last year (${CALENDAR_SOURCE}: ${CALENDAR_YEARS.join(', ')})`, () => {
    expect(calendarGap(at(`${last}-06-01T12:00:00`))).toEqual([]);
    expect(calendarGap(at(`${last}-12-15T00:00:00`))).toEqual([last + 1]);
    expect(calendarGap(at(`${last + 1}-03-01T12:00:00`))).toEqual([last + 1]);
  });

  it('a year it lacks counts Monday to Friday: its 元旦 is a working day, its weekends are not', () => {
    const next = last + 1;
    const newYear = new Date(Date.UTC(next, 0, 1)).getUTCDay();
    expect(isWorkday(`${next}-01-01`)).toBe(newYear !== 0 && newYear !== 6);
    const firstSaturday = 1 + ((6 - newYear + 7) % 7);
    expect(isWorkday(`${next}-01-0${firstSaturday}`)).toBe(false);
  });

  it('requires next year only from 15 December, Shanghai time', () => {
    expect(requiredYears(at('2026-06-01T12:00:00'))).toEqual([2026]);
    expect(requiredYears(at('2026-12-14T23:59:00'))).toEqual([2026]);
    expect(requiredYears(at('2026-12-15T00:00:00'))).toEqual([2026, 2027]);
  });

  it('agrees with chinese-days itself on every day of the years it holds', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cd = require('chinese-days') as { isWorkday: (d: string) => boolean };
    const differ: string[] = [];
    for (const year of CALENDAR_YEARS) {
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 24 * H) {
        const day = new Date(t).toISOString().slice(0, 10);
        if (isWorkday(day) !== cd.isWorkday(day)) differ.push(day);
      }
    }
    expect(differ).toEqual([]);
  });

  it('the committed table is what the installed chinese-days gives', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    expect(() => execFileSync('node', ['scripts/calendar.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});

describe('formatDeadline', () => {
  const now = at('2026-09-30T10:00:00');
  it('says the date, the weekday and the time', () => {
    expect(formatDeadline(at('2026-10-09T18:00:00'), now)).toBe('10月9日（周五）18:00');
    expect(formatDeadline(at('2026-10-08T10:00:00'), now)).toBe('10月8日（周四）10:00');
  });
  it('says midnight as 24:00 of the day before, and names another year', () => {
    expect(formatDeadline(at('2026-10-20T00:00:00'), now)).toBe('10月19日（周一）24:00');
    expect(formatDeadline(at('2027-01-04T09:30:00'), now)).toBe('2027年1月4日（周一）09:30');
  });
});
