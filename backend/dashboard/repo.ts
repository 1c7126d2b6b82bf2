/**
 * The `dashboard` collections: `order_counters` (one doc per area node per Shanghai day, `${nodeId}:${yyyymmdd}`,
 * fields incremented on every counted order event) and `order_counted` (one marker per counted timeline entry,
 * `${orderId}:${entryIndex}`, so an event is applied once however often it is retried).
 */
import type { Colour } from '../../shared/orders/model';
import type { CounterField } from '../../shared/dashboard/model';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface CounterDoc {
  _id: string;
  nodeId: string;
  /** YYYY-MM-DD, Shanghai. */
  day: string;
  c?: Partial<Record<CounterField, number>>;
  /** Filings by category key (CATEGORY_KEYS) and by 3色 colour, on the filing day. */
  cat?: Partial<Record<string, number>>;
  col?: Partial<Record<Colour, number>>;
  /** Histograms: bucket `b<i>` → count (MINUTE_BUCKETS). rh: filing → first response; sh: filing → first 办结. */
  rh?: Partial<Record<string, number>>;
  sh?: Partial<Record<string, number>>;
}

export interface CountedMarker {
  _id: string;
  at: number;
}

export const counters = (store: DocumentStore): Collection<CounterDoc> => store.collection<CounterDoc>('order_counters');
export const counted = (store: DocumentStore): Collection<CountedMarker> => store.collection<CountedMarker>('order_counted');

export const counterId = (nodeId: string, day: string): string => `${nodeId}:${day.replace(/-/g, '')}`;

// Both are read by id only (get / `_id $in`), which the primary key serves.
export const INDEXES: Record<string, IndexSpec[]> = {};
