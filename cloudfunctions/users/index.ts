/** CloudBase function `users`: me, privacy consent, people in scope, role grants. */
import { cloudMain } from '../../backend/runtime/cloud';
import { usersFunction } from '../../backend/users';

export const main = cloudMain(usersFunction);
