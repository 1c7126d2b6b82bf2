/**
 * 调整网格树 (issue 16, point 2): street and community staff add 片区, 网格, 微网格 and 楼栋 under a node of their subtree,
 * rename them or set a node's phone, move a 网格, 微网格 or 楼栋 (with its subtree), and retire a node with its subtree (kept for
 * history, gone from lists, its codes refused at scan). A moved node takes its subtree and people along (backend/areas/rehome.ts); open orders refuse it.
 */
import type { Area, AreaLevel } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, CHILD_LEVELS, EDITABLE_LEVELS, childPath, idsOnPath, isWithin, newChildLevel, newChildLevels } from '../../shared/areas/model';
import { canEditNode, canRetireNode } from '../../shared/areas/permissions';
import type { AddAreaInput, AreaView, MoveAreaInput, RetireAreaInput, RetiredArea, UpdateAreaInput } from '../../shared/areas/schemas';
import { AppError, invalid } from '../../shared/errors';
import { OPEN_STATUSES } from '../../shared/orders/model';
import { audited } from '../records/make';
import { updateWithEffects, withEffects } from '../records/move';
import { orders } from '../orders/repo';
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';
import { areas, forgetAreas, keepFamily, keepNode, keptFamily, keptNode, toAreaView } from './repo';

const ID_PREFIX: Partial<Record<AreaLevel, string>> = { zone: 'Z', grid: 'G', microgrid: 'M', building: 'B' };
const NOT_YOURS = '社区工作人员和街道管理员只能调整本辖区内的区域（网格长、网格员不能调整网格树）';
/** More siblings than any real node has; a name check over a longer list would still be one read. */
const SIBLINGS_MAX = 2000;

/** What moves, and where to (CHILD_LEVELS read upwards): 片区, 社区 and 街镇 stay. */
const MOVABLE: readonly AreaLevel[] = ['grid', 'microgrid', 'building'];
const MOVE_TARGETS: Partial<Record<AreaLevel, AreaLevel[]>> = {
  grid: ['community'],
  microgrid: ['grid'],
  building: ['grid', 'microgrid'],
};

const inService = (a: Area | null | undefined): a is Area => Boolean(a && !a.retired);

function sameNameTaken(siblings: Area[], name: string, except?: string): Area | undefined {
  return siblings.find((s) => inService(s) && s._id !== except && s.name === name);
}

function duplicate(parent: Pick<Area, 'name'>, level: AreaLevel, name: string): AppError {
  return invalid('name', `「${parent.name}」下已有名为「${name}」的${AREA_LEVEL_NAMES[level]}，请换一个名称`);
}

/** 新增区域: the parent and its children in one read (the name must be new among siblings in service), then the node and its audit. */
export async function addArea(ctx: Ctx, input: AddAreaInput): Promise<{ node: AreaView }> {
  const found = await areas(ctx.store).find({ $or: [{ _id: input.parentId }, { parentId: input.parentId }] }, { limit: SIBLINGS_MAX + 1 });
  const parent = found.find((a) => a._id === input.parentId);
  if (!inService(parent)) throw invalid('parentId', '上级区域不存在或已撤销');
  if (!canEditNode(ctx.actor, parent)) throw new AppError('FORBIDDEN', `不能在「${parent.name}」下新增：${NOT_YOURS}`);
  const level = input.level ?? newChildLevel(parent.level);
  if (!level || !newChildLevels(parent.level).includes(level)) {
    const allowed = newChildLevels(parent.level).map((l) => AREA_LEVEL_NAMES[l]);
    const why =
      input.level && allowed.length
        ? `${AREA_LEVEL_NAMES[parent.level]}下只能新增${allowed.join('或')}，不能新增${AREA_LEVEL_NAMES[input.level]}`
        : parent.level === 'zone'
          ? '片区下的社区由上线设置按行政区划建立，不能在此新增'
          : `${AREA_LEVEL_NAMES[parent.level]}下不能再新增区域`;
    throw invalid(input.level ? 'level' : 'parentId', why);
  }
  const siblings = found.filter((a) => a.parentId === parent._id);
  if (sameNameTaken(siblings, input.name)) throw duplicate(parent, level, input.name);
  const now = ctx.now();
  const id = newId(ID_PREFIX[level] ?? 'A', now);
  const node: Area = {
    _id: id,
    name: input.name,
    level,
    parentId: parent._id,
    path: childPath(parent.path, id),
    ancestors: [...parent.ancestors, parent._id],
    order: Math.max(-1, ...siblings.map((s) => s.order)) + 1,
    createdAt: now,
    createdBy: ctx.actor.userId,
  };
  if (input.phone) node.phone = input.phone;
  const detail = { name: node.name, levelName: AREA_LEVEL_NAMES[level], parentName: parent.name, ...(node.phone ? { phone: node.phone } : {}) };
  await areas(ctx.store).insert(withEffects(ctx, 'areas', node, [audited(ctx, { action: 'areas.add', targetType: 'area', targetId: id, areaPath: node.path, detail })]));
  // The parent's kept children (pickers, the dashboard) miss the new node: forgotten here; the node itself is kept for its next edit.
  forgetAreas(ctx.store, [], [parent._id]);
  keepNode(ctx.store, node);
  // A new node has no children yet: a move into it right after (the tree page's new 微网格) reads no names.
  keepFamily(ctx.store, node._id, [node]);
  return { node: toAreaView(node) };
}

