/** 双报到 and 转移: a person applies at the community where they live; staff there are told. */
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, idsOnPath } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { RegisterInput, RegistrationView, TransferInput } from '../../shared/members/schemas';
import { recordAudit } from '../audit/record';
import { areas } from '../areas/repo';
import { notify } from '../notifications/outbox';
import type { Ctx } from '../runtime/types';
import type { RegistrationDoc } from './repo';
import { organisations, registrations } from './repo';
import { viewsOf } from './views';

interface Place {
  building: Area;
  gridId: string;
  communityId: string;
}

/** The home must be a building in service; its grid and community come from its path. */
async function homePlace(ctx: Ctx, buildingId: string): Promise<Place> {
  const building = await areas(ctx.store).get(buildingId);
  if (!building || building.retired) throw invalid('buildingId', '居住楼栋不存在或已停用，请重新选择');
  if (building.level !== 'building') {
    throw invalid('buildingId', `居住楼栋请选到具体楼栋，「${building.name}」是${AREA_LEVEL_NAMES[building.level]}`);
  }
  const ids = idsOnPath(building.path);
  return { building, gridId: ids[ids.length - 2] ?? '', communityId: ids[ids.length - 3] ?? '' };
}

/** A linked reporting organisation must be registered with the same community. */
async function checkOrg(ctx: Ctx, orgId: string | null | undefined, communityId: string): Promise<void> {
  if (!orgId) return;
  const org = await organisations(ctx.store).get(orgId);
  if (!org || org.communityId !== communityId) throw invalid('orgId', '报到单位不在该社区登记，请重新选择');
}

/**
 * The member's open registrations, and the id the next one gets. Ids are `R<member>-<n>` with n one
 * past the member's count, read before the open check: two racing applications derive the same id
 * and only one insert succeeds.
 */
async function nextSlot(ctx: Ctx): Promise<{ id: string; approved: RegistrationDoc | null; pending: RegistrationDoc | null }> {
  const memberId = ctx.actor.userId;
  const count = await registrations(ctx.store).count({ memberId });
  const open = await registrations(ctx.store).find({ memberId, status: { $in: ['pending', 'approved'] } }, { limit: 4 });
  return {
    id: `R${memberId}-${count + 1}`,
    approved: open.find((r) => r.status === 'approved') ?? null,
    pending: open.find((r) => r.status === 'pending') ?? null,
  };
}

function newRegistration(ctx: Ctx, id: string, input: RegisterInput, place: Place, transferOf: string | null): RegistrationDoc {
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
    transferOf,
  };
}

async function submit(ctx: Ctx, doc: RegistrationDoc, body: string): Promise<RegistrationView> {
  if (!(await registrations(ctx.store).insertIfAbsent(doc))) throw new AppError('CONFLICT', '您的申请已经提交，请勿重复提交');
  await recordAudit(ctx, {
    action: doc.transferOf ? 'members.transfer' : 'members.register',
    targetType: 'registration',
    targetId: doc._id,
    areaPath: doc.path,
    detail: { name: doc.name, communityId: doc.communityId, transferOf: doc.transferOf ?? null },
  });
  await notify(ctx, { to: [{ areaId: doc.communityId }], kind: 'registrationNew', body });
  const [view] = await viewsOf(ctx.store, [doc], ctx.actor);
  return view as RegistrationView;
}

/** 双报到: one application at a time; someone already registered moves by 转移 instead. */
export async function registerMember(ctx: Ctx, input: RegisterInput): Promise<RegistrationView> {
  const place = await homePlace(ctx, input.buildingId);
  await checkOrg(ctx, input.orgId, place.communityId);
  const slot = await nextSlot(ctx);
  if (slot.approved) throw new AppError('CONFLICT', '您已经完成双报到；搬家请办理转移');
  if (slot.pending) throw new AppError('CONFLICT', '您的双报到申请正在审核中，请耐心等待');
  const doc = newRegistration(ctx, slot.id, input, place, null);
  return submit(ctx, doc, `${input.name}申请在本社区双报到（${place.building.name}）`);
}

/** 转移: an approved member applies at their new community; the old registration stays until this one is approved. */
export async function transferMember(ctx: Ctx, input: TransferInput): Promise<RegistrationView> {
  const place = await homePlace(ctx, input.buildingId);
  await checkOrg(ctx, input.orgId, place.communityId);
  const slot = await nextSlot(ctx);
  if (!slot.approved) throw new AppError('CONFLICT', '您还没有通过双报到，请直接申请报到');
  if (slot.pending) throw new AppError('CONFLICT', '您已有一份申请正在审核中，请等审核后再办理');
  if (place.communityId === slot.approved.communityId) {
    throw invalid('buildingId', '新的居住楼栋仍在原报到社区，不需要转移');
  }
  const doc = newRegistration(ctx, slot.id, input, place, slot.approved._id);
  return submit(ctx, doc, `${input.name}申请转入本社区双报到（${place.building.name}）`);
}
