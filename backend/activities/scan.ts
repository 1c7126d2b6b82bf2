/**
 * 扫码签到 / 签退: opening the activity's QR as a signed-up member checks in the first time and out the
 * second, inside the window from 1 h before the start to 2 h after the end. A repeated scan after
 * check-out only answers with the result (and re-asserts the idempotent credit).
 */
import { AppError } from '../../shared/errors';
import { ACTIVITY_RULES, inCheckinWindow } from '../../shared/activities/model';
import { isMemberFor } from '../../shared/activities/permissions';
import type { ActivityIdInput, ScanResult } from '../../shared/activities/schemas';
import type { Ctx } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { signups } from './repo';
import { checkOut, creditHours } from './checkout';
import { loadActivity } from './queries';

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

function checkWindow(a: ActivityDoc, now: number): void {
  if (a.status !== 'open') throw new AppError('CONFLICT', '活动已结束，不能再签到签退');
  if (inCheckinWindow(a, now)) return;
  throw new AppError('CONFLICT', now < a.startAt ? '还没到签到时间：活动开始前 1 小时开放签到' : '签到时间已过：活动结束 2 小时后不能再签到签退');
}

export async function scanActivity(ctx: Ctx, input: ActivityIdInput): Promise<ScanResult> {
  const { activity: a, mine } = await loadActivity(ctx, input.activityId);
  if (!isMemberFor(ctx.actor, a)) throw new AppError('FORBIDDEN', '只有本社区报名的在职党员可以扫码签到');
  if (!mine || mine.status === 'cancelled') throw new AppError('CONFLICT', '您还没有报名这个活动，请先报名');
  if (mine.status === 'checked_out') {
    await creditHours(ctx, a, mine);
    return result('already_out', a, mine);
  }
  if (mine.status === 'no_show') throw new AppError('CONFLICT', '活动已结束，您被记为未到场');
  const now = ctx.now();
  checkWindow(a, now);
  if (mine.status === 'signed') {
    const done = await signups(ctx.store).updateWhere({ _id: mine._id, status: 'signed' }, { $set: { status: 'checked_in', checkInAt: now } });
    if (done === 1) return result('checked_in', a, { ...mine, status: 'checked_in', checkInAt: now });
    return settled(ctx, a, mine._id);
  }
  // Checked in: a second scan moments later is an accidental double scan, not a check-out.
  if (now - (mine.checkInAt ?? now) < ACTIVITY_RULES.minCheckoutGap) return result('already_in', a, mine);
  const out = await checkOut(ctx, a, mine, now);
  return out ? result('checked_out', a, out) : settled(ctx, a, mine._id);
}

/** Two scans raced: answer with whatever the winner wrote. */
async function settled(ctx: Ctx, a: ActivityDoc, id: string): Promise<ScanResult> {
  const now = await signups(ctx.store).get(id);
  if (now?.status === 'checked_in') return result('already_in', a, now);
  if (now?.status === 'checked_out') return result('already_out', a, now);
  throw new AppError('CONFLICT', '签到状态刚刚变了，请再扫一次');
}
