/** Moves activities, sign-ups and posts along their machines through the one mover, each audited by the same write. */
import { AppError } from '../../shared/errors';
import type { ActivityTransition, PostTransition, SignupTransition } from '../../shared/activities/machine';
import { ACTIVITY_MACHINE, POST_MACHINE, SIGNUP_MACHINE } from '../../shared/activities/machine';
import type { Machine } from '../../shared/records/machine';
import { canMove } from '../../shared/records/machine';
import type { Actor } from '../../shared/users/roles';
import type { AuditEffect, Effect, MoveEffect } from '../records/effects';
import { audited } from '../records/make';
import type { Mover } from '../records/move';
import { moveRecord } from '../records/move';
import type { Filter } from '../store/port';
import type { ActivityDoc, PostDoc, SignupDoc } from './repo';

/** Who moves: a person, or the timer as SYSTEM_ACTOR (backend/records/make.ts); audited() names the system when absent. */
export type ActivityMover = Mover & { actor?: Pick<Actor, 'userId' | 'name'> | null };

export interface Step {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** One value appended per field (a place's token). */
  push?: Record<string, unknown>;
  guard?: Filter;
  /** What the audit record says beside the move. */
  detail?: Record<string, unknown>;
  /** The audit record instead, when the move is another record's doing (a place taken is the sign-up's). */
  audit?: AuditEffect;
  effects?: Effect[];
  conflict: string;
}

interface Kind<S extends string, T extends string> {
  machine: Machine<S, T>;
  collection: string;
  targetType: string;
}

const ACTIVITY: Kind<ActivityDoc['status'], ActivityTransition> = { machine: ACTIVITY_MACHINE, collection: 'activities', targetType: 'activity' };
const SIGNUP: Kind<SignupDoc['status'], SignupTransition> = { machine: SIGNUP_MACHINE, collection: 'activity_signups', targetType: 'signup' };
const POST: Kind<PostDoc['status'], PostTransition> = { machine: POST_MACHINE, collection: 'posts', targetType: 'post' };

function auditOf(
  ctx: ActivityMover,
  kind: { targetType: string },
  code: string,
  record: { _id: string; path: string; title?: string },
  detail: Record<string, unknown> = {},
): AuditEffect {
  // The activity's or post's title names it in the 操作日志 (a sign-up has none: the noun alone).
  const named = typeof record.title === 'string' ? { title: record.title, ...detail } : detail;
  return audited(ctx, { action: `activities.${code}`, targetType: kind.targetType, targetId: record._id, areaPath: record.path, detail: named });
}

async function move<S extends string, T extends string>(
  ctx: ActivityMover,
  kind: Kind<S, T>,
  record: { _id: string; status: S; path: string },
  code: T,
  step: Step,
): Promise<void> {
  if (!canMove(kind.machine, code, record.status)) throw new AppError('CONFLICT', step.conflict);
  const to = kind.machine.transitions[code].to;
  await moveRecord(ctx, {
    collection: kind.collection,
    record,
    to,
    set: step.set,
    inc: step.inc,
    push: step.push,
    guard: step.guard,
    effects: [step.audit ?? auditOf(ctx, kind, code, record, { from: record.status, to, ...step.detail }), ...(step.effects ?? [])],
    conflict: step.conflict,
  });
}

export const moveActivity = (ctx: ActivityMover, a: ActivityDoc, code: ActivityTransition, step: Step) => move(ctx, ACTIVITY, a, code, step);
export const moveSignup = (ctx: ActivityMover, s: SignupDoc, code: SignupTransition, step: Step) => move(ctx, SIGNUP, s, code, step);
export const movePost = (ctx: ActivityMover, p: PostDoc, code: PostTransition, step: Step) => move(ctx, POST, p, code, step);

/** The audit record of a creation (publishing, a sign-up the activity's write creates). */
export const createdAudit = (
  ctx: ActivityMover,
  targetType: 'activity' | 'post' | 'signup',
  code: string,
  record: { _id: string; path: string },
  detail: Record<string, unknown>,
): AuditEffect => auditOf(ctx, { targetType }, code, record, detail);

/** A sign-up move made later by the drain (全部签退, closing), audited and carrying what it causes, if the sign-up is still where it was read. */
export function signupMoveEffect(ctx: ActivityMover, s: SignupDoc, code: SignupTransition, set: Record<string, unknown>, effects: Effect[] = []): MoveEffect {
  const to = SIGNUP_MACHINE.transitions[code].to;
  return { type: 'move', collection: SIGNUP.collection, id: s._id, from: s.status, to, set, effects: [auditOf(ctx, SIGNUP, code, s, { from: s.status, to, ...set }), ...effects] };
}
