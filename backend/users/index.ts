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
import { acceptInvitation, LINK_KEY, linkFilter, showInvitation } from '../invitations/accept';
import { HEADS_KEY, headsFilter, invite, listInvitations, revokeInvitation } from '../invitations/invite';
import { defineFunction, guestAction, userAction } from '../runtime/define';
import { noInput } from '../../shared/validation';
import { myCallContact } from './contact';
import { setElderMode } from './elder';
import { enroll, setHome } from './enroll';
import { acceptPrivacy, getMe } from './me';
import { listPeople } from './people';
import { grantRole, revokeRole } from './roles';
import { todo } from './todo';
import { linkHouseholdsInput, nodeInput, setAwayInput, setDeputyInput } from '../../shared/users/deputies';
import { linkHouseholds, setAway, setDeputy } from './deputy';
import { myHouseholds, nodePage } from './node';

export const usersFunction = defineFunction('users', {
  /** A first call from a new WeChat identity enrolls the person, then answers as for anyone. */
  me: guestAction(meInput, async (ctx) => getMe({ ...ctx, actor: await enroll(ctx) })),
  setHome: userAction(setHomeInput, async (ctx, input) => {
    await setHome(ctx, input);
    return getMe(ctx);
  }),
  acceptPrivacy: userAction(acceptPrivacyInput, acceptPrivacy),
  /** The person read in the caller's own read; the write carries its audit and follow-ups (backend/users/after.ts). */
  grantRole: userAction(grantRoleInput, grantRole, (i) => ({ users: [i.userId] })),
  revokeRole: userAction(revokeRoleInput, revokeRole, (i) => ({ users: [i.userId] })),
  listPeople: userAction(listPeopleInput, listPeople),
  setElderMode: userAction(setElderModeInput, setElderMode),
  callContact: userAction(callContactInput, myCallContact),
  /** 待办 on the home page: counts for the caller's roles, urgent first. */
  todo: userAction(todoInput, todo),
  /** 邀请: what a link offers, and accepting it (the first to accept gets the role; a new WeChat user is enrolled first). */
  invitation: guestAction(invitationInput, showInvitation, (i) => ({ finds: [{ key: LINK_KEY, collection: 'invitations', filter: linkFilter(i.token), limit: 1 }] })),
  acceptInvitation: guestAction(acceptInvitationInput, acceptInvitation, (i) => ({ finds: [{ key: LINK_KEY, collection: 'invitations', filter: linkFilter(i.token), limit: 1 }] })),
  /** 邀请人员: staff issue (the node kept warm; a building's 楼栋长 invitations read beside the caller), list and revoke invitations to a post on a node of their subtree. */
  invite: userAction(inviteInput, invite, (i) =>
    i.post === 'building_head' ? { finds: [{ key: HEADS_KEY, collection: 'invitations', filter: headsFilter(i.areaId), limit: 50 }] } : {},
  ),
  invitations: userAction(invitationsInput, listInvitations, (i) => ({ docs: [{ collection: 'areas', id: i.areaId }] })),
  revokeInvitation: userAction(revokeInvitationInput, revokeInvitation, (i) => ({ docs: [{ collection: 'invitations', id: i.id }] })),
  /** AB角 and 一人联十户 (backend/users/deputy.ts): the people named are read in the caller's own read. */
  setDeputy: userAction(setDeputyInput, setDeputy, (i) => ({ users: [i.userId, ...(i.deputyId ? [i.deputyId] : [])] })),
  setAway: userAction(setAwayInput, setAway, (i) => ({ users: [i.userId, i.deputyId] })),
  linkHouseholds: userAction(linkHouseholdsInput, linkHouseholds, (i) => ({ users: [i.userId, ...i.residentIds] })),
  myHouseholds: userAction(noInput, myHouseholds),
  /** 节点页: the node read beside the caller. */
  node: userAction(nodeInput, nodePage, (i) => ({ docs: [{ collection: 'areas', id: i.areaId }] })),
});
