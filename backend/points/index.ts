/** The `points` function: a member's own ledger and yearly total (the full points system is issue 4). */
import { POINT_REASONS, myPointsInput } from '../../shared/points/schemas';
import type { MyPointsInput, MyPointsView } from '../../shared/points/schemas';
import { defineFunction, userAction } from '../runtime/define';
import type { Ctx } from '../runtime/types';
import { ledger, shanghaiYear, totals } from './ledger';

async function myPoints(ctx: Ctx, input: MyPointsInput): Promise<MyPointsView> {
  const year = input.year ?? shanghaiYear(ctx.now());
  const [entries, total] = await Promise.all([
    ledger(ctx.store).find({ memberId: ctx.actor.userId, year }, { sort: [['at', -1]], limit: 200 }),
    totals(ctx.store).get(`${ctx.actor.userId}:${year}`),
  ]);
  return {
    year,
    total: total?.total ?? 0,
    entries: entries.map((e) => ({ id: e._id, delta: e.delta, reason: e.reason, reasonName: POINT_REASONS[e.reason], note: e.note, sourceId: e.sourceId, at: e.at })),
  };
}

export const pointsFunction = defineFunction('points', {
  mine: userAction(myPointsInput, myPoints),
});
