/**
 * Orders turned from a 民情日记 visit before they carried a source read as 小程序: each gets DIARY_ORDER_SOURCE (网格巡查),
 * guarded so a converted order is left alone, then the counter days are rebuilt so the board's 按来源 moves them too.
 */
import { DIARY_ORDER_SOURCE } from '../../shared/diary/model';
import { rebuildCounters } from '../dashboard/migrate';
import { scanAll } from '../exports/xlsx';
import { orders } from '../orders/repo';
import type { Migration } from '../records/migrate';
import type { DocumentStore } from '../store/port';

async function run(store: DocumentStore): Promise<number> {
  const ids: string[] = [];
  for await (const o of scanAll(orders(store), {}, 1000)) if (o.visitId && !o.source) ids.push(o._id);
  let changed = 0;
  for (const id of ids) changed += await orders(store).updateWhere({ _id: id, source: { $exists: false } }, { $set: { source: DIARY_ORDER_SOURCE } });
  // Always: a run cut short after the sources and before the counters finds no order left to change, yet rebuilds.
  return changed + (await rebuildCounters(store));
}

export const DIARY_ORDERS_AS_PATROL: Migration = { name: '民情日记转的点单记来源“网格巡查”', run };
