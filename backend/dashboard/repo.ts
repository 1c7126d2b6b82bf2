/**
 * The `dashboard` collection `order_counters`: one doc per area node per Shanghai day, `${nodeId}:${yyyymmdd}`, its
 * fields incremented by the effects of every counted order event; `applied` holds the keys of the effect batches
 * added while their records still carry them, so a batch applied again adds nothing (backend/records/counts.ts).
 */
import type { Colour } from '../../shared/orders/model';
import type { CounterField } from '../../shared/dashboard/model';
import type { OpenDocField } from '../records/pending';
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
  /** 多方接单 per unit: `<unitId>_<metric>` → count (backend/dashboard/events.ts forUnit). */
  un?: Partial<Record<string, number>>;
  /** Every rate's counts by source: `<source>_<field>` → count, for SOURCE_FIELDS (backend/dashboard/events.ts bySource). */
  src?: Partial<Record<string, number>>;
  /** Only on a node's `open` doc (day 'open'): its 待办 counts, records waiting in each state, and the open backlog by state (backend/records/pending.ts). */
  p?: Partial<Record<OpenDocField, number>>;
  applied?: string[];
}

export const counters = (store: DocumentStore): Collection<CounterDoc> => store.collection<CounterDoc>('order_counters');

export const counterId = (nodeId: string, day: string): string => `${nodeId}:${day.replace(/-/g, '')}`;

// Read by id (get / `_id $in`), which the primary key serves, and by node and day range: 下级对比 sums each child's days in one group.
export const INDEXES: Record<string, IndexSpec[]> = {
  order_counters: [
    {
      fields: [
        ['nodeId', 1],
        ['day', 1],
      ],
    },
  ],
};
