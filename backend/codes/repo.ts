/** The `codes` function keeps no collection of its own: codes are derived from ids. It reads activities minimally. */
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export const INDEXES: Record<string, IndexSpec[]> = {};

/** The fields of an `activities` document a code needs (the activities module owns the rest). */
export interface ActivityRef {
  _id: string;
  title: string;
  path: string;
}

export const activityRefs = (store: DocumentStore): Collection<ActivityRef> => store.collection<ActivityRef>('activities');
