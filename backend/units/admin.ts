/** 社区/街道 staff set up units (物业服务企业, 职能部门, 共建单位) with a service area, and name the people who act for them. */
import { createHash } from 'node:crypto';
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, isWithin } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import { canManageUnitsAt, isUnitStaff } from '../../shared/units/permissions';
import type { CreateUnitInput, ListUnitsInput, UnitIdInput, UnitStaffInput, UnitStaffView, UnitView, UpdateUnitInput } from '../../shared/units/schemas';
import { hasRoleAt } from '../../shared/users/permissions';
import { STAFF_ROLES } from '../../shared/users/roles';
import { areas, keptNode } from '../areas/repo';
import type { OrganisationDoc } from '../members/repo';
import { organisations } from '../members/repo';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import { updateWithEffects, withEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import { forget, warm } from '../runtime/warm';
import type { Filter } from '../store/port';
import { DuplicateKeyError } from '../store/port';
import type { PeopleEffect } from '../users/after';
import type { UserDoc } from '../users/repo';
import { users } from '../users/repo';
import type { UnitDoc } from './repo';
import { toUnitView, units, UNITS_KEPT } from './repo';

const SCOPE_LEVELS = ['street', 'zone', 'community'];
const AREA_LEVELS = ['community', 'grid'];

/** The service area as named: communities or grids in service, every one under `under` (the unit's scope). */
function serviceArea(found: Map<string, Area>, ids: readonly string[], under: (path: string) => boolean): UnitDoc['areas'] {
  return [...new Set(ids)].map((id) => {
    const a = found.get(id);
    if (!a || a.retired) throw invalid('areaIds', '服务区域不存在或已停用');
    if (!AREA_LEVELS.includes(a.level)) throw invalid('areaIds', `服务区域请选择社区或网格，「${a.name}」是${AREA_LEVEL_NAMES[a.level]}`);
    if (!under(a.path)) throw invalid('areaIds', `「${a.name}」不在本单位所属范围内`);
    return { id: a._id, name: a.name, path: a.path };
  });
}

/** Organisations change rarely: a warm instance keeps them as it keeps area nodes. */
const keptOrg = (ctx: Ctx, id: string) => warm(ctx.store, `organisations/${id}`, () => organisations(ctx.store).get(id));

/** The id comes from scope and name, so the same unit set up twice at once is one record. */
export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<UnitView> {
  if (input.orgId && input.kind !== 'partner') throw invalid('orgId', '只有共建单位可以关联报到单位');
  const [found, org] = await Promise.all([
    areas(ctx.store).find({ _id: { $in: [input.scopeId, ...input.areaIds] } }),
    input.orgId ? keptOrg(ctx, input.orgId) : Promise.resolve<OrganisationDoc | null>(null),
  ]);
  const byId = new Map(found.map((a) => [a._id, a]));
  const scope = byId.get(input.scopeId);
  if (!scope || scope.retired || !SCOPE_LEVELS.includes(scope.level)) throw invalid('scopeId', '请选择单位所属的社区或街道');
  if (!canManageUnitsAt(ctx.actor, scope.path)) {
    const why = `所属社区或街道「${scope.name}」不在您的辖区，只有那里的社区工作人员或街道可以设置接单单位`;
    throw new AppError('FORBIDDEN', why, { scopeId: why });
  }
  const served = serviceArea(byId, input.areaIds, (p) => isWithin(p, scope.path));
  if (input.orgId && (!org || !isWithin(org.path, scope.path))) throw invalid('orgId', '报到单位不存在或不在本辖区');
  const now = ctx.now();
  const doc: UnitDoc = {
    _id: `N${createHash('sha256').update(`${scope._id}|${input.name}`).digest('hex').slice(0, 20)}`,
    kind: input.kind,
    name: input.name,
    scopeId: scope._id,
    scopePath: scope.path,
    areas: served,
    areaPaths: served.map((a) => a.path),
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    orgId: input.orgId ?? null,
    ...(org ? { orgName: org.name } : {}),
    createdAt: now,
    createdBy: ctx.actor.userId,
    updatedAt: now,
  };
  const audit = audited(ctx, { action: 'units.create', targetType: 'unit', targetId: doc._id, areaPath: scope.path, detail: { name: doc.name, kind: doc.kind } });
  // A plain insert refused on the id, not insertIfAbsent: on CloudBase that reads first, a fourth request.
  try {
    await units(ctx.store).insert(withEffects(ctx, 'units', doc, [audit]));
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw invalid('name', `本辖区已有「${input.name}」，不能重复设置`);
    throw e;
  }
  return toUnitView(doc);
}

/** Every node path of the actor's 社区/街道 grants: the scopes whose units they manage. */
const managedScopes = (ctx: Ctx) => ctx.actor.roles.filter((g) => g.role === 'community_staff' || g.role === 'street_admin').map((g) => g.areaPath);

/**
 * Edits without reading the unit first: the update's own condition says it is in the actor's scope and, when the
 * service area changes, that the unit's scope holds every new area (its scopePath is an ancestor of each of them).
 */
export async function updateUnit(ctx: Ctx, input: UpdateUnitInput): Promise<{ id: string }> {
  const scopes = managedScopes(ctx);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员或街道可以修改接单单位', { unitId: '只有社区工作人员或街道可以修改接单单位' });
  const set: Partial<UnitDoc> = { updatedAt: ctx.now() };
  const where: Filter = { _id: input.unitId, $or: scopes.map((p) => ({ scopePath: { $prefix: p } })) };
  if (input.areaIds) {
    const found = new Map((await areas(ctx.store).find({ _id: { $in: input.areaIds } })).map((a) => [a._id, a]));
    const served = serviceArea(found, input.areaIds, (p) => scopes.some((s) => isWithin(p, s)));
    // Scopes the unit may have: paths that hold every new area.
    const common = served.map((a) => new Set(ancestorsOf(a.path))).reduce((acc, s) => new Set([...acc].filter((p) => s.has(p))));
    where.scopePath = { $in: [...common] };
    Object.assign(set, { areas: served, areaPaths: served.map((a) => a.path) });
  }
  if (input.name) set.name = input.name;
  if (input.contactName) set.contactName = input.contactName;
  if (input.contactMobile) set.contactMobile = input.contactMobile;
  const audit = audited(ctx, { action: 'units.update', targetType: 'unit', targetId: input.unitId, areaPath: scopes[0] ?? '/', detail: { fields: Object.keys(set).join(',') } });
  const matched = await updateWithEffects(ctx, 'units', input.unitId, where, { $set: set }, [audit]);
  if (matched !== 1) {
    const why = input.areaIds ? '单位不存在、不在您的辖区，或服务区域超出了单位所属范围' : '单位不存在或不在您的辖区';
    throw new AppError('NOT_FOUND', why, { [input.areaIds ? 'areaIds' : 'unitId']: why });
  }
  forget(ctx.store, `${UNITS_KEPT}${input.unitId}`);
  return { id: input.unitId };
}

/** A path and every path above it: /S/C/G/ → /S/, /S/C/, /S/C/G/. */
function ancestorsOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The units set up at a node and below it, by name: staff over the node see them. */
export async function listUnits(ctx: Ctx, input: ListUnitsInput): Promise<{ items: UnitView[] }> {
  const node = await keptNode(ctx.store, input.areaId);
  if (!node) throw new AppError('NOT_FOUND', '区域不存在');
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, node.path)) throw new AppError('FORBIDDEN', '只有本区域的工作人员可以查看接单单位');
  const filter: Filter = { scopePath: { $prefix: node.path } };
  const found = await units(ctx.store).find(filter, {
    sort: [
      ['scopePath', 1],
      ['name', 1],
    ],
    limit: 200,
  });
  return { items: found.filter((u) => !input.kind || u.kind === input.kind).map(toUnitView) };
}