/**
 * 修改区域: a new name (unique among siblings in service) and/or phone, as one conditional update on a node still in service
 * under the parent we read. The node comes from the warm instance (the tree page's instance kept it): a copy gone stale
 * (retired or moved meanwhile elsewhere) fails the update's condition, so a rename is the caller, the names and the write.
 */
export async function updateArea(ctx: Ctx, input: UpdateAreaInput): Promise<{ node: AreaView }> {
  const node = await keptNode(ctx.store, input.id);
  if (!inService(node)) throw new AppError('NOT_FOUND', '区域不存在或已撤销');
  if (!canEditNode(ctx.actor, node)) throw new AppError('FORBIDDEN', `不能修改「${node.name}」：${NOT_YOURS}`);
  const rename = input.name !== undefined && input.name !== node.name;
  const rephone = input.phone !== undefined && input.phone !== (node.phone ?? '');
  if (!rename && !rephone) throw invalid('name', '名称和电话都没有变化，请填写新的名称或电话');
  if (rename) {
    if (!EDITABLE_LEVELS.includes(node.level)) throw invalid('name', `${AREA_LEVEL_NAMES[node.level]}的名称来自行政区划，不能在此修改`);
    const name = input.name as string;
    const siblings = await areas(ctx.store).find({ parentId: node.parentId, name }, { limit: 20 });
    if (sameNameTaken(siblings, name, node._id)) {
      const parentName = node.ancestors.length ? '上级区域' : '顶层';
      throw invalid('name', `${parentName}下已有名为「${name}」的${AREA_LEVEL_NAMES[node.level]}，请换一个名称`);
    }
  }
  const set: Record<string, unknown> = {};
  if (rename) set.name = input.name;
  if (rephone && input.phone) set.phone = input.phone;
  const patch = { ...(Object.keys(set).length ? { $set: set } : {}), ...(rephone && !input.phone ? { $unset: { phone: true as const } } : {}) };
  const detail = { name: input.name ?? node.name, ...(rename ? { renamedFrom: node.name } : {}), ...(rephone ? { phone: input.phone } : {}) };
  const audit = audited(ctx, { action: 'areas.update', targetType: 'area', targetId: node._id, areaPath: node.path, detail });
  const matched = await updateWithEffects(ctx, 'areas', node._id, { _id: node._id, parentId: node.parentId, retired: { $ne: true } }, patch, [audit]);
  // Kept paths hold this node's name and phone (the trail, 一键呼叫): this instance forgets them now, others within WARM_TTL_MS.
  forgetAreas(ctx.store, [node]);
  if (matched !== 1) throw new AppError('CONFLICT', `「${node.name}」刚刚被撤销或移动，请刷新后再修改`);
  const after: Area = { ...node, ...(rename ? { name: input.name as string } : {}) };
  if (rephone) {
    if (input.phone) after.phone = input.phone;
    else delete after.phone;
  }
  return { node: toAreaView(after) };
}

/** "第一网格 · 1号楼 2 个、第一网格 · 2号楼 1 个": where the open orders are, most first. */
function whereOpen(rows: Array<{ key: Record<string, unknown>; count: number }>): string {
  const parts = [...rows].sort((a, b) => b.count - a.count).map((r) => `${String(r.key.place ?? '未知位置')} ${r.count} 个`);
  return parts.length > 5 ? `${parts.slice(0, 5).join('、')} 等 ${parts.length} 处` : parts.join('、');
}

/**
 * 撤销区域: the node and everything under it in one conditional update (nothing is deleted: they stay for history and
 * the records that name them). Refused while open orders remain anywhere below: they must be moved first (转派).
 */
