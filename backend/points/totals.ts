/**
 * Totals kept on write: a member's yearly total (stamped with their placement) and the organisation and grid
 * roll-ups. Only `$inc` touches the sums, so concurrent credits commute; the stamp is compare-and-set so a
 * placement change and a credit never book the same points to two organisations.
 *
 * Invariants (checked by `checkTotals`): member total = sum of their ledger entries for the year; an org's or
 * grid's total = sum of the member totals stamped with it; its `members` = how many such totals there are.
 */
import { AppError } from '../../shared/errors';
import { areas } from '../areas/repo';
import { organisations } from '../members/repo';
import type { Marking } from '../records/effects';
import type { Deps } from '../runtime/types';
import type { RollupDoc, Stamp, TotalDoc } from './repo';
import { rollups, totals } from './repo';
import { pathUpTo, placementOf } from './stamp';

/** Enough for any realistic contention on one member; past it the caller sees CONFLICT and may retry. */
const ATTEMPTS = 50;

export const totalId = (memberId: string, year: number): string => `${memberId}:${year}`;
export const stampKey = (s: Pick<Stamp, 'communityId' | 'gridId' | 'orgId'>): string => `${s.communityId ?? ''}|${s.gridId ?? ''}|${s.orgId ?? ''}`;
const stampOf = (key: string): Pick<Stamp, 'communityId' | 'gridId' | 'orgId'> => {
  const [communityId, gridId, orgId] = key.split('|');
  return { communityId: communityId || null, gridId: gridId || null, orgId: orgId || null };
};

function newTotal(memberId: string, year: number, stamp: Stamp, total: number, credits: number, key?: string): TotalDoc {
  return {
    ...(key ? { applied: [key], appliedStamps: [stampKey(stamp)], openedBy: key } : {}),
    _id: totalId(memberId, year),
    memberId,
    year,
    total,
    credits,
    communityId: stamp.communityId,
    gridId: stamp.gridId,
    orgId: stamp.orgId,
    path: stamp.path,
    name: stamp.name,
    stamp: stampKey(stamp),
  };
}

/** The member's total for the year, or (when none yet) the placement a new one would carry. */
export async function totalOrPlacement(deps: Pick<Deps, 'store'>, memberId: string, year: number): Promise<{ doc: TotalDoc | null; stamp: Stamp }> {
  const doc = await totals(deps.store).get(totalId(memberId, year));
  return { doc, stamp: doc ?? (await placementOf(deps, memberId)) };
}

/**
 * Adds `delta` (and `credits`) to a member's yearly total and to the roll-ups of the placement it is stamped with.
 * `known` is what the caller just read: the total, or (none yet) the placement a new one would carry. With a `key`
 * (the ledger id) every write is guarded by it, so the same credit applied twice adds once.
 */
export async function applyDelta(
  deps: Deps,
  memberId: string,
  year: number,
  delta: number,
  credits: number,
  known?: { doc: TotalDoc | null; stamp: Stamp },
  key?: string,
): Promise<void> {
  let doc = known?.doc ?? null;
  let fresh = known && !known.doc ? known.stamp : null;
  const unapplied = key ? { applied: { $hasNone: [key] } } : {};
  for (let i = 0; i < ATTEMPTS; i++) {
    if (!doc && !fresh) doc = await totals(deps.store).get(totalId(memberId, year));
    if (!doc) {
      const stamp = fresh ?? (await placementOf(deps, memberId));
      fresh = null;
      if (await totals(deps.store).insertIfAbsent(newTotal(memberId, year, stamp, delta, credits, key))) {
        await bumpRollups(deps, stamp, year, delta, 1, key);
        return;
      }
      continue; // created meanwhile by another credit: add to it
    }
    const at = key ? (doc.applied?.indexOf(key) ?? -1) : -1;
    if (key && at >= 0) {
      // Added to the total before (a crash, or a drain running twice): finish the roll-ups of the placement it was
      // added under — a restamp since moved it with the total, so that is where it is still missing, if anywhere.
      await bumpRollups(deps, { ...doc, ...stampOf(doc.appliedStamps?.[at] ?? doc.stamp) }, year, delta, doc.openedBy === key ? 1 : 0, key);
      return;
    }
    // Only while the stamp we read holds: otherwise a restamp moved the total and our points must follow it.
    const marks = key ? { $pushAll: { applied: [key], appliedStamps: [doc.stamp] } } : {};
    if ((await totals(deps.store).updateWhere({ _id: doc._id, stamp: doc.stamp, ...unapplied }, { $inc: { total: delta, credits }, ...marks })) === 1) {
      await bumpRollups(deps, doc, year, delta, 0, key);
      return;
    }
    doc = null;
  }
  throw new AppError('CONFLICT', '积分正在更新，请稍后重试');
}

