/** `api.<function>.<action>(input)`: the typed client the pages use, one method per action of shared/api.ts. */
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/api';
import { callAction } from './call';

type Method<F extends FunctionName, A extends ActionName<F>> =
  // Actions that take no input (users.me, notifications.unread) may be called without one.
  Record<string, never> extends InputOf<F, A> ? (input?: InputOf<F, A>) => Promise<OutputOf<F, A>> : (input: InputOf<F, A>) => Promise<OutputOf<F, A>>;

export type ApiClient = { [F in FunctionName]: { [A in ActionName<F>]: Method<F, A> } };

/** Methods are made on first use, so new actions in the contract need no change here. */
function functionClient(fn: string): object {
  return new Proxy(
    {},
    {
      get: (_target, action) => (typeof action === 'string' ? (input: unknown = {}) => callAction(fn, action, input) : undefined),
    },
  );
}

export const api = new Proxy({}, { get: (_target, fn) => (typeof fn === 'string' ? functionClient(fn) : undefined) }) as ApiClient;

export { call } from './call';
export { ApiError, fieldError, formMessage, messageOf } from './errors';