export async function retireArea(ctx: Ctx, input: RetireAreaInput): Promise<RetiredArea> {
  // The node and its replacement as the warm instance keeps them: the write's condition catches a copy gone stale.
  const [node, r] = await Promise.all([keptNode(ctx.store, input.id), input.replacedBy ? keptNode(ctx.store, input.replacedBy) : null]);
  if (!node) throw new AppError('NOT_FOUND', '区域不存在');
  if (node.retired) throw new AppError('CONFLICT', `「${node.name}」已经撤销了`);
  if (!EDITABLE_LEVELS.includes(node.level)) throw new AppError('FORBIDDEN', `${AREA_LEVEL_NAMES[node.level]}由上线设置按行政区划建立，不能在此撤销`);
  if (!canRetireNode(ctx.actor, node)) throw new AppError('FORBIDDEN', `不能撤销「${node.name}」：${NOT_YOURS}，且不能撤销本人负责的区域`);
  let replacement: Area | null = null;
  if (input.replacedBy) {
    if (!inService(r)) throw invalid('replacedBy', '替代区域不存在或已撤销');
    if (isWithin(r.path, node.path)) throw invalid('replacedBy', `替代区域不能是「${node.name}」本身或它的下级`);
    if (r.level !== node.level) throw invalid('replacedBy', `替代区域应为${AREA_LEVEL_NAMES[node.level]}，「${r.name}」是${AREA_LEVEL_NAMES[r.level]}`);
    if (!canEditNode(ctx.actor, r)) throw invalid('replacedBy', `替代区域「${r.name}」不在您的辖区内`);
    replacement = r;
  }
  const open = await orders(ctx.store).group({ status: { $in: [...OPEN_STATUSES] }, path: { $prefix: node.path } }, { by: ['place'] });
  const openCount = open.reduce((n, r) => n + r.count, 0);
  if (openCount > 0) throw new AppError('CONFLICT', `「${node.name}」还有 ${openCount} 个未办结点单，请先转派：${whereOpen(open)}`);
  const now = ctx.now();
  const set = {
    retired: true,
    retiredAt: now,
    retiredBy: ctx.actor.userId,
    retiredReason: input.reason,
    retiredWith: node._id,
    ...(replacement ? { replacedBy: replacement._id } : {}),
  };
  // The audit rides on the write (carried by every node it retires, applied once); the drain counts the subtree it took along.
  const detail = { name: node.name, levelName: AREA_LEVEL_NAMES[node.level], reason: input.reason, ...(replacement ? { replacedByName: replacement.name } : {}) };
  const audit = {
    ...audited(ctx, { action: 'areas.retire', targetType: 'area', targetId: node._id, areaPath: node.path, detail }),
    countInto: { field: 'subtree', collection: 'areas', where: { path: { $prefix: node.path }, retiredWith: node._id } },
  };
  const retired = await updateWithEffects(ctx, 'areas', node._id, { path: { $prefix: node.path }, retired: { $ne: true } }, { $set: set }, [audit], true);
  // Kept paths would still show this node in service (a scan, a filing): this instance forgets them now, others within WARM_TTL_MS.
  forgetAreas(ctx.store, [node]);
  if (retired === 0) throw new AppError('CONFLICT', `「${node.name}」已经撤销或刚刚移动，请刷新后再试`);
  return { id: node._id, retired, replacedBy: replacement && toAreaView(replacement) };
}

/** The path of `id` on `path` (`/S/Z/C/G/` and `C` → `/S/Z/C/`). */
function pathUpTo(path: string, id: string): string {
  const ids = idsOnPath(path);
  return `/${ids.slice(0, ids.indexOf(id) + 1).join('/')}/`;
}

/** The 社区 a new parent lies in (itself, above its grid, or above the grid of its 微网格), from the ids on its path. */
function communityOf(parent: Area): { id: string; path: string } | null {
  const id = parent.level === 'community' ? parent._id : parent.level === 'grid' ? parent.parentId : parent.level === 'microgrid' ? parent.ancestors.at(-2) : null;
  return id ? { id, path: pathUpTo(parent.path, id) } : null;
}

/** The path of a node's parent, from its own path (its scope is checked without reading the parent). */
const parentPathOf = (path: string): string => `/${idsOnPath(path).slice(0, -1).join('/')}/`;

/**
 * 移动区域: a 楼栋 to another 网格 or 微网格 (of any 社区 of the street), a 微网格 to another 网格, a 网格 to another 社区, as one conditional
 * update of the node's parent, path and trail that carries a `rehome` effect: the drain re-paths the nodes below and
 * re-points the homes, role grants, 双报到 registrations and pending invitations under it (backend/areas/rehome.ts).
 * Records already written keep the path they were written with (history stays where it happened), so a node with open
 * orders below does not move (转派 or 办结 first). Across 社区 the 双报到 and the member grants follow (docs/areas.md).
 */
