/**
 * 扫码签到 / 签退: opening the activity's QR as a signed-up member checks in the first time and out the
 * second, inside the window from 1 h before the start to 2 h after the end. Each is one move of the sign-up (签退
 * carrying its points); a repeated scan after check-out only answers with the result.
 */
import { AppError } from '../../shared/errors';
import { ACTIVITY_RULES, inCheckinWindow } from '../../shared/activities/model';
import { isMemberFor } from '../../shared/activities/permissions';
import type { ActivityIdInput, ScanResult } from '../../shared/activities/schemas';
import type { Ctx } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { checkoutAt } from './checkout';
import { moveSignup } from './move';
import { keptActivity, mySignup } from './queries';
import { settledSignup } from './signup';

const TITLES: Record<ScanResult['kind'], string> = {
  checked_in: '签到成功',
  checked_out: '签退成功',
  already_in: '已签到',
  already_out: '已签退',
};

function result(kind: ScanResult['kind'], a: ActivityDoc, s: SignupDoc): ScanResult {
  const at = (kind === 'checked_out' || kind === 'already_out' ? s.checkOutAt : s.checkInAt) ?? 0;
  return { kind, title: TITLES[kind], activityId: a._id, activityTitle: a.title, at, hours: s.hours, points: s.points };
}

/** The kept activity's status may be stale; closing marks every sign-up, so the sign-up's own status is the guard. */
function checkWindow(a: ActivityDoc, now: number): void {
  if (a.status !== 'open') throw new AppError('CONFLICT', '活动已结束，不能再签到签退');
  if (inCheckinWindow(a, now)) return;
  throw new AppError('CONFLICT', now < a.startAt ? '还没到签到时间：活动开始前 1 小时开放签到' : '签到时间已过：活动结束 2 小时后不能再签到签退');
}

/** Three requests: the caller, their sign-up, and its move (the activity itself is kept warm). */
export async function scanActivity(ctx: Ctx, input: ActivityIdInput): Promise<ScanResult> {
  const [a, read] = await Promise.all([keptActivity(ctx, input.activityId), mySignup(ctx, input.activityId)]);
  if (!isMemberFor(ctx.actor, a)) throw new AppError('FORBIDDEN', '只有本社区报名的在职党员可以扫码签到');
  const mine = await settledSignup(ctx, a._id, read);
  if (!mine || mine.status === 'cancelled') throw new AppError('CONFLICT', '您还没有报名这个活动，请先报名');
  if (mine.status === 'checked_out') return result('already_out', a, mine);
  if (mine.status === 'no_show') throw new AppError('CONFLICT', '活动已结束，您被记为未到场');
  const now = ctx.now();
  checkWindow(a, now);
  try {
    if (mine.status === 'signed') {
      await moveSignup(ctx, mine, 'checkIn', { set: { checkInAt: now }, conflict: 'raced' });
      return result('checked_in', a, { ...mine, status: 'checked_in', checkInAt: now });
    }
    // Checked in: a second scan moments later is an accidental double scan, not a check-out.
    if (now - (mine.checkInAt ?? now) < ACTIVITY_RULES.minCheckoutGap) return result('already_in', a, mine);
    const out = checkoutAt(a, mine, now);
    await moveSignup(ctx, mine, 'checkOut', { ...out, detail: out.set, conflict: 'raced' });
    return result('checked_out', a, { ...mine, status: 'checked_out', ...out.set });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    return settled(ctx, a);
  }
}

/** Two scans raced (or staff checked everyone out meanwhile): answer with whatever the winner wrote. */
async function settled(ctx: Ctx, a: ActivityDoc): Promise<ScanResult> {
  const now = await mySignup(ctx, a._id);
  if (now?.status === 'checked_in') return result('already_in', a, now);
  if (now?.status === 'checked_out') return result('already_out', a, now);
  throw new AppError('CONFLICT', '签到状态刚刚变了，请再扫一次');
}
