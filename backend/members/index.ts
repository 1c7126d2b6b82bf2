/** The `members` cloud function: 双报到: member registration, 报到证, reporting organisations (单位报到), transfer, 在职党员信息库. */
import * as s from '../../shared/members/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { myRegistrations, verifyCert } from './certificate';
import { approveRegistration, rejectRegistration, theRegistration } from './decide';
import { exportLibrary, memberLibrary } from './library';
import { createOrganisation, linkOrg, listOrganisations } from './organisations';
import { registerMember, transferMember } from './register';
import { pendingRegistrations } from './review';

export const membersFunction = defineFunction('members', {
  register: userAction(s.registerInput, registerMember),
  transfer: userAction(s.transferInput, transferMember),
  mine: userAction(s.mineInput, myRegistrations),
  verifyCert: userAction(s.verifyCertInput, verifyCert),
  pending: userAction(s.pendingInput, pendingRegistrations),
  approve: userAction(s.registrationIdInput, approveRegistration, theRegistration),
  reject: userAction(s.rejectRegistrationInput, rejectRegistration, theRegistration),
  createOrganisation: userAction(s.createOrganisationInput, createOrganisation),
  listOrganisations: userAction(s.listOrganisationsInput, listOrganisations),
  linkOrg: userAction(s.linkOrgInput, linkOrg),
  library: userAction(s.libraryInput, memberLibrary),
  exportLibrary: userAction(s.exportLibraryInput, exportLibrary),
});