export async function moveArea(ctx: Ctx, input: MoveAreaInput): Promise<{ node: AreaView }> {
  // The node, the new parent and its children as the tree page's instance keeps them (the write's condition on the
  // node's path catches a stale copy), beside the open orders under the node: warm, the caller, this count and the write.
  const [node, found] = await Promise.all([keptNode(ctx.store, input.id), keptFamily(ctx.store, input.parentId)]);
  if (!inService(node)) throw new AppError('NOT_FOUND', '区域不存在或已撤销');
  const levelName = AREA_LEVEL_NAMES[node.level];
  if (!MOVABLE.includes(node.level)) {
    const why = node.level === 'zone' ? '片区直接在街镇下，不能移动' : `${levelName}由上线设置按行政区划建立，不能移动`;
    throw invalid('id', `只能移动网格、微网格和楼栋：${why}`);
  }
  if (!canEditNode(ctx.actor, node) || !canEditNode(ctx.actor, { path: parentPathOf(node.path) }))
    throw new AppError('FORBIDDEN', `不能移动「${node.name}」：${NOT_YOURS}（须同时管理原上级和新上级）`);
  const parent = found.find((a) => a._id === input.parentId);
  if (!inService(parent)) throw invalid('parentId', '新的上级不存在或已撤销');
  if (isWithin(parent.path, node.path)) throw invalid('parentId', `不能把「${node.name}」移到它自己或它的下级「${parent.name}」下`);
  if (!CHILD_LEVELS[parent.level].includes(node.level)) {
    const allowed = (MOVE_TARGETS[node.level] ?? []).map((l) => AREA_LEVEL_NAMES[l]).join('或');
    throw invalid('parentId', `${levelName}只能移到${allowed}下，「${parent.name}」是${AREA_LEVEL_NAMES[parent.level]}`);
  }
  if (!canEditNode(ctx.actor, parent)) throw invalid('parentId', `「${parent.name}」不在您的辖区内`);
  if (parent._id === node.parentId) throw invalid('parentId', `「${node.name}」已经在「${parent.name}」下`);
  if (idsOnPath(parent.path)[0] !== idsOnPath(node.path)[0]) throw invalid('parentId', `只能在本街镇内移动，「${parent.name}」在另一个街镇`);
  const community = communityOf(parent);
  if (!community) throw invalid('parentId', `「${parent.name}」不在任何社区下`);
  const open = await orders(ctx.store).group({ status: { $in: [...OPEN_STATUSES] }, path: { $prefix: node.path } }, { by: ['place'] });
  const openCount = open.reduce((n, r) => n + r.count, 0);
  if (openCount > 0) {
    const where = node.level === 'building' ? '' : `：${whereOpen(open)}`;
    throw new AppError('CONFLICT', `「${node.name}」还有 ${openCount} 个未办结点单，请先转派或办结后再移动${where}`);
  }
  const siblings = found.filter((a) => a.parentId === parent._id);
  if (sameNameTaken(siblings, node.name)) throw duplicate(parent, node.level, node.name);
  const path = childPath(parent.path, node._id);
  const moved = { parentId: parent._id, path, ancestors: [...parent.ancestors, parent._id], order: Math.max(-1, ...siblings.map((s) => s.order)) + 1 };
  // The grid every 双报到 below names; a 社区 left behind takes the registrations and member grants to the new one.
  const gridId = node.level === 'grid' ? node._id : parent.level === 'grid' ? parent._id : (parent.parentId ?? '');
  const across = !node.ancestors.includes(community.id);
  const detail = { name: node.name, levelName, from: node.parentId, parentName: parent.name, ...(across ? { community: community.id } : {}) };
  const audit = audited(ctx, { action: 'areas.move', targetType: 'area', targetId: node._id, areaPath: path, detail });
  const rehome = { type: 'rehome' as const, areaId: node._id, from: node.path, to: path, gridId, ...(across ? { community } : {}) };
  const matched = await updateWithEffects(ctx, 'areas', node._id, { _id: node._id, path: node.path, retired: { $ne: true } }, { $set: moved }, [audit, rehome]);
  forgetAreas(ctx.store, [node], [parent._id, node.parentId ?? '']);
  if (matched !== 1) throw new AppError('CONFLICT', `「${node.name}」刚刚被撤销或移动，请刷新后再试`);
  const after: Area = { ...node, ...moved };
  // The next move into the same parent (several 楼栋 into a new 微网格) finds the names here.
  keepFamily(ctx.store, parent._id, [...found.filter((a) => a._id !== node._id), after]);
  keepNode(ctx.store, after);
  return { node: toAreaView(after) };
}
