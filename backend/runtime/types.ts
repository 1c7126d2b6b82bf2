/** The runtime's vocabulary: identities, dependencies, the context a command gets, action definitions. */
import type { z } from 'zod/mini';
import type { Actor } from '../../shared/users/roles';
import type { Ports } from '../ports/types';
import type { DocumentStore } from '../store/port';

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
}

/** `user`: a known person; `guest`: any verified identity, even one not yet registered. */
export type AuthLevel = 'user' | 'guest' | 'system';

export interface GuestCtx extends Deps {
  actor: Actor | null;
  identity: Identity;
}

export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  input: S;
  auth: AuthLevel;
  run(ctx: Ctx, input: z.infer<S>): Promise<R>;
}

export interface FunctionDef {
  name: string;
  actions: Record<string, ActionDef>;
}
