/**
 * China's working days (法定节假日 and 调休) from cn-days.json, and deadlines counted in them. Server side only:
 * the mini-program's main package never imports this (deadlines are computed when an order is triaged).
 */
import CN_DAYS from './cn-days.json';
import { SHANGHAI_OFFSET_MS, shanghaiDay } from '../time';

const DAY_MS = 24 * 3600_000;

interface YearDays {
  rest: string[];
  work: string[];
}

const REST = new Set<string>();
const WORK = new Set<string>();
for (const [year, days] of Object.entries(CN_DAYS.years as Record<string, YearDays>)) {
  for (const d of days.rest) REST.add(`${year}-${d}`);
  for (const d of days.work) WORK.add(`${year}-${d}`);
}

/** Where the table came from, e.g. `chinese-days@1.5.7` (docs and the coverage test name it). */
export const CALENDAR_SOURCE: string = CN_DAYS.source;

/** The years whose holidays and 调休 the table holds; any other year counts Monday to Friday only. */
export const CALENDAR_YEARS: readonly number[] = Object.keys(CN_DAYS.years).map(Number);

/**
 * The years the table must hold at an instant: this year, and next year once it could matter and its schedule
 * is out. 国务院办公厅 publishes next year's 放假安排 between late October and about 10 December (2018: 6 Dec,
 * 2012: 10 Dec); from 15 December a deadline can reach into January and the table must have it.
 */
export function requiredYears(now: number): number[] {
  const day = shanghaiDay(now);
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '12-15' ? [year, year + 1] : [year];
}

/**
 * The years the table should hold at `now` and does not: until someone adds next year's 放假安排 (upgrade
 * chinese-days, `node scripts/calendar.mjs`), deadlines that reach into it count Monday to Friday only. The
 * 时限规则 page and `npm run deploy` say so, rather than a test failing on a date.
 */
export function calendarGap(now: number): number[] {
  return requiredYears(now).filter((y) => !CALENDAR_YEARS.includes(y));
}

/** Is a Shanghai calendar day (YYYY-MM-DD) a working day: 调休 weekends are, 法定节假日 and other weekends are not. */
export function isWorkday(day: string): boolean {
  if (WORK.has(day)) return true;
  if (REST.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The instant `hours` of working time after `from`: the clock runs only on working days (all 24 h of them) and
 * stops on rest days, so 24 h from 9月30日 10:00 is 10月8日 10:00 over 国庆. Started on a rest day, it runs from
 * 00:00 of the next working day.
 */
export function addWorkingHours(from: number, hours: number): number {
  let left = hours * 3600_000;
  let at = from;
  // A year of rest days at most; the bound only guards against a broken table.
  for (let i = 0; i < 400 + hours; i++) {
    const dayEnd = Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI_OFFSET_MS;
    if (isWorkday(shanghaiDay(at))) {
      if (left <= dayEnd - at) return at + left;
      left -= dayEnd - at;
    }
    at = dayEnd;
  }
  throw new Error(`no working day within ${hours} h of ${new Date(from).toISOString()}`);
}
