/** `api.<function>.<action>(input)`: the typed client the pages use. */
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/api';
import { call } from './call';

function action<F extends FunctionName, A extends ActionName<F>>(fn: F, name: A) {
  return (input: InputOf<F, A>): Promise<OutputOf<F, A>> => call(fn, name, input);
}

export const api = {
  areas: {
    children: action('areas', 'children'),
    get: action('areas', 'get'),
    search: action('areas', 'search'),
  },
  users: {
    me: () => call('users', 'me', {}),
    acceptPrivacy: action('users', 'acceptPrivacy'),
    grantRole: action('users', 'grantRole'),
    revokeRole: action('users', 'revokeRole'),
    listPeople: action('users', 'listPeople'),
  },
};

export { call } from './call';
export { ApiError, fieldError, messageOf } from './errors';
