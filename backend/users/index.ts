/** The `users` cloud function: who am I, privacy consent, people in scope, role grants. */
import { acceptPrivacyInput, grantRoleInput, listPeopleInput, meInput, revokeRoleInput } from '../../shared/users/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { acceptPrivacy, getMe } from './me';
import { listPeople } from './people';
import { grantRole, revokeRole } from './roles';

export const usersFunction = defineFunction('users', {
  me: userAction(meInput, getMe),
  acceptPrivacy: userAction(acceptPrivacyInput, acceptPrivacy),
  grantRole: userAction(grantRoleInput, grantRole),
  revokeRole: userAction(revokeRoleInput, revokeRole),
  listPeople: userAction(listPeopleInput, listPeople),
});
