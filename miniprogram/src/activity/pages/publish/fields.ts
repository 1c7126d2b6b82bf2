/** The publish form's values as entered, and their conversion to the action's input (times picked as "YYYY-MM-DD HH:mm", Shanghai). */
import { formatShanghai, parseShanghai } from '@shared/activities/model';
import type { PublishActivityInput, PublishPostInput } from '@shared/activities/schemas';
import { ApiError } from '../../../api/errors';

export interface FormValues {
  title: string;
  description: string;
  place: string;
  startAt: string;
  endAt: string;
  deadline: string;
  capacity: string;
  perHour: string;
  slots: string;
  pointsNote: string;
}

/** Tomorrow 09:00–11:00, sign-up closing at 08:00 (Shanghai time). */
export function defaultValues(now: number): FormValues {
  const day = formatShanghai(now + 24 * 3600_000).slice(0, 10);
  return {
    title: '',
    description: '',
    place: '',
    startAt: `${day} 09:00`,
    endAt: `${day} 11:00`,
    deadline: `${day} 08:00`,
    capacity: '20',
    perHour: '',
    slots: '2',
    pointsNote: '',
  };
}

/** A new start, with the end and deadline moved by as much (left alone when either cannot be read). */
export function shiftedWithStart(v: FormValues, startAt: string): Pick<FormValues, 'startAt' | 'endAt' | 'deadline'> {
  const [from, to, end, deadline] = [v.startAt, startAt, v.endAt, v.deadline].map(parseShanghai);
  if (from == null || to == null || end == null || deadline == null) return { startAt, endAt: v.endAt, deadline: v.deadline };
  return { startAt, endAt: formatShanghai(end + to - from), deadline: formatShanghai(deadline + to - from) };
}

const LABELS = { startAt: '开始时间', endAt: '结束时间', deadline: '报名截止时间' } as const;

/** Typed times and numbers, or a VALIDATION error naming each field the person must fix first. */
function parse(v: FormValues, fields: ReadonlyArray<keyof typeof LABELS>): Record<string, number> {
  const bad: Record<string, string> = {};
  const out: Record<string, number> = {};
  for (const f of fields) {
    const at = parseShanghai(v[f]);
    if (at === null) bad[f] = `请选择${LABELS[f]}的日期和时间`;
    else out[f] = at;
  }
  const first = Object.values(bad)[0];
  if (first) throw new ApiError('VALIDATION', first, bad);
  return out;
}

/** Empty stays undefined (the server applies the default); anything else goes as a number for the server to judge. */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

export function activityInput(areaId: string, v: FormValues): PublishActivityInput {
  const t = parse(v, ['startAt', 'endAt', 'deadline']);
  return {
    areaId,
    title: v.title.trim(),
    description: v.description.trim(),
    place: v.place.trim(),
    startAt: t.startAt!,
    endAt: t.endAt!,
    deadline: t.deadline,
    capacity: num(v.capacity) ?? 0,
    perHour: num(v.perHour),
  };
}

export function postInput(areaId: string, v: FormValues): PublishPostInput {
  return { areaId, title: v.title.trim(), description: v.description.trim(), slots: num(v.slots) ?? 0, pointsNote: v.pointsNote.trim() || undefined };
}
