/** The `users` cloud function: who am I, privacy consent, people in scope, role grants, invitations. */
import {
  acceptPrivacyInput,
  callContactInput,
  grantRoleInput,
  listPeopleInput,
  meInput,
  revokeRoleInput,
  setElderModeInput,
  setHomeInput,
  todoInput,
} from '../../shared/users/schemas';
import { acceptInvitationInput, invitationInput, invitationsInput, inviteInput, revokeInvitationInput } from '../../shared/invitations/schemas';
import { acceptInvitation, showInvitation } from '../invitations/accept';
import { invite, listInvitations, revokeInvitation } from '../invitations/invite';
import { defineFunction, guestAction, userAction } from '../runtime/define';
import { myCallContact } from './contact';
import { setElderMode } from './elder';
import { enroll, setHome } from './enroll';
import { acceptPrivacy, getMe } from './me';
import { listPeople } from './people';
import { grantRole, revokeRole } from './roles';
import { todo } from './todo';

export const usersFunction = defineFunction('users', {
  /** A first call from a new WeChat identity enrolls the person, then answers as for anyone. */
  me: guestAction(meInput, async (ctx) => getMe({ ...ctx, actor: await enroll(ctx) })),
  setHome: userAction(setHomeInput, async (ctx, input) => {
    await setHome(ctx, input);
    return getMe(ctx);
  }),
  acceptPrivacy: userAction(acceptPrivacyInput, acceptPrivacy),
  grantRole: userAction(grantRoleInput, grantRole),
  revokeRole: userAction(revokeRoleInput, revokeRole),
  listPeople: userAction(listPeopleInput, listPeople),
  setElderMode: userAction(setElderModeInput, setElderMode),
  callContact: userAction(callContactInput, myCallContact),
  /** 待办 on the home page: counts for the caller's roles, urgent first. */
  todo: userAction(todoInput, todo),
  /** 邀请: what a link offers, and accepting it (the first to accept gets the role; a new WeChat user is enrolled first). */
  invitation: guestAction(invitationInput, showInvitation),
  acceptInvitation: guestAction(acceptInvitationInput, acceptInvitation),
  /** 邀请人员: staff issue (the node read beside the caller), list and revoke invitations to a post on a node of their subtree. */
  invite: userAction(inviteInput, invite, (i) => ({ docs: [{ collection: 'areas', id: i.areaId }] })),
  invitations: userAction(invitationsInput, listInvitations, (i) => ({ docs: [{ collection: 'areas', id: i.areaId }] })),
  revokeInvitation: userAction(revokeInvitationInput, revokeInvitation, (i) => ({ docs: [{ collection: 'invitations', id: i.id }] })),
});
