/** 单位报到: staff register a reporting Party organisation with its 共建协议; members link their registration to it. */
import { createHash } from 'node:crypto';
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import { canDecideAt, canViewAt, viewerScopes } from '../../shared/members/permissions';
import type { CreateOrganisationInput, LinkOrgInput, ListOrganisationsInput, OrganisationView, RegistrationView } from '../../shared/members/schemas';
import type { Page } from '../../shared/users/schemas';
import { maskMobile } from '../../shared/users/mask';
import { recordAudit } from '../audit/record';
import { keptOnPaths, requireKeptLevel } from '../areas/levels';
import type { PlacementEffect } from '../points/placement';
import { updateWithEffects } from '../records/move';
import { keptByIds } from '../runtime/warm';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { DuplicateKeyError } from '../store/port';
import type { OrganisationDoc } from './repo';
import { organisations, registrations } from './repo';
import { viewsOf } from './views';

/** From the warm instance: a community is renamed or retired rarely. */
const requireCommunity = (ctx: Ctx, communityId: string): Promise<Area> => requireKeptLevel(ctx.store, communityId, 'communityId', 'community');

function toView(ctx: Ctx, o: OrganisationDoc, communityName: string, memberCount: number): OrganisationView {
  return {
    id: o._id,
    name: o.name,
    communityId: o.communityId,
    communityName,
    contactName: o.contactName,
    contactMobile: canViewAt(ctx.actor, o.path) ? o.contactMobile : maskMobile(o.contactMobile),
    agreement: o.agreement,
    memberCount,
    createdAt: o.createdAt,
  };
}

/** The id comes from community and name, so the same organisation registered twice at once is one record. */
export async function createOrganisation(ctx: Ctx, input: CreateOrganisationInput): Promise<OrganisationView> {
  const community = await requireCommunity(ctx, input.communityId);
  if (!canDecideAt(ctx.actor, community.path)) throw new AppError('FORBIDDEN', '只有本社区工作人员或街道可以登记报到单位');
  const doc: OrganisationDoc = {
    _id: `O${createHash('sha256').update(`${community._id}|${input.name}`).digest('hex').slice(0, 20)}`,
    name: input.name,
    communityId: community._id,
    path: community.path,
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    agreement: input.agreement,
    createdAt: ctx.now(),
    createdBy: ctx.actor.userId,
  };
  // A plain insert (one request on CloudBase, where insertIfAbsent is a read and an insert): the derived id refuses a second.
  try {
    await organisations(ctx.store).insert(doc);
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw invalid('name', `「${input.name}」已在本社区报到，不能重复登记`);
    throw e;
  }
  await recordAudit(ctx, { action: 'members.createOrganisation', targetType: 'organisation', targetId: doc._id, areaPath: community.path, detail: { name: doc.name } });
  return toView(ctx, doc, community.name, 0);
}

/** One community's organisations for anyone (to choose one when registering); staff without a community get their whole area. */
export async function listOrganisations(ctx: Ctx, input: ListOrganisationsInput): Promise<Page<OrganisationView>> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  let filter: Filter;
  if (input.communityId) {
    filter = { path: { $prefix: (await requireCommunity(ctx, input.communityId)).path } };
  } else {
    const paths = organisationScopes(ctx);
    if (paths.length === 0) throw invalid('communityId', '请选择社区');
    filter = { $or: paths.map((p) => ({ path: { $prefix: p } })) };
  }
  const found = await organisations(ctx.store).find(filter, {
    sort: [
      ['path', 1],
      ['name', 1],
    ],
    limit: pageSize,
    skip: (page - 1) * pageSize,
  });
  // A first page that is not full is the whole list: counted only when there may be more (a community has a handful).
  const whole = page === 1 && found.length < pageSize;
  const [total, counts, known] = await Promise.all([
    whole ? Promise.resolve(found.length) : organisations(ctx.store).count(filter),
    found.length ? registrations(ctx.store).group({ orgId: { $in: found.map((o) => o._id) }, status: 'approved' }, { by: ['orgId'] }) : Promise.resolve([]),
    keptOnPaths(
      ctx.store,
      found.map((o) => o.path),
    ),
  ]);
  const countOf = new Map(counts.map((r) => [String(r.key.orgId), r.count]));
  return { items: found.map((o) => toView(ctx, o, known.get(o.communityId)?.name ?? '', countOf.get(o._id) ?? 0)), total, page, pageSize };
}

/** Where a staff member's organisations are: a grid leader (granted on a grid) sees the community around it. */
function organisationScopes(ctx: Ctx): string[] {
  return viewerScopes({
    ...ctx.actor,
    roles: ctx.actor.roles.map((g) => (g.role === 'grid_leader' ? { ...g, areaPath: parentPath(g.areaPath) } : g)),
  });
}

function parentPath(path: string): string {
  return `/${idsOnPath(path).slice(0, -1).join('/')}/`;
}

/** 关联报到单位: on the approved registration (or the pending one before approval); null unlinks. */
export async function linkOrg(ctx: Ctx, input: LinkOrgInput): Promise<RegistrationView> {
  const open = await registrations(ctx.store).find({ memberId: ctx.actor.userId, status: { $in: ['approved', 'pending'] } }, { limit: 4 });
  const reg = open.find((r) => r.status === 'approved') ?? open[0];
  if (!reg) throw new AppError('CONFLICT', '您还没有双报到登记，请先报到');
  if (input.orgId) {
    // An organisation's community never changes: the warm copy, read fresh only when it is not kept (one just made elsewhere).
    const orgId = input.orgId;
    const [kept] = await keptByIds(ctx.store, 'organisations/', [orgId], (ids) => organisations(ctx.store).find({ _id: { $in: ids } }));
    const org = kept ?? (await organisations(ctx.store).get(orgId));
    if (!org || org.communityId !== reg.communityId) throw invalid('orgId', '报到单位不在您报到的社区登记，请重新选择');
  }
  // The member's points placement (their yearly total's organisation, and the roll-ups) follows as an effect of this write.
  const placement: PlacementEffect = { type: 'placement', memberId: ctx.actor.userId };
  const matched = await updateWithEffects(ctx, 'registrations', reg._id, { _id: reg._id, status: reg.status }, { $set: { orgId: input.orgId } }, [placement]);
  if (matched !== 1) throw new AppError('CONFLICT', '您的报到状态刚刚变化，请刷新后重试');
  const [view] = await viewsOf(ctx.store, [{ ...reg, orgId: input.orgId }], ctx.actor);
  return view as RegistrationView;
}
