/**
 * Data migrations: each converts stored records to the current shape once, idempotently (a converted record is left
 * alone), a page at a time. Run at start-up locally (ensureAllIndexes) and by `npm run migrate` against CloudBase,
 * where nothing runs at start. Each domain's migration lives in its folder and is listed here, in order. A complete
 * run leaves a done-marker in `migrations`, so later starts skip it without paging its collection again.
 */
import type { Collection, DocumentStore } from '../store/port';
import { DECLARATION_TIMELINE_CODES } from '../points/migrate';
import { POST_HOLDERS_ON_POSTS, POST_STINTS_ON_MEMBERS } from '../activities/migrate';
import { COUNTERS_BY_SOURCE, COUNTERS_ON_OUTCOME_DAYS } from '../dashboard/migrate';
import { DIARY_ORDERS_AS_PATROL } from '../diary/migrate';
import { ORDER_TIMELINE_CODES } from '../orders/migrate';
import { HELD_ON_MEMBERS } from '../orders/migrateHeld';
import { WISH_TIMELINE_CODES } from '../wishes/migrate';
import { PENDING_BACKLOG_COUNTS, PENDING_COUNTS, PENDING_POOL_COUNTS } from './pendingRebuild';
import { PERSONAL_COUNTS } from './recount';
import { ROLE_AREAS_ON_USERS } from '../users/migrate';

export interface Migration {
  name: string;
  /** Converts what is left to convert; returns how many records it changed (0 once done). */
  run(store: DocumentStore): Promise<number>;
}

/** One per migration that ran to the end: `_id` is its name. Read by id only. */
export interface MigrationMark {
  _id: string;
  doneAt: number;
  /** Records the completing run changed. */
  changed: number;
}

export const migrationMarks = (store: DocumentStore): Collection<MigrationMark> => store.collection<MigrationMark>('migrations');

export const MIGRATIONS: Migration[] = [
  // backend/<domain>/migrate.ts entries go here.
  DECLARATION_TIMELINE_CODES,
  ORDER_TIMELINE_CODES,
  HELD_ON_MEMBERS,
  WISH_TIMELINE_CODES,
  POST_HOLDERS_ON_POSTS,
  POST_STINTS_ON_MEMBERS,
  COUNTERS_ON_OUTCOME_DAYS,
  COUNTERS_BY_SOURCE,
  PENDING_COUNTS,
  ROLE_AREAS_ON_USERS,
  PENDING_POOL_COUNTS,
  PERSONAL_COUNTS,
  DIARY_ORDERS_AS_PATROL,
  PENDING_BACKLOG_COUNTS,
];

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Run every migration even where its marker says done (`npm run migrate -- --force`). */
  force?: boolean;
}

/**
 * Runs the migrations not marked done, in order; each one's marker is written only after its run returns, so a crash
 * mid-run leaves none and the next run picks up what is left (a converted record is skipped). One read when all are done.
 */
export async function runMigrations(store: DocumentStore, list: Migration[], options: MigrateOptions = {}): Promise<number> {
  const marks = migrationMarks(store);
  const done = options.force ? new Set<string>() : new Set((await marks.find({ _id: { $in: list.map((m) => m.name) } })).map((d) => d._id));
  let changed = 0;
  for (const m of list) {
    if (done.has(m.name)) continue;
    const n = await m.run(store);
    if (n) options.log?.(`${m.name}: ${n}`);
    changed += n;
    await marks.insertIfAbsent({ _id: m.name, doneAt: Date.now(), changed: n });
  }
  return changed;
}

export function migrateAll(store: DocumentStore, log: (line: string) => void = () => undefined, options: Omit<MigrateOptions, 'log'> = {}): Promise<number> {
  return runMigrations(store, MIGRATIONS, { ...options, log });
}
