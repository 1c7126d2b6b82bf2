/** Registration records as the pages see them: area and organisation names resolved in batched reads, phones masked by rule. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { REGISTRATION_STATUS_NAMES } from '../../shared/members/model';
import type { AvailableTime } from '../../shared/members/model';
import { canDecideRegistration, canSeeMobileAt } from '../../shared/members/permissions';
import type { RegistrationView } from '../../shared/members/schemas';
import { maskMobile } from '../../shared/users/mask';
import type { Actor } from '../../shared/users/roles';
import { AREAS_KEPT, areas } from '../areas/repo';
import { keptByIds } from '../runtime/warm';
import type { DocumentStore } from '../store/port';
import type { OrganisationDoc, RegistrationDoc } from './repo';
import { organisations, registrations } from './repo';

/** Names a batch of registrations needs: their areas, organisations and the communities transfers come from. */
export interface Names {
  areas: Map<string, Area>;
  orgs: Map<string, OrganisationDoc>;
  transferFrom: Map<string, string>;
}

export async function namesFor(store: DocumentStore, docs: RegistrationDoc[], known?: Names): Promise<Names> {
  const names: Names = known ?? { areas: new Map(), orgs: new Map(), transferFrom: new Map() };
  const orgIds = [...new Set(docs.map((d) => d.orgId).filter((x): x is string => !!x && !names.orgs.has(x)))];
  // Transfers name the community they come from; those written before they carried it are read.
  const inPage = new Map(docs.map((d) => [d._id, d]));
  const fromIds = [...new Set(docs.filter((d) => d.transferOf && !d.fromCommunityId && !inPage.has(d.transferOf)).map((d) => d.transferOf as string))];
  const froms = fromIds.length ? await registrations(store).find({ _id: { $in: fromIds } }) : [];
  const fromCommunity = new Map<string, string>();
  for (const d of docs) {
    const from = d.transferOf ? (d.fromCommunityId ?? inPage.get(d.transferOf)?.communityId) : undefined;
    if (d.transferOf && from) fromCommunity.set(d.transferOf, from);
  }
  for (const f of froms) fromCommunity.set(f._id, f.communityId);
  const areaIds = [...new Set([...docs.flatMap((d) => idsOnPath(d.path)), ...fromCommunity.values()])].filter((id) => !names.areas.has(id));
  const [nodes, orgs] = await Promise.all([
    areaIds.length ? keptByIds(store, `${AREAS_KEPT}node/`, areaIds, (ids) => areas(store).find({ _id: { $in: ids } })) : [],
    orgIds.length ? keptByIds(store, 'organisations/', orgIds, (ids) => organisations(store).find({ _id: { $in: ids } })) : [],
  ]);
  for (const a of nodes) names.areas.set(a._id, a);
  for (const o of orgs) names.orgs.set(o._id, o);
  for (const [regId, communityId] of fromCommunity) names.transferFrom.set(regId, names.areas.get(communityId)?.name ?? '');
  return names;
}

/** The member themself and the community's staff see the full number; everyone else the masked one. */
export function mobileFor(actor: Actor, doc: RegistrationDoc): string | null {
  return actor.userId === doc.memberId || canSeeMobileAt(actor, doc.path) ? doc.mobile : maskMobile(doc.mobile);
}

export function toRegistrationView(doc: RegistrationDoc, names: Names, actor: Actor): RegistrationView {
  const name = (id: string) => names.areas.get(id)?.name ?? '';
  return {
    id: doc._id,
    status: doc.status,
    statusName: REGISTRATION_STATUS_NAMES[doc.status],
    name: doc.name,
    mobile: mobileFor(actor, doc),
    partyOrg: doc.partyOrg,
    workUnit: doc.workUnit,
    orgId: doc.orgId,
    orgName: doc.orgId ? (names.orgs.get(doc.orgId)?.name ?? null) : null,
    buildingId: doc.buildingId,
    communityId: doc.communityId,
    communityName: name(doc.communityId),
    gridName: name(doc.gridId),
    buildingName: name(doc.buildingId),
    skills: doc.skills,
    availableTimes: doc.availableTimes as AvailableTime[],
    certNo: doc.certNo,
    reason: doc.reason,
    createdAt: doc.createdAt,
    decidedAt: doc.decidedAt,
    endedAt: doc.endedAt,
    transferFromName: doc.transferOf ? (names.transferFrom.get(doc.transferOf) ?? null) : null,
    canDecide: canDecideRegistration(actor, doc),
  };
}

export async function viewsOf(store: DocumentStore, docs: RegistrationDoc[], actor: Actor): Promise<RegistrationView[]> {
  const names = await namesFor(store, docs);
  return docs.map((d) => toRegistrationView(d, names, actor));
}