async function requireManaged(ctx: Ctx, unitId: string): Promise<UnitDoc> {
  const unit = await units(ctx.store).get(unitId);
  if (!unit || !canManageUnitsAt(ctx.actor, unit.scopePath)) throw new AppError('NOT_FOUND', '单位不存在或不在您的辖区');
  return unit;
}

const staffView = (u: UserDoc): UnitStaffView => ({ userId: u._id, name: u.name });

/** Names a person to act for the unit (kept on their record, so every later action knows it without a read). */
export async function addUnitStaff(ctx: Ctx, input: UnitStaffInput): Promise<UnitStaffView> {
  const [unit, person] = await Promise.all([requireManaged(ctx, input.unitId), readOnce<UserDoc>(ctx, 'users', input.userId)]);
  if (!person) throw invalid('userId', '人员不存在，请对方先登录一次小程序');
  if (person._id === ctx.actor.userId) throw invalid('userId', '不能把自己设为单位人员，请由其他工作人员设置');
  const ids = person.unitIds ?? [];
  if (ids.includes(unit._id)) throw invalid('userId', `${person.name}已是${unit.name}的人员`);
  return setUnitsOf(ctx, person, [...ids, unit._id], unit, 'units.addStaff');
}

/**
 * The unit's open orders are not orphaned: the write carries a check, applied after the answer, that moves them back
 * to 待派单 when nobody acts for the unit any more (backend/users/handover.ts releaseUnitOrders says why).
 */
