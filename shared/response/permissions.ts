/** Who may send 一键响应 instructions, read their tallies and switch 平时/急时: predicates over the area tree. */
import { hasRoleAt } from '../users/permissions';
import type { Actor } from '../users/roles';
import { RESPONDER_ROLES } from './model';

/** 社区工作人员 or 街道管理员 whose subtree holds the node. */
export const canRespondAt = (a: Actor, path: string): boolean => hasRoleAt(a, RESPONDER_ROLES, path);

export const canSendInstruction = canRespondAt;
export const canSwitchMode = canRespondAt;
/** The tally (who acknowledged) is for the responders over the instruction's node. */
export const canSeeTally = canRespondAt;
