/** What a ledger entry came from, in words and the record's human number: `点单 20261120-3F9C2A`, `志愿活动「垃圾分类宣传」`. */
import { orderNumber } from '../../shared/orders/model';
import { POINT_REASONS } from '../../shared/points/schemas';
import type { PointReason } from '../../shared/points/schemas';
import { activities } from '../activities/repo';
import type { Deps } from '../runtime/types';
import { wishes } from '../wishes/repo';
import type { LedgerDoc } from './repo';
import { declarations } from './repo';

type Source = Pick<LedgerDoc, 'sourceType' | 'sourceId'>;

/** A ledger id is `reason:type:id` (ledger.ts ledgerId): the entry a correction points at. */
function corrected(sourceType: string, sourceId: string): { reason: PointReason | null; source: Source } | null {
  const entryId = sourceType === 'adjust' ? (sourceId.split('~')[0] ?? '') : sourceId;
  const [reason, type, ...rest] = entryId.split(':');
  if (!reason || !type || rest.length === 0) return null;
  return { reason: Object.hasOwn(POINT_REASONS, reason) ? (reason as PointReason) : null, source: { sourceType: type, sourceId: rest.join(':') } };
}

/** The record a source names, as its ids to look up by collection (a correction names the entry it corrects). */
function underlying(e: Source): Source {
  if (e.sourceType !== 'reversal' && e.sourceType !== 'adjust') return e;
  return corrected(e.sourceType, e.sourceId)?.source ?? e;
}

/** Titles and numbers of the records behind a batch of entries: one read per kind of record. */
async function recordNames(deps: Pick<Deps, 'store'>, entries: Source[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(
      entries
        .map(underlying)
        .filter((s) => s.sourceType === type)
        .map((s) => s.sourceId),
    ),
  ];
  const activityIds = [...new Set(ids('activity').map((id) => id.split(':')[0] ?? ''))];
  const [wishDocs, activityDocs, declarationDocs] = await Promise.all([
    ids('wish').length ? wishes(deps.store).find({ _id: { $in: ids('wish') } }) : [],
    activityIds.length ? activities(deps.store).find({ _id: { $in: activityIds } }) : [],
    ids('declaration').length ? declarations(deps.store).find({ _id: { $in: ids('declaration') } }) : [],
  ]);
  const names = new Map<string, string>();
  for (const w of wishDocs) names.set(`wish:${w._id}`, `微心愿「${w.publicTitle}」`);
  for (const a of activityDocs) names.set(`activity:${a._id}`, `志愿活动「${a.title}」`);
  for (const d of declarationDocs) names.set(`declaration:${d._id}`, `服务申报 ${d.date} ${d.hours} 小时`);
  return names;
}

function nameOf(s: Source, names: Map<string, string>): string {
  if (s.sourceType === 'order') return `点单 ${orderNumber(s.sourceId)}`;
  const key = s.sourceType === 'activity' ? `activity:${s.sourceId.split(':')[0] ?? ''}` : `${s.sourceType}:${s.sourceId}`;
  return names.get(key) ?? '（记录已删除）';
}

/** Each entry's source in words, in the order given: a correction says what it corrects. */
export async function sourceWords(deps: Pick<Deps, 'store'>, entries: Source[]): Promise<string[]> {
  const names = await recordNames(deps, entries);
  return entries.map((e) => {
    if (e.sourceType !== 'reversal' && e.sourceType !== 'adjust') return nameOf(e, names);
    const of = corrected(e.sourceType, e.sourceId);
    const what = of ? `${of.reason ? POINT_REASONS[of.reason] : ''} ${nameOf(of.source, names)}`.trim() : '';
    return `${e.sourceType === 'reversal' ? '冲正' : '调整'}：${what}`;
  });
}
