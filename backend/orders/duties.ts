/** 职责清单 as a community reads it (defaults ⊕ street ⊕ community), kept warm like the 时限规则: read on every 分拣. */
import { idsOnPath } from '../../shared/areas/model';
import { levelAt } from '../areas/levels';
import { DEFAULT_DUTIES } from '../../shared/duties/defaults';
import type { DutyEntries, DutyEntry, DutySource, DutySuggestion } from '../../shared/duties/model';
import { mergeDuties, suggestDuty } from '../../shared/duties/model';
import type { Deps } from '../runtime/types';
import { warm } from '../runtime/warm';

/** One saved list per street or community (`_id` is the area's id). */
export interface DutiesDoc {
  _id: string;
  entries?: DutyEntries;
  updatedAt?: number;
  updatedBy?: string;
}

/** Warm-cache key prefix (backend/runtime/warm.ts); a street's save forgets every community's copy in this instance. */
export const DUTIES_KEPT = 'duty_lists/';

/** The street's and the community's saved lists, in one request when cold. */
export function keptDutyDocs(deps: Pick<Deps, 'store'>, streetId: string, communityId: string): Promise<{ street?: DutyEntries; community?: DutyEntries }> {
  return warm(deps.store, `${DUTIES_KEPT}${communityId}`, async () => {
    const docs = await deps.store.collection<DutiesDoc>('duty_lists').find({ _id: { $in: [streetId, communityId] } });
    return { street: docs.find((d) => d._id === streetId)?.entries, community: docs.find((d) => d._id === communityId)?.entries };
  });
}

/** The effective list of the community a building path is in, found by level (a 片区 or 微网格 may lie on the path). */
export async function dutiesAt(deps: Pick<Deps, 'store'>, path: string): Promise<Array<DutyEntry & { source: DutySource }>> {
  const streetId = idsOnPath(path)[0] ?? '';
  const communityId = (await levelAt(deps.store, path, 'community'))?._id ?? streetId;
  const { street, community } = await keptDutyDocs(deps, streetId, communityId);
  return mergeDuties(DEFAULT_DUTIES, street, community);
}

/** The suggested party for an order: its category and description against its community's list. */
export async function dutyFor(deps: Pick<Deps, 'store'>, order: { path: string; category: string; description: string }): Promise<DutySuggestion | null> {
  return suggestDuty(await dutiesAt(deps, order.path), order.category, order.description);
}
