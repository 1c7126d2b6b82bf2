/** 志愿活动 and 志愿服务岗: statuses, time rules (sign-up, check-in window, late cancellation) and the hours formula. */
import dayjs from 'dayjs';
// shared/time extends dayjs with the utc and timezone plugins on import.
import { TIME_ZONE } from '../time';
import { ACTIVITY_MACHINE, SIGNUP_MACHINE } from './machine';

const HOUR = 3600_000;

export const ACTIVITY_RULES = {
  /** Scanning opens 1 h before the start and closes 2 h after the end. */
  checkinOpensBefore: HOUR,
  checkinClosesAfter: 2 * HOUR,
  /** A cancellation this close to the start is recorded as late (迟退). */
  lateCancelWithin: 24 * HOUR,
  /** The timer closes an activity this long after its end (no-shows are recorded then). */
  autoCloseAfter: 2 * HOUR,
  /** A second scan sooner than this after checking in is taken as an accidental double scan, not a check-out. */
  minCheckoutGap: 5 * 60_000,
  /** Places per activity at most (the publish form's 招募人数): one read of this many covers everyone holding one. */
  maxCapacity: 1000,
} as const;

export type ActivityStatus = keyof typeof ACTIVITY_MACHINE.states;

/** Where an activity stands, in words: 未开始 / 进行中 / 已结束 (closed, or past its end and awaiting the timer). */
export function phaseName(a: { status: ActivityStatus; startAt: number; endAt: number }, now: number): string {
  if (a.status === 'closed' || now > a.endAt) return '已结束';
  return now < a.startAt ? '未开始' : '进行中';
}

/** A member's place on one activity (shared/activities/machine.ts): the statuses and their names come from the machine. */
export type SignupStatus = keyof typeof SIGNUP_MACHINE.states;
export const SIGNUP_STATUSES = Object.keys(SIGNUP_MACHINE.states) as SignupStatus[];
export const SIGNUP_STATUS_NAMES = Object.fromEntries(SIGNUP_STATUSES.map((s) => [s, SIGNUP_MACHINE.states[s].name])) as Record<SignupStatus, string>;
/** Statuses that hold a place (count against capacity): all but a cancelled one, which gave its place back. */
export const SEATED: readonly SignupStatus[] = SIGNUP_STATUSES.filter((s) => s !== 'cancelled');

export interface ActivityTimes {
  startAt: number;
  endAt: number;
}

/** Is `now` inside the scanning window (1 h before start … 2 h after end)? */
export function inCheckinWindow(a: ActivityTimes, now: number): boolean {
  return now >= a.startAt - ACTIVITY_RULES.checkinOpensBefore && now <= a.endAt + ACTIVITY_RULES.checkinClosesAfter;
}

export const isLateCancel = (a: ActivityTimes, now: number): boolean => a.startAt - now < ACTIVITY_RULES.lateCancelWithin;

/**
 * Hours served: check-in to check-out, both clamped into the activity's own window (coming early or
 * leaving late earns nothing extra), so never more than its duration; rounded to the nearest half hour.
 */
export function hoursServed(a: ActivityTimes, checkInAt: number, checkOutAt: number): number {
  const from = Math.min(Math.max(checkInAt, a.startAt), a.endAt);
  const to = Math.min(Math.max(checkOutAt, a.startAt), a.endAt);
  return Math.round((Math.max(0, to - from) / HOUR) * 2) / 2;
}

/** Points for hours at a rate, kept to one decimal (half hours at an odd rate give .5). */
export const pointsFor = (hours: number, perHour: number): number => Math.round(hours * perHour * 10) / 10;

/** "11月21日 周六 09:00–11:00", or both dates when it spans days; Shanghai time. */
export function formatSpan(startAt: number, endAt: number): string {
  const s = dayjs(startAt).tz(TIME_ZONE);
  const e = dayjs(endAt).tz(TIME_ZONE);
  const week = '日一二三四五六'[s.day()];
  const head = `${s.format('M月D日')} 周${week} ${s.format('HH:mm')}`;
  return s.isSame(e, 'day') ? `${head}–${e.format('HH:mm')}` : `${head} – ${e.format('M月D日 HH:mm')}`;
}

/** "YYYY-MM-DD HH:mm" in Shanghai time → epoch ms, or null when it is not such a time (forms type times as text). */
export function parseShanghai(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const at = Date.UTC(y, mo - 1, d, h - 8, mi);
  return new Date(at + 8 * HOUR).getUTCDate() === d ? at : null;
}

export const formatShanghai = (at: number): string => dayjs(at).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm');
