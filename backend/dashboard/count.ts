/**
 * The counting hook the order domain calls on filing and on every move: applies the event's tally to the
 * counter docs of every ancestor node of the order's building, once per (order, timeline entry).
 */
import { idsOnPath } from '../../shared/areas/model';
import type { OrderTransition } from '../../shared/orders/machine';
import type { OrderDoc, TimelineEntry } from '../orders/repo';
import type { Deps } from '../runtime/types';
import type { Patch } from '../store/port';
import type { Tally } from './events';
import { filingTally, moveTally } from './events';
import { counted, counterId, counters } from './repo';

/**
 * Marker first, then the increments: a replay finds the marker and adds nothing. Docs that do not exist
 * yet (the node's first event of the day) are created empty first, so one `$in` update per day covers
 * all five levels. A failure here is logged, not thrown: the order has already moved, and
 * `npm run check:counters` reports any drift.
 */
export async function applyTally(deps: Deps, markerId: string, path: string, tally: Tally): Promise<void> {
  if (tally.size === 0) return;
  try {
    if (!(await counted(deps.store).insertIfAbsent({ _id: markerId, at: deps.now() }))) return;
    const nodes = idsOnPath(path);
    const days = [...tally.keys()];
    const ids = days.flatMap((day) => nodes.map((nodeId) => counterId(nodeId, day)));
    const existing = new Set((await counters(deps.store).find({ _id: { $in: ids } })).map((d) => d._id));
    await Promise.all(
      days.flatMap((day) =>
        nodes.filter((n) => !existing.has(counterId(n, day))).map((nodeId) => counters(deps.store).insertIfAbsent({ _id: counterId(nodeId, day), nodeId, day })),
      ),
    );
    await Promise.all(
      days.map((day) => {
        const inc = Object.fromEntries([...(tally.get(day) ?? new Map<string, number>())].filter(([, n]) => n !== 0));
        if (Object.keys(inc).length === 0) return Promise.resolve(0);
        const patch: Patch = { $inc: inc };
        return counters(deps.store).updateWhere({ _id: { $in: nodes.map((n) => counterId(n, day)) } }, patch);
      }),
    );
  } catch (e) {
    deps.log.error(`dashboard counters: ${markerId} not counted`, e);
  }
}

/** Called once by backend/orders/file.ts after the insert. */
export function countOrderFiled(deps: Deps, order: OrderDoc): Promise<void> {
  return applyTally(deps, `${order._id}:0`, order.path, filingTally(order));
}

/** Called once by backend/orders/transition.ts moveOrder after its conditional update matched. */
export function countOrderMove(deps: Deps, before: OrderDoc, action: OrderTransition, patch: Patch): Promise<void> {
  const entry = patch.$push?.timeline as TimelineEntry | undefined;
  const at = entry?.at ?? deps.now();
  return applyTally(deps, `${before._id}:${before.timeline.length}`, before.path, moveTally(before, action, patch.$set ?? {}, at));
}
