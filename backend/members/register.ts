/**
 * 双报到 and 转移: a person applies at the community where they live; staff there are told. Three requests: the caller,
 * their registrations, and the insert that carries the audit record and the staff's message. Areas and organisations
 * come from the warm instance, and the answer is built from what was read.
 */
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { RegisterInput, RegistrationView, TransferInput } from '../../shared/members/schemas';
import { levelOnPath } from '../../shared/areas/place';
import { keptPathOf } from '../areas/repo';
import { audited, notice } from '../records/make';
import { withEffects } from '../records/move';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { DuplicateKeyError } from '../store/port';
import type { OrganisationDoc, RegistrationDoc } from './repo';
import { organisations, registrations } from './repo';
import { toRegistrationView } from './views';

interface Place {
  building: Area;
  gridId: string;
  communityId: string;
  /** Every node on the building's path. */
  known: Map<string, Area>;
}

/** The home must be a building in service; its grid and community come from its path. */
async function homePlace(ctx: Ctx, buildingId: string): Promise<Place> {
  const { node: building, known } = await keptPathOf(ctx.store, buildingId).catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'NOT_FOUND' ? invalid('buildingId', '居住楼栋不存在或已停用，请重新选择') : e;
  });
  if (building.level !== 'building') {
    throw invalid('buildingId', `居住楼栋请选到具体楼栋，「${building.name}」是${AREA_LEVEL_NAMES[building.level]}`);
  }
  // By level, not depth: a building may sit under a 微网格 of its grid.
  return { building, gridId: levelOnPath(building, 'grid', known)?._id ?? '', communityId: levelOnPath(building, 'community', known)?._id ?? '', known };
}

/** An organisation as a warm instance keeps it: organisations are registered once and not edited. */
export const keptOrganisation = (ctx: Pick<Ctx, 'store'>, orgId: string): Promise<OrganisationDoc | null> =>
  warm(ctx.store, `organisations/${orgId}`, () => organisations(ctx.store).get(orgId));

/** A linked reporting organisation must be registered with the same community. */
async function checkOrg(ctx: Ctx, orgId: string | null | undefined, communityId: string): Promise<OrganisationDoc | null> {
  if (!orgId) return null;
  const org = await keptOrganisation(ctx, orgId);
  if (!org || org.communityId !== communityId) throw invalid('orgId', '报到单位不在该社区登记，请重新选择');
  return org;
}

/** A member has a handful of registrations (one per stint); past this many the next id would be taken and refused. */
const MOST_REGISTRATIONS = 200;

/**
 * The member's approved and pending registrations, and the id the next one gets: `R<member>-<n>` with n one past
 * the member's count, so two racing applications derive the same id and only one insert succeeds. One read.
 */
async function nextSlot(ctx: Ctx): Promise<{ id: string; approved: RegistrationDoc | null; pending: RegistrationDoc | null }> {
  const memberId = ctx.actor.userId;
  const all = await registrations(ctx.store).find({ memberId }, { limit: MOST_REGISTRATIONS });
  return {
    id: `R${memberId}-${all.length + 1}`,
    approved: all.find((r) => r.status === 'approved') ?? null,
    pending: all.find((r) => r.status === 'pending') ?? null,
  };
}

function newRegistration(ctx: Ctx, id: string, input: RegisterInput, place: Place, from: RegistrationDoc | null): RegistrationDoc {
  return {
    _id: id,
    memberId: ctx.actor.userId,
    status: 'pending',
    name: input.name,
    mobile: input.mobile,
    partyOrg: input.partyOrg,
    workUnit: input.workUnit,
    orgId: input.orgId ?? null,
    buildingId: place.building._id,
    gridId: place.gridId,
    communityId: place.communityId,
    path: place.building.path,
    skills: input.skills,
    availableTimes: input.availableTimes,
    certNo: null,
    reason: null,
    createdAt: ctx.now(),
    decidedAt: null,
    decidedBy: null,
    endedAt: null,
    movedTo: null,
    transferOf: from?._id ?? null,
    ...(from ? { fromCommunityId: from.communityId } : {}),
  };
}

async function submit(ctx: Ctx, doc: RegistrationDoc, place: Place, org: OrganisationDoc | null, transferFromName: string | null, body: string): Promise<RegistrationView> {
  const effects = [
    audited(ctx, {
      action: doc.transferOf ? 'members.transfer' : 'members.register',
      targetType: 'registration',
      targetId: doc._id,
      areaPath: doc.path,
      detail: { name: doc.name, communityId: doc.communityId, transferOf: doc.transferOf ?? null },
    }),
    notice(ctx, { to: [{ areaId: doc.communityId }], kind: 'registrationNew', body }),
  ];
  try {
    await registrations(ctx.store).insert(withEffects(ctx, 'registrations', doc, effects));
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw new AppError('CONFLICT', '您的申请已经提交，请勿重复提交');
    throw e;
  }
  const names = {
    areas: place.known,
    orgs: new Map(org ? [[org._id, org]] : []),
    transferFrom: new Map(doc.transferOf && transferFromName !== null ? [[doc.transferOf, transferFromName]] : []),
  };
  return toRegistrationView(doc, names, ctx.actor);
}

/** 双报到: one application at a time; someone already registered moves by 转移 instead. */
export async function registerMember(ctx: Ctx, input: RegisterInput): Promise<RegistrationView> {
  const place = await homePlace(ctx, input.buildingId);
  const org = await checkOrg(ctx, input.orgId, place.communityId);
  const slot = await nextSlot(ctx);
  if (slot.approved) throw new AppError('CONFLICT', '您已经完成双报到；搬家请办理转移');
  if (slot.pending) throw new AppError('CONFLICT', '您的双报到申请正在审核中，请耐心等待');
  const doc = newRegistration(ctx, slot.id, input, place, null);
  return submit(ctx, doc, place, org, null, `${input.name}申请在本社区双报到（${place.building.name}）`);
}

/** 转移: an approved member applies at their new community; the old registration stays until this one is approved. */
export async function transferMember(ctx: Ctx, input: TransferInput): Promise<RegistrationView> {
  const place = await homePlace(ctx, input.buildingId);
  const org = await checkOrg(ctx, input.orgId, place.communityId);
  const slot = await nextSlot(ctx);
  if (!slot.approved) throw new AppError('CONFLICT', '您还没有通过双报到，请直接申请报到');
  if (slot.pending) throw new AppError('CONFLICT', '您已有一份申请正在审核中，请等审核后再办理');
  if (place.communityId === slot.approved.communityId) {
    throw invalid('buildingId', '新的居住楼栋仍在原报到社区，不需要转移');
  }
  const from = await keptPathOf(ctx.store, slot.approved.communityId, '原社区').then(
    (k) => k.node.name,
    () => '',
  );
  const doc = newRegistration(ctx, slot.id, input, place, slot.approved);
  return submit(ctx, doc, place, org, from, `${input.name}申请转入本社区双报到（${place.building.name}）`);
}
