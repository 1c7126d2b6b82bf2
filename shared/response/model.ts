/** 一键响应 and 平时/急时: who sends and receives instructions, the two community modes, and their limits. */
import type { Role } from '../users/roles';

/** Who an instruction can reach: 在职党员 and the grid staff (网格员, 网格长) of the chosen subtree. */
export const RECIPIENT_ROLES = ['member', 'grid_worker', 'grid_leader'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** Who may send instructions and switch a community's mode: 社区 and 街道 staff over the node. */
export const RESPONDER_ROLES: readonly Role[] = ['community_staff', 'street_admin'];

export const COMMUNITY_MODES = ['normal', 'emergency'] as const;
export type CommunityMode = (typeof COMMUNITY_MODES)[number];
export const MODE_NAMES: Record<CommunityMode, string> = { normal: '平时', emergency: '急时' };

export const INSTRUCTION_LIMITS = {
  /** One send resolves at most this many recipients; a bigger subtree must be split. */
  maxRecipients: 5000,
  /** 提醒未收到的人: at most once per this many minutes per instruction. */
  remindEveryMinutes: 30,
  /** The deadline lies in the future, and not further than this. */
  maxDeadlineDays: 90,
  /** Open instructions shown on the home strip. */
  stripSize: 3,
} as const;
