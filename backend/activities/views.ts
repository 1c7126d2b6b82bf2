/** Activity documents as the pages see them: cards, detail with what the caller may do, my sign-up, roster rows. */
import { SIGNUP_STATUS_NAMES, phaseName } from '../../shared/activities/model';
import { canCancel, canManage, canSignUp } from '../../shared/activities/permissions';
import type { ActivityCard, ActivityDetail, MySignupView, RosterRow } from '../../shared/activities/schemas';
import type { Actor } from '../../shared/users/roles';
import type { ActivityDoc, SignupDoc } from './repo';

export function toMySignup(s: SignupDoc): MySignupView {
  return {
    status: s.status,
    statusName: SIGNUP_STATUS_NAMES[s.status],
    signedAt: s.signedAt,
    late: s.late,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    hours: s.hours,
    points: s.points,
  };
}

export function toActivityCard(a: ActivityDoc, mine: SignupDoc | null, now: number): ActivityCard {
  return {
    id: a._id,
    title: a.title,
    place: a.place,
    areaName: a.areaName,
    startAt: a.startAt,
    endAt: a.endAt,
    deadline: a.deadline,
    capacity: a.capacity,
    placesLeft: Math.max(0, a.capacity - a.taken),
    perHour: a.perHour,
    status: a.status,
    phaseName: phaseName(a, now),
    mine: mine ? toMySignup(mine) : null,
  };
}

export function toActivityDetail(actor: Actor, a: ActivityDoc, mine: SignupDoc | null, now: number): ActivityDetail {
  const status = mine?.status ?? null;
  return {
    ...toActivityCard(a, mine, now),
    description: a.description,
    createdByName: a.createdByName,
    canSignUp: canSignUp(actor, a, status, now) && a.taken < a.capacity,
    canCancel: canCancel(a, status, now),
    canManage: canManage(actor, a),
  };
}

export function toRosterRow(s: SignupDoc): RosterRow {
  return {
    memberId: s.memberId,
    name: s.memberName,
    status: s.status,
    statusName: SIGNUP_STATUS_NAMES[s.status],
    signedAt: s.signedAt,
    late: s.late,
    cancelledAt: s.cancelledAt,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    hours: s.hours,
    points: s.points,
  };
}
