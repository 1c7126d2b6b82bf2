/** Helpers that tie an action's schema, auth level and handler together, typed by the shared API contract. */
import type { z } from 'zod/mini';
import type { ApiContract, FunctionName } from '../../shared/api';
import type { ActionDef, Ctx, FunctionDef, GuestCtx, Prefetch } from './types';

type Contract<F extends FunctionName> = ApiContract[F];

type Handlers<F extends FunctionName> = {
  [A in keyof Contract<F>]: ActionDef<z.ZodMiniType<Contract<F>[A] extends { input: infer I } ? I : never>, Contract<F>[A] extends { output: infer O } ? O : never>;
};

/** Declares a cloud function; the compiler checks every contract action has a handler of the right shape. */
export function defineFunction<F extends FunctionName>(name: F, actions: Handlers<F>): FunctionDef {
  return { name, actions: actions as unknown as Record<string, ActionDef> };
}

/** An action any registered person may call; finer checks happen inside with permission predicates. */
export function userAction<S extends z.ZodMiniType, R>(input: S, run: (ctx: Ctx, data: z.infer<S>) => Promise<R>, prefetch?: (data: z.infer<S>) => Prefetch): ActionDef<S, R> {
  return prefetch ? { input, auth: 'user', run, prefetch } : { input, auth: 'user', run };
}

/** An action a verified but possibly unregistered identity may call (first visit, registration). */
export function guestAction<S extends z.ZodMiniType, R>(
  input: S,
  run: (ctx: GuestCtx, data: z.infer<S>) => Promise<R>,
  prefetch?: (data: z.infer<S>) => Prefetch,
): ActionDef<S, R> {
  return { input, auth: 'guest', run: run as (ctx: Ctx, data: z.infer<S>) => Promise<R>, ...(prefetch && { prefetch }) };
}

/** An action any verified identity may call whose outcome does not depend on who it is: the caller is not read. */
export function callerAction<S extends z.ZodMiniType, R>(input: S, run: (ctx: GuestCtx, data: z.infer<S>) => Promise<R>): ActionDef<S, R> {
  return { input, auth: 'caller', run: run as (ctx: Ctx, data: z.infer<S>) => Promise<R> };
}

/** An action only timers and maintenance scripts may call. */
export function systemAction<S extends z.ZodMiniType, R>(input: S, run: (ctx: GuestCtx, data: z.infer<S>) => Promise<R>): ActionDef<S, R> {
  return { input, auth: 'system', run: run as (ctx: Ctx, data: z.infer<S>) => Promise<R> };
}
