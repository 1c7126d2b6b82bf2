/** The publish form's values as typed, and their conversion to the action's input (times typed as "YYYY-MM-DD HH:mm"). */
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

const LABELS = { startAt: '开始时间', endAt: '结束时间', deadline: '报名截止时间' } as const;

/** Typed times and numbers, or a VALIDATION error naming each field the person must fix first. */
function parse(v: FormValues, fields: ReadonlyArray<keyof typeof LABELS>): Record<string, number> {
  const bad: Record<string, string> = {};
  const out: Record<string, number> = {};
  for (const f of fields) {
    const at = parseShanghai(v[f]);
    if (at === null) bad[f] = `${LABELS[f]}请按“2026-11-21 09:00”的格式填写`;
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