/**
 * Stamps the member's total for `year` with their placement as `place()` reads it now, moving its points between
 * organisations and grids. Two moves of one member may race: whoever stamps last checks the placement again
 * afterwards and goes round once more if it changed meanwhile, so the stamp ends at the latest placement.
 */
export async function restamp(deps: Pick<Deps, 'store' | 'now'>, memberId: string, year: number, place: () => Promise<Stamp>): Promise<void> {
  const same = (a: Stamp, b: Stamp) => stampKey(a) === stampKey(b) && a.path === b.path && a.name === b.name;
  let to = await place();
  for (let i = 0; i < ATTEMPTS; i++) {
    const doc = await totals(deps.store).get(totalId(memberId, year));
    let written = false;
    if (!doc) {
      // Placed members get a zero total, so they count in their organisation's members and in rankings.
      if (!to.communityId) return;
      written = await totals(deps.store).insertIfAbsent(newTotal(memberId, year, to, 0, 0));
      if (written) await bumpRollups(deps, to, year, 0, 1);
    } else if (same(doc, to)) {
      return;
    } else {
      // Conditional on the total too: a credit landing in between makes us re-read, so no points are lost in the move.
      const set = { communityId: to.communityId, gridId: to.gridId, orgId: to.orgId, path: to.path, name: to.name, stamp: stampKey(to) };
      written = (await totals(deps.store).updateWhere({ _id: doc._id, stamp: doc.stamp, total: doc.total }, { $set: set })) === 1;
      if (written && doc.stamp !== set.stamp) {
        await bumpRollups(deps, doc, year, -doc.total, -1);
        await bumpRollups(deps, to, year, doc.total, 1);
      }
    }
    if (written) {
      const now = await place();
      if (same(now, to)) return;
      to = now;
    }
  }
  throw new AppError('CONFLICT', '积分正在更新，请稍后重试');
}

async function bumpRollups(deps: Pick<Deps, 'store' | 'now'>, stamp: Stamp, year: number, total: number, members: number, key?: string): Promise<void> {
  await Promise.all([
    stamp.orgId ? bumpRollup(deps, 'org', stamp.orgId, stamp, year, total, members, key) : null,
    stamp.gridId ? bumpRollup(deps, 'grid', stamp.gridId, stamp, year, total, members, key) : null,
  ]);
}

/** With a key, the increment and its marker are one write: a second application matches nothing. */
async function bumpRollup(
  deps: Pick<Deps, 'store' | 'now'>,
  kind: RollupDoc['kind'],
  refId: string,
  stamp: Stamp,
  year: number,
  total: number,
  members: number,
  key?: string,
): Promise<void> {
  const _id = `${kind}:${refId}:${year}`;
  // Whatever happens below, the key ends up on the roll-up: the drain takes it off again once the batch is cleared.
  if (key) (deps as Marking).marks?.push({ collection: 'points_rollups', id: _id, key });
  const where = key ? { _id, applied: { $hasNone: [key] } } : { _id };
  const inc = { $inc: { total, members }, ...(key ? { $pushAll: { applied: [key] } } : {}) };
  if ((await rollups(deps.store).updateWhere(where, inc)) === 1) return;
  if (key) {
    // Missing, or holding the key already (then done); created since our update, it takes one more try.
    const seen = await rollups(deps.store).get(_id);
    if (seen?.applied?.includes(key)) return;
    if (seen) {
      await rollups(deps.store).updateWhere(where, inc);
      return;
    }
  }
  const doc = await describeRollup(deps, kind, refId, stamp);
  if (await rollups(deps.store).insertIfAbsent({ _id, kind, refId, year, ...doc, total, members, ...(key ? { applied: [key] } : {}) })) return;
  await rollups(deps.store).updateWhere(where, inc);
}

/** Name and place of a new roll-up: an organisation registers with a community; a grid lies in one. */
async function describeRollup(deps: Pick<Deps, 'store' | 'now'>, kind: RollupDoc['kind'], refId: string, stamp: Stamp): Promise<Pick<RollupDoc, 'name' | 'communityId' | 'path'>> {
  if (kind === 'org') {
    const org = await organisations(deps.store).get(refId);
    return { name: org?.name ?? '', communityId: org?.communityId ?? stamp.communityId, path: org?.path ?? stamp.path ?? '/' };
  }
  const grid = await areas(deps.store).get(refId);
  return { name: grid?.name ?? '', communityId: stamp.communityId, path: grid?.path ?? pathUpTo(stamp.path, refId) ?? '/' };
}
