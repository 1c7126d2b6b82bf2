/**
 * 党员申报: a member declares a service (date, hours, description, photos) for the grid leader to 汇总. Three requests:
 * the caller, their placement, and the insert that carries the audit record, the photo checks and the message. With
 * a request key a resend finds the first declaration at the insert and answers it, writing nothing (backend/runtime/keyed.ts).
 */
import { dayStartMs } from '../../shared/time';
import { AppError, invalid } from '../../shared/errors';
import type { DirectReason } from '../../shared/points/machine';
import type { DeclarationMove, DeclareInput } from '../../shared/points/schemas';
import type { TimelineEntry } from '../../shared/records/machine';
import { shanghaiDay } from '../../shared/time';
import { hasRoleAt } from '../../shared/users/permissions';
import { checkContent, checkPhotos } from '../content/check';
import { audited, notice } from '../records/make';
import { withEffects } from '../records/move';
import { keyedId } from '../runtime/ids';
import { insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { gridLeaderOf } from '../users/contact';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';
import { pathUpTo, placementOf } from './stamp';
import { stepOf } from './transition';

const invalidDate = (message: string): AppError => invalid('date', message);

/** A real calendar day, not after today (Shanghai), in this year or last: returns the year it counts for. */
export function checkServiceDate(date: string, now: number): number {
  if (Number.isNaN(dayStartMs(date))) throw invalidDate('服务日期不是有效的日期');
  const y = Number(date.slice(0, 4));
  const today = shanghaiDay(now);
  if (date > today) throw invalidDate('服务日期不能晚于今天');
  const thisYear = Number(today.slice(0, 4));
  if (y < thisYear - 1) throw invalidDate(`服务日期只能是 ${thisYear - 1} 年或 ${thisYear} 年`);
  return y;
}

/**
 * Whether a grid has a 网格长, as a warm instance keeps it (at most WARM_TTL_MS old): a leader appointed or removed
 * on another instance routes declarations from then on, and the community decides whatever still waits at a grid.
 */
function gridHasLeader(ctx: Ctx, gridId: string, communityPath: string): Promise<boolean> {
  return warm(ctx.store, `gridLeader/${gridId}`, async () => (await gridLeaderOf(ctx, gridId, communityPath)) !== null);
}

/** Why a declaration skips 召集人汇总; null when the grid's 网格长 汇总s it. */
async function whyDirect(ctx: Ctx, gridPath: string | null, gridId: string | null, communityId: string): Promise<DirectReason | null> {
  if (!gridPath || !gridId) return 'noGrid';
  if (hasRoleAt(ctx.actor, ['grid_leader'], gridPath)) return 'ownGrid';
  return (await gridHasLeader(ctx, gridId, pathUpTo(gridPath, communityId) ?? gridPath)) ? null : 'noLeader';
}

const answer = (d: DeclarationDoc): DeclarationMove => ({ id: d._id, status: d.status });

export async function declareService(ctx: Ctx, input: DeclareInput): Promise<DeclarationMove> {
  if (!ctx.actor.roles.some((g) => g.role === 'member')) throw new AppError('FORBIDDEN', '只有已报到的在职党员可以申报服务积分');
  const year = checkServiceDate(input.date, ctx.now());
  const placed = await placementOf(ctx, ctx.actor.userId);
  if (!placed.communityId || !placed.path) throw new AppError('FORBIDDEN', '请先完成双报到，再申报服务积分');
  const gridPath = pathUpTo(placed.path, placed.gridId);
  // Read by the grid leader and community staff: the same text and photo checks every other submission gets.
  await checkContent(ctx, { description: input.description });
  const screened = await checkPhotos(ctx, 'photos', input.photos ?? []);
  const now = ctx.now();
  const steps: TimelineEntry[] = [stepOf(ctx, '党员', 'declare', { hours: input.hours })];
  // No 召集人 to 汇总 it (no grid, the member leads the grid themselves, or the grid has no 网格长): straight to the community.
  const why = await whyDirect(ctx, gridPath, placed.gridId, placed.communityId);
  if (why) steps.push(stepOf(ctx, '系统', 'direct', { why }));
  const doc: DeclarationDoc = {
    _id: keyedId('pd', ctx.actor.userId, input.requestKey, now),
    memberId: ctx.actor.userId,
    memberName: placed.name || ctx.actor.name,
    communityId: placed.communityId,
    gridId: gridPath ? placed.gridId : null,
    gridPath,
    path: placed.path,
    date: input.date,
    year,
    hours: input.hours,
    description: input.description,
    photos: input.photos ?? [],
    status: why ? 'forwarded' : 'declared',
    batchId: null,
    points: null,
    reason: null,
    timeline: steps,
    createdAt: now,
    updatedAt: now,
  };
  const to = why ? { areaId: doc.communityId } : { areaId: doc.gridId ?? doc.communityId };
  const effects = [
    audited(ctx, { action: 'points.declare', targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: { date: doc.date, hours: doc.hours } }),
    ...screened.effects({ collection: 'points_declarations', recordId: doc._id, targetType: 'points_declaration', areaPath: doc.path }),
    notice(ctx, { to: [to], kind: why ? 'pointsForwarded' : 'pointsDeclared', body: `${doc.memberName} 申报 ${doc.date} 服务 ${doc.hours} 小时` }),
  ];
  const first = await insertOnce(declarations(ctx.store), withEffects(ctx, 'points_declarations', doc, effects), input.requestKey);
  return answer(first ?? doc);
}
