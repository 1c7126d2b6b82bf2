/** The runtime's vocabulary: identities, dependencies, the context a command gets, action definitions. */
import type { z } from 'zod/mini';
import type { Actor } from '../../shared/users/roles';
import type { Ports } from '../ports/types';
import type { DocumentStore, Filter } from '../store/port';
import type { PendingRef } from '../records/effects';

/** Who the transport says is calling. Never built from the payload. */
export type Identity =
  | { kind: 'wechat'; openid: string }
  | { kind: 'web'; uid: string }
  | { kind: 'local'; userId: string }
  /** Timer triggers and maintenance scripts. */
  | { kind: 'system' };

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

/** What every command may use; tests swap any of it (clock, store, ports). */
export interface Deps {
  store: DocumentStore;
  now: () => number;
  log: Logger;
  ports: Ports;
}

export interface Ctx extends Deps {
  actor: Actor;
  identity: Identity;
  /** Records this invocation left with effects to apply (backend/records/move.ts fills it; the answer names them). */
  pending?: PendingRef[];
  /** Records the handler read beside the caller (`collection/id` → doc, null when missing): see `prefetched()`. */
  prefetched?: Map<string, unknown>;
}

/**
 * `user`: a known person; `guest`: any verified identity, even one not yet registered; `caller`: any verified
 * identity, never read (an action whose outcome does not depend on who asks saves the read).
 */
export type AuthLevel = 'user' | 'guest' | 'caller' | 'system';

export interface GuestCtx extends Deps {
  actor: Actor | null;
  identity: Identity;
  pending?: PendingRef[];
  prefetched?: Map<string, unknown>;
}

/** What an action will read, named from its input so the handler reads it together with the caller. */
export interface Prefetch {
  /** Other people: fetched in the caller's own read. */
  users?: string[];
  /** Records read in parallel with the caller. */
  docs?: Array<{ collection: string; id: string }>;
  /** Queries run in parallel with the caller (an invitation by its token's hash), under a name the handler reads them by (`foundOnce`). */
  finds?: Array<{ key: string; collection: string; filter: Filter; limit: number }>;
}

export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  input: S;
  auth: AuthLevel;
  run(ctx: Ctx, input: z.infer<S>): Promise<R>;
  prefetch?(input: z.infer<S>): Prefetch;
}

export interface FunctionDef {
  name: string;
  actions: Record<string, ActionDef>;
}
