/** 平时/急时: a community's mode lives on its area doc (order filing already reads it: no extra read), every switch in `mode_switches`. */
import type { Area } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { CommunityMode } from '../../shared/response/model';
import { MODE_NAMES } from '../../shared/response/model';
import { canSwitchMode } from '../../shared/response/permissions';
import type { EmergencyNotice, ModeStatusInput, ModeStatusView, SwitchModeInput } from '../../shared/response/schemas';
import { staffScopes } from '../../shared/users/permissions';
import { recordAudit } from '../audit/record';
import { forget } from '../runtime/warm';
import { AREAS_KEPT, areas, areasOnPaths, requireArea, trailOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { users } from '../users/repo';
import { modeSwitches } from './repo';

/** The fields a community's area doc carries once it has been switched at least once. */
export interface ModeFields {
  mode?: CommunityMode;
  modeSince?: number;
  modeReason?: string;
  /** Bumped by every switch: the compare-and-set guard, and the switch record's id. */
  modeRev?: number;
}
export type CommunityNode = Area & ModeFields;

export const isEmergency = (node: Area | undefined): boolean => (node as CommunityNode | undefined)?.mode === 'emergency';

export function emergencyNotice(node: CommunityNode): EmergencyNotice {
  return { communityId: node._id, communityName: node.name, since: node.modeSince ?? 0, reason: node.modeReason ?? '' };
}

async function requireCommunity(ctx: Ctx, id: string): Promise<CommunityNode> {
  const node = (await requireArea(ctx.store, id, '社区')) as CommunityNode;
  if (node.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return node;
}

/** Communities in 急时 under the actor's staff scopes (a prefix read per scope on the indexed path). */
async function emergenciesInScope(ctx: Ctx): Promise<EmergencyNotice[]> {
  const scopes = staffScopes(ctx.actor);
  if (scopes.length === 0) return [];
  const filter: Filter = { level: 'community', mode: 'emergency', $or: scopes.map((p) => ({ path: { $prefix: p } })) };
  const found = (await areas(ctx.store).find(filter, { sort: [['path', 1]], limit: 100 })) as CommunityNode[];
  return found.map(emergencyNotice);
}

/** The community the page opens on: the one asked for, or the actor's own when they serve exactly one. */
function defaultCommunityId(ctx: Ctx): string | undefined {
  const own = ctx.actor.roles.filter((g) => g.role === 'community_staff');
  return own.length === 1 ? own[0]?.areaId : undefined;
}

export async function modeStatus(ctx: Ctx, input: ModeStatusInput): Promise<ModeStatusView> {
  const id = input.communityId ?? defaultCommunityId(ctx);
  const emergencies = await emergenciesInScope(ctx);
  if (!id) {
    if (staffScopes(ctx.actor).length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以查看平时/急时');
    return { community: null, history: [], emergencies };
  }
  const node = await requireCommunity(ctx, id);
  if (!canSwitchMode(ctx.actor, node.path)) throw new AppError('FORBIDDEN', '只能查看您负责的社区');
  const [known, switches] = await Promise.all([
    areasOnPaths(ctx.store, [node.path]),
    modeSwitches(ctx.store).find(
      { communityId: node._id },
      {
        sort: [
          ['at', -1],
          ['_id', -1],
        ],
        limit: 20,
      },
    ),
  ]);
  const people = await users(ctx.store).find({ _id: { $in: [...new Set(switches.map((s) => s.by))] } });
  const names = new Map(people.map((u) => [u._id, u.name]));
  const mode = node.mode ?? 'normal';
  return {
    community: {
      id: node._id,
      name: node.name,
      trail: trailOf(node.path, known),
      mode,
      modeName: MODE_NAMES[mode],
      since: node.modeSince ?? null,
      reason: node.modeReason ?? null,
      canSwitch: true,
    },
    history: switches.map((s) => ({ id: s._id, mode: s.mode, modeName: MODE_NAMES[s.mode], reason: s.reason, at: s.at, byName: names.get(s.by) ?? '' })),
    emergencies,
  };
}

/**
 * 切换平时/急时: one conditional update on the community's `modeRev` (two staff switching at once:
 * exactly one wins), then the switch record under a derived id and the audit entry.
 */
export async function switchMode(ctx: Ctx, input: SwitchModeInput): Promise<{ mode: CommunityMode; since: number }> {
  const node = await requireCommunity(ctx, input.communityId);
  if (!canSwitchMode(ctx.actor, node.path)) throw new AppError('FORBIDDEN', '只有本社区工作人员或街道管理员可以切换平时/急时');
  const current = node.mode ?? 'normal';
  if (current === input.mode) {
    const said = `${node.name}已经处于${MODE_NAMES[current]}状态`;
    throw new AppError('VALIDATION', said, { mode: said });
  }
  const rev = node.modeRev ?? 0;
  const now = ctx.now();
  const matched = await areas(ctx.store).updateWhere(
    { _id: node._id, modeRev: rev === 0 ? { $exists: false } : rev },
    { $set: { mode: input.mode, modeSince: now, modeReason: input.reason }, $inc: { modeRev: 1 } },
  );
  if (matched !== 1) throw new AppError('CONFLICT', '其他工作人员刚刚切换过，请刷新后再试');
  forget(ctx.store, AREAS_KEPT);
  const switchId = `${node._id}:${rev + 1}`;
  await modeSwitches(ctx.store).insertIfAbsent({ _id: switchId, communityId: node._id, path: node.path, mode: input.mode, reason: input.reason, at: now, by: ctx.actor.userId });
  await recordAudit(ctx, {
    action: 'response.switchMode',
    targetType: 'community',
    targetId: node._id,
    areaPath: node.path,
    detail: { from: current, to: input.mode, reason: input.reason },
  });
  return { mode: input.mode, since: now };
}
