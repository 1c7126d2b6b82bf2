/**
 * 党员申报: a member declares a service (date, hours, description, photos) for the grid leader to 汇总. With a request
 * key a resend answers as the first did, with no second declaration, audit entry or message (backend/runtime/keyed.ts).
 */
import { dayStartMs } from '../../shared/time';
import { AppError, invalid } from '../../shared/errors';
import type { DeclarationMove, DeclareInput } from '../../shared/points/schemas';
import { shanghaiDay } from '../../shared/time';
import { hasRoleAt } from '../../shared/users/permissions';
import { recordAudit } from '../audit/record';
import { checkContent, checkPhotos } from '../content/check';
import { notify } from '../notifications/outbox';
import { gridLeaderOf } from '../users/contact';
import { entry } from '../orders/transition';
import { keyedId } from '../runtime/ids';
import { firstWrite, insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';
import { pathUpTo, placementOf } from './stamp';

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

/** Why a declaration skips 召集人汇总, in the timeline's words; null when the grid's 网格长 汇总s it. */
async function whyDirect(ctx: Ctx, gridPath: string | null, gridId: string | null, communityId: string): Promise<string | null> {
  if (!gridPath || !gridId) return '未划入网格，直接报社区核实';
  if (hasRoleAt(ctx.actor, ['grid_leader'], gridPath)) return '申报人是本网格网格长，直接报社区核实';
  const communityPath = pathUpTo(gridPath, communityId) ?? gridPath;
  return (await gridLeaderOf(ctx, gridId, communityPath)) ? null : '本网格暂无网格长，直接报社区核实';
}

const answer = (d: DeclarationDoc): DeclarationMove => ({ id: d._id, status: d.status });

export async function declareService(ctx: Ctx, input: DeclareInput): Promise<DeclarationMove> {
  const id = keyedId('pd', ctx.actor.userId, input.requestKey, ctx.now());
  const found = await firstWrite(declarations(ctx.store), id, input.requestKey, () => placementOf(ctx, ctx.actor.userId));
  if (found.first) return answer(found.first);
  if (!ctx.actor.roles.some((g) => g.role === 'member')) throw new AppError('FORBIDDEN', '只有已报到的在职党员可以申报服务积分');
  const year = checkServiceDate(input.date, ctx.now());
  const placed = found.read;
  if (!placed.communityId || !placed.path) throw new AppError('FORBIDDEN', '请先完成双报到，再申报服务积分');
  const gridPath = pathUpTo(placed.path, placed.gridId);
  // Read by the grid leader and community staff: the same text and photo checks every other submission gets.
  await checkContent(ctx, { description: input.description });
  const screened = await checkPhotos(ctx, 'photos', input.photos ?? []);
  const now = ctx.now();
  const steps = [entry(ctx, '党员', '申报服务', `${input.hours} 小时`)];
  // No 召集人 to 汇总 it (no grid, the member leads the grid themselves, or the grid has no 网格长): straight to the community.
  const why = await whyDirect(ctx, gridPath, placed.gridId, placed.communityId);
  const direct = why !== null;
  if (why) steps.push(entry(ctx, '系统', why));
  const doc: DeclarationDoc = {
    _id: id,
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
    status: direct ? 'forwarded' : 'declared',
    batchId: null,
    points: null,
    reason: null,
    timeline: steps,
    createdAt: now,
    updatedAt: now,
  };
  const first = await insertOnce(declarations(ctx.store), doc, input.requestKey);
  if (first) return answer(first);
  await screened.register({ collection: 'points_declarations', recordId: doc._id, targetType: 'points_declaration', areaPath: doc.path });
  await recordAudit(ctx, { action: 'points.declare', targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: { date: doc.date, hours: doc.hours } });
  const to = direct ? { areaId: doc.communityId } : { areaId: doc.gridId ?? doc.communityId };
  await notify(ctx, { to: [to], kind: direct ? 'pointsForwarded' : 'pointsDeclared', body: `${doc.memberName} 申报 ${doc.date} 服务 ${doc.hours} 小时` });
  return answer(doc);
}
