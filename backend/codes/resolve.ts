/** 扫码: turns a scanned scene into the page to open and the node or activity it names, or a clear reason it cannot. */
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import { CODE_PAGES, SCENE_PROBLEMS, decodeScene } from '../../shared/codes/scene';
import type { ResolveInput, ScanResolution } from '../../shared/codes/schemas';
import { AppError } from '../../shared/errors';
import type { Area } from '../../shared/areas/model';
import { keptOnPath } from '../areas/levels';
import { areas, areasOnPaths, keptNode, trailOf } from '../areas/repo';
import type { GuestCtx } from '../runtime/types';
import { contactFor } from '../users/contact';
import { activityRefs } from './repo';

const CHOOSE_BY_HAND = '请手动选择您所在的楼栋';

export async function resolveScene(ctx: GuestCtx, input: ResolveInput): Promise<ScanResolution> {
  const decoded = decodeScene(input.scene);
  if (!decoded.ok) {
    const msg = SCENE_PROBLEMS[decoded.problem];
    throw new AppError('VALIDATION', msg, { scene: msg });
  }
  const { target } = decoded;
  if (target.kind === 'activity') {
    const activity = await activityRefs(ctx.store).get(target.id);
    if (!activity) throw new AppError('NOT_FOUND', '这个签到码对应的活动不存在或已删除，请向活动组织者核实');
    return {
      goal: 'checkin',
      route: `/${CODE_PAGES.checkin}?id=${encodeURIComponent(activity._id)}`,
      activity: { id: activity._id, title: activity.title },
    };
  }
  // The node and its path from the warm instance: a scan reads no area most of the time.
  const node = await keptNode(ctx.store, target.id);
  if (!node) throw new AppError('NOT_FOUND', `这个二维码对应的区域不存在，可能已被撤销。${CHOOSE_BY_HAND}`);
  const levelName = AREA_LEVEL_NAMES[node.level];
  if (node.retired) return retiredScan(ctx, node);
  const known = await keptOnPath(ctx.store, node.path);
  // The landing's 一键呼叫 rings someone other than the scanner (a grid leader scanning his grid gets the community).
  const contact = await contactFor(ctx, node.path, known, ctx.actor ?? undefined);
  const result: ScanResolution = {
    goal: node.level === 'building' ? 'order' : 'landing',
    // Under a grid or community the order page asks for the building, starting at this node.
    route: `/${CODE_PAGES.newOrder}?building=${encodeURIComponent(node._id)}`,
    node: { id: node._id, name: node.name, level: node.level, levelName, trail: trailOf(node.path, known) },
  };
  if (contact) result.contact = contact;
  return result;
}

/**
 * A retired node's code (areas.retire revokes it): says why, and offers the replacement named at retirement when it is
 * still in service; otherwise NOT_FOUND with the reason and the hand-picked building.
 */
async function retiredScan(ctx: GuestCtx, node: Area): Promise<ScanResolution> {
  const levelName = AREA_LEVEL_NAMES[node.level];
  const why = node.retiredAt ? `：该${levelName}已撤销${node.retiredReason ? `（${node.retiredReason}）` : ''}` : '';
  const said = `这个二维码对应的${levelName}“${node.name}”已停用${why}`;
  const instead = node.replacedBy ? await areas(ctx.store).get(node.replacedBy) : null;
  if (!instead || instead.retired) throw new AppError('NOT_FOUND', `${said}。${CHOOSE_BY_HAND}`);
  const known = await areasOnPaths(ctx.store, [instead.path]);
  const insteadLevel = AREA_LEVEL_NAMES[instead.level];
  return {
    goal: 'retired',
    route: `/${CODE_PAGES.newOrder}?building=${encodeURIComponent(instead._id)}`,
    node: { id: instead._id, name: instead.name, level: instead.level, levelName: insteadLevel, trail: trailOf(instead.path, known) },
    retired: { message: `${said}，请改到${insteadLevel}“${instead.name}”点单` },
  };
}
