/** The one typed entry point: call(fn, action, input) → output, over Taro.cloud on weapp and HTTP on h5. */
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/api';
import { callOverCloud } from './cloud';
import { drainAfter } from './effects';
import { unwrap } from './envelope';
import { callOverHttp } from './http';
import { keyedSender } from './keyed';

// Chosen outside any async function so the build folds it and ships one transport per platform.
const transport = process.env.TARO_ENV === 'weapp' ? callOverCloud : callOverHttp;

/** Keyed writes (api/keyed.ts) carry a request key and are sent once more when no answer came back. */
const send = keyedSender(async (fn, action, input) => {
  const envelope = await transport(fn, action, input);
  drainAfter(transport, envelope);
  return unwrap(envelope);
});

/** Untyped core shared by `call` and the `api` client; returns the envelope's data or throws ApiError. */
export function callAction(fn: string, action: string, input: unknown): Promise<unknown> {
  return send(fn, action, input);
}

export function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> {
  // The contract in shared/api.ts is what the server's handlers are checked against.
  return callAction(fn, action, input) as Promise<OutputOf<F, A>>;
}
