/** 平时/急时: a community's mode lives on its area doc (order filing already reads it: no extra read), every switch in `mode_switches`. */
import type { Area } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { CommunityMode } from '../../shared/response/model';
import { MODE_NAMES } from '../../shared/response/model';
import { canSwitchMode } from '../../shared/response/permissions';
import type { EmergencyNotice, ModeStatusInput, ModeStatusView, SwitchModeInput } from '../../shared/response/schemas';
import { staffScopes } from '../../shared/users/permissions';
import { audited } from '../records/make';
import { updateWithEffects } from '../records/move';
import { forget } from '../runtime/warm';
import { keptOnPath } from '../areas/levels';
import { AREAS_KEPT, areas, requireArea, trailOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { users } from '../users/repo';
import type { ModeSwitchDoc } from './repo';
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

/** The 急时 communities under the actor's staff scopes, as $or branches (a prefix read per scope on the indexed path). */
const emergencyBranches = (scopes: string[]): Filter[] => scopes.map((p) => ({ level: 'community', mode: 'emergency', path: { $prefix: p } }));

/** The community the page opens on: the one asked for, or the actor's own when they serve exactly one. */
function defaultCommunityId(ctx: Ctx): string | undefined {
  const own = ctx.actor.roles.filter((g) => g.role === 'community_staff');
  return own.length === 1 ? own[0]?.areaId : undefined;
}

export async function modeStatus(ctx: Ctx, input: ModeStatusInput): Promise<ModeStatusView> {
  const id = input.communityId ?? defaultCommunityId(ctx);
  const scopes = staffScopes(ctx.actor);
  if (!id && scopes.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以查看平时/急时');
  // The community and the 急时 ones in scope in one read (fresh, so a switch shows at once), its history beside it.
  const [found, switches] = await Promise.all([
    areas(ctx.store).find({ $or: [...(id ? [{ _id: id }] : []), ...emergencyBranches(scopes)] }, { sort: [['path', 1]], limit: 101 }) as Promise<CommunityNode[]>,
    id
      ? modeSwitches(ctx.store).find(
          { communityId: id },
          {
            sort: [
              ['at', -1],
              ['_id', -1],
            ],
            limit: 20,
          },
        )
      : [],
  ]);
  const emergencies = found.filter((a) => a.level === 'community' && a.mode === 'emergency' && scopes.some((p) => a.path.startsWith(p))).map(emergencyNotice);
  if (!id) return { community: null, history: [], emergencies };
  // Past a full page of 急时 communities the one asked for may be left off: then read by itself.
  const node = found.find((a) => a._id === id) ?? (found.length === 101 ? await requireCommunity(ctx, id) : null);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '社区不存在或已停用');
  if (node.level !== 'community') throw invalid('communityId', '请选择一个社区');
  if (!canSwitchMode(ctx.actor, node.path)) throw new AppError('FORBIDDEN', '只能查看您负责的社区');
  // The trail's names from the warm instance.
  const known = await keptOnPath(ctx.store, node.path);
  // Switches keep their switcher's name; only older ones need the people read.
  const unnamed = [...new Set(switches.filter((s) => s.byName === undefined).map((s) => s.by))];
  const people = unnamed.length ? await users(ctx.store).find({ _id: { $in: unnamed } }) : [];
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
    history: switches.map((s) => ({ id: s._id, mode: s.mode, modeName: MODE_NAMES[s.mode], reason: s.reason, at: s.at, byName: s.byName ?? names.get(s.by) ?? '' })),
    emergencies,
  };
}

/**
 * 切换平时/急时: one conditional update on the community's `modeRev` (two staff switching at once: exactly one wins),
 * carrying the switch record (under a derived id) and the audit entry as its effects (docs/effects.md).
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
  const switched: ModeSwitchDoc = {
    _id: `${node._id}:${rev + 1}`,
    communityId: node._id,
    path: node.path,
    mode: input.mode,
    reason: input.reason,
    at: now,
    by: ctx.actor.userId,
    byName: ctx.actor.name,
  };
  const audit = audited(ctx, {
    action: 'response.switchMode',
    targetType: 'community',
    targetId: node._id,
    areaPath: node.path,
    detail: { from: current, to: input.mode, reason: input.reason },
  });
  const matched = await updateWithEffects(
    ctx,
    'areas',
    node._id,
    { _id: node._id, modeRev: rev === 0 ? { $exists: false } : rev },
    { $set: { mode: input.mode, modeSince: now, modeReason: input.reason }, $inc: { modeRev: 1 } },
    [{ type: 'insert', collection: 'mode_switches', doc: switched }, audit],
  );
  if (matched !== 1) throw new AppError('CONFLICT', '其他工作人员刚刚切换过，请刷新后再试');
  forget(ctx.store, AREAS_KEPT);
  return { mode: input.mode, since: now };
}