export async function removeUnitStaff(ctx: Ctx, input: UnitStaffInput): Promise<UnitStaffView> {
  const [unit, person] = await Promise.all([requireManaged(ctx, input.unitId), readOnce<UserDoc>(ctx, 'users', input.userId)]);
  if (!person || !(person.unitIds ?? []).includes(unit._id)) throw invalid('userId', '此人不是本单位人员');
  const left: PeopleEffect = {
    type: 'people',
    userId: person._id,
    unitLeft: { by: { userId: ctx.actor.userId, name: ctx.actor.name, roles: ctx.actor.roles }, name: person.name, unitId: unit._id, unitName: unit.name },
  };
  return setUnitsOf(
    ctx,
    person,
    (person.unitIds ?? []).filter((id) => id !== unit._id),
    unit,
    'units.removeStaff',
    [left],
  );
}

/** Optimistic on the person's `rev`, as role grants are: a concurrent change makes this one CONFLICT, never lost. */
async function setUnitsOf(ctx: Ctx, person: UserDoc, unitIds: string[], unit: UnitDoc, action: string, also: Effect[] = []): Promise<UnitStaffView> {
  const audit = audited(ctx, { action, targetType: 'user', targetId: person._id, areaPath: unit.scopePath, detail: { unit: unit.name } });
  const matched = await updateWithEffects(ctx, 'users', person._id, { _id: person._id, rev: person.rev }, { $set: { unitIds, rev: person.rev + 1 } }, [audit, ...also]);
  if (matched !== 1) throw new AppError('CONFLICT', '该人员的信息刚被他人修改，请刷新后重试');
  return staffView(person);
}

export async function unitStaff(ctx: Ctx, input: UnitIdInput): Promise<{ staff: UnitStaffView[] }> {
  const unit = await requireManaged(ctx, input.unitId);
  const found = await users(ctx.store).find({ unitIds: { $has: unit._id } }, { limit: 100 });
  return { staff: found.map(staffView) };
}

/** The units the caller acts for (the 单位接单 page's header and its choice of unit). */
export async function myUnits(ctx: Ctx): Promise<{ items: UnitView[] }> {
  const ids = ctx.actor.units ?? [];
  if (ids.length === 0) return { items: [] };
  const found = await units(ctx.store).find({ _id: { $in: ids } });
  return { items: found.filter((u) => isUnitStaff(ctx.actor, u._id)).map(toUnitView) };
}
