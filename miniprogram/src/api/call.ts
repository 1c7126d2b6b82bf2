/** The one typed entry point: call(fn, action, input) → output, over Taro.cloud on weapp and HTTP on h5. */
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/api';
import { callOverCloud } from './cloud';
import { unwrap } from './envelope';
import { callOverHttp } from './http';

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const envelope =
    process.env.TARO_ENV === 'weapp' ? await callOverCloud(fn, action, input) : await callOverHttp(fn, action, input);
  // The contract in shared/api.ts is what the server's handlers are checked against.
  return unwrap(envelope) as OutputOf<F, A>;
}
