/** 职责清单 upkeep: staff read a street's or community's list; community staff change their community's, the street its defaults (audited). */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { DEFAULT_DUTIES } from '../../shared/duties/defaults';
import type { DutyEntries, DutyEntry } from '../../shared/duties/model';
import { DUTY_LIST_NAMES, mergeDuties, partyName } from '../../shared/duties/model';
import { canEditDuties, canViewDuties } from '../../shared/duties/permissions';
import type { DutiesInput, DutiesView, RemoveDutyInput, SetDutyInput } from '../../shared/duties/schemas';
import { AppError, invalid } from '../../shared/errors';
import { STAFF_ROLES } from '../../shared/users/roles';
import { keptPathOf } from '../areas/repo';
import { DuplicateKeyError } from '../store/port';
import { recordAudit } from '../audit/record';
import { ownCommunityId } from '../points/community';
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';
import { forget } from '../runtime/warm';
import type { DutiesDoc } from '../orders/duties';
import { DUTIES_KEPT, keptDutyDocs } from '../orders/duties';

type Level = 'street' | 'community';

async function requireArea(ctx: Ctx, asked: string | undefined): Promise<{ node: Area; level: Level }> {
  // Without one asked for: the reader's community, else (a street admin) the street of their first staff grant.
  const id = asked ?? (await ownCommunityId(ctx)) ?? idsOnPath(ctx.actor.roles.find((g) => STAFF_ROLES.includes(g.role))?.areaPath ?? '')[0];
  if (!id) throw invalid('areaId', '请选择社区或街道');
  const { node } = await keptPathOf(ctx.store, id, '社区或街道');
  if (node.level !== 'community' && node.level !== 'street') throw invalid('areaId', '职责清单按社区或街道设置，请选择一个社区或街道');
  return { node, level: node.level };
}

/** The saved layers an area's list is made of: a street's own, or its street's and a community's. */
async function layersOf(ctx: Ctx, node: Area, level: Level): Promise<{ street?: DutyEntries; community?: DutyEntries }> {
  const streetId = idsOnPath(node.path)[0] ?? node._id;
  const docs = await keptDutyDocs(ctx, streetId, node._id);
  return level === 'street' ? { street: docs.street } : docs;
}

function viewOf(ctx: Ctx, node: Area, level: Level, layers: { street?: DutyEntries; community?: DutyEntries }): DutiesView {
  return {
    areaId: node._id,
    areaName: node.name,
    streetId: idsOnPath(node.path)[0] ?? node._id,
    level,
    entries: mergeDuties(DEFAULT_DUTIES, layers.street, layers.community),
    canEdit: canEditDuties(ctx.actor, node.path, level),
  };
}

export async function readDuties(ctx: Ctx, input: DutiesInput): Promise<DutiesView> {
  const { node, level } = await requireArea(ctx, input.areaId);
  if (!canViewDuties(ctx.actor, node.path)) throw new AppError('FORBIDDEN', '只有本社区或街道的工作人员可以查看职责清单');
  return viewOf(ctx, node, level, await layersOf(ctx, node, level));
}

async function requireEditable(ctx: Ctx, areaId: string) {
  const { node, level } = await requireArea(ctx, areaId);
  if (!canEditDuties(ctx.actor, node.path, level)) {
    throw new AppError('FORBIDDEN', level === 'street' ? '只有街道管理员可以修改街道默认职责清单' : '只有本社区或街道的工作人员可以修改本社区的职责清单');
  }
  // The warm copy (the page has just read it, so usually no read): it says whether the entry exists and the doc too.
  const layers = await layersOf(ctx, node, level);
  return { node, level, layers, own: level === 'street' ? layers.street : layers.community };
}

/** One entry's field only, so two staff saving different entries at once both keep theirs. */
async function saveEntry(ctx: Ctx, areaId: string, own: DutyEntries | undefined, entryId: string, entry: DutyEntry | null): Promise<void> {
  const col = ctx.store.collection<DutiesDoc>('duty_lists');
  const stamp = { updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  const set = { [`entries.${entryId}`]: entry, ...stamp };
  // Lists are never deleted, so a kept "exists" is never stale. A first save inserts (one request, not insertIfAbsent's
  // two in CloudBase); a racing first save by someone else makes it a duplicate, and then it updates.
  if (own) await col.updateWhere({ _id: areaId }, { $set: set });
  else {
    try {
      await col.insert({ _id: areaId, entries: { [entryId]: entry }, ...stamp });
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
      await col.updateWhere({ _id: areaId }, { $set: set });
    }
  }
  forget(ctx.store, DUTIES_KEPT);
}

export async function setDuty(ctx: Ctx, input: SetDutyInput): Promise<DutiesView> {
  const { node, level, layers, own } = await requireEditable(ctx, input.areaId);
  if (input.party === 'department' && !input.department) throw invalid('department', '责任主体为职能部门时，请填写部门名称（如城管、派出所）');
  if (!input.category && input.keywords.length === 0) throw invalid('keywords', '请至少填写一个关键词，或选择点单类别');
  const current = mergeDuties(DEFAULT_DUTIES, layers.street, layers.community);
  if (input.entryId && !current.some((e) => e.id === input.entryId)) throw invalid('entryId', '清单条目不存在或已删除，请刷新后重试');
  const entryId = input.entryId ?? newId('d', ctx.now());
  const entry: DutyEntry = {
    id: entryId,
    list: input.list,
    item: input.item,
    category: input.category ?? null,
    keywords: [...new Set(input.keywords.filter(Boolean))],
    party: input.party,
    department: input.party === 'department' ? (input.department ?? null) : null,
  };
  await saveEntry(ctx, node._id, own, entryId, entry);
  const said = `${DUTY_LIST_NAMES[entry.list]}：${entry.item} → ${partyName(entry)}`;
  await recordAudit(ctx, { action: 'duties.set', targetType: level, targetId: node._id, areaPath: node.path, detail: { entryId, said } });
  const layer = { ...own, [entryId]: entry };
  return viewOf(ctx, node, level, level === 'street' ? { street: layer } : { street: layers.street, community: layer });
}

export async function removeDuty(ctx: Ctx, input: RemoveDutyInput): Promise<DutiesView> {
  const { node, level, layers, own } = await requireEditable(ctx, input.areaId);
  const gone = mergeDuties(DEFAULT_DUTIES, layers.street, layers.community).find((e) => e.id === input.entryId);
  if (!gone) throw invalid('entryId', '清单条目不存在或已删除，请刷新后重试');
  // null, not unset: it also hides the entry this area inherits from the street or the defaults.
  await saveEntry(ctx, node._id, own, input.entryId, null);
  await recordAudit(ctx, {
    action: 'duties.remove',
    targetType: level,
    targetId: node._id,
    areaPath: node.path,
    detail: { entryId: input.entryId, said: `删除${DUTY_LIST_NAMES[gone.list]}：${gone.item}` },
  });
  const layer = { ...own, [input.entryId]: null };
  return viewOf(ctx, node, level, level === 'street' ? { street: layer } : { street: layers.street, community: layer });
}
