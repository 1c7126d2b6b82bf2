/**
 * Data migrations: each converts stored records to the current shape once, idempotently (a converted record is left
 * alone), a page at a time. Run at start-up locally (ensureAllIndexes) and by `npm run migrate` against CloudBase,
 * where nothing runs at start. Each domain's migration lives in its folder and is listed here, in order.
 */
import type { DocumentStore } from '../store/port';
import { DECLARATION_TIMELINE_CODES } from '../points/migrate';
import { POST_HOLDERS_ON_POSTS, POST_STINTS_ON_MEMBERS } from '../activities/migrate';
import { ORDER_TIMELINE_CODES } from '../orders/migrate';
import { HELD_ON_MEMBERS } from '../orders/migrateHeld';
import { WISH_TIMELINE_CODES } from '../wishes/migrate';

export interface Migration {
  name: string;
  /** Converts what is left to convert; returns how many records it changed (0 once done). */
  run(store: DocumentStore): Promise<number>;
}

export const MIGRATIONS: Migration[] = [
  // backend/<domain>/migrate.ts entries go here.
  DECLARATION_TIMELINE_CODES,
  ORDER_TIMELINE_CODES,
  HELD_ON_MEMBERS,
  WISH_TIMELINE_CODES,
  POST_HOLDERS_ON_POSTS,
  POST_STINTS_ON_MEMBERS,
];

export async function migrateAll(store: DocumentStore, log: (line: string) => void = () => undefined): Promise<number> {
  let changed = 0;
  for (const m of MIGRATIONS) {
    const n = await m.run(store);
    if (n) log(`${m.name}: ${n}`);
    changed += n;
  }
  return changed;
}
