/** Registration records as the pages see them: area and organisation names resolved in batched reads, phones masked by rule. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { REGISTRATION_STATUS_NAMES } from '../../shared/members/model';
import type { AvailableTime } from '../../shared/members/model';
import { canDecideRegistration, canSeeMobileAt } from '../../shared/members/permissions';
import type { RegistrationView } from '../../shared/members/schemas';
import { maskMobile } from '../../shared/users/mask';
import type { Actor } from '../../shared/users/roles';
import { areasOnPaths } from '../areas/repo';
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
  const fromIds = [...new Set(docs.map((d) => d.transferOf).filter((x): x is string => !!x))];
  const [orgs, froms] = await Promise.all([
    orgIds.length ? organisations(store).find({ _id: { $in: orgIds } }) : Promise.resolve([]),
    fromIds.length ? registrations(store).find({ _id: { $in: fromIds } }) : Promise.resolve([]),
  ]);
  for (const o of orgs) names.orgs.set(o._id, o);
  const missing = [...docs.map((d) => d.path), ...froms.map((f) => f.path)].filter((p) => !idsOnPath(p).every((id) => names.areas.has(id)));
  if (missing.length) for (const [id, a] of await areasOnPaths(store, missing)) names.areas.set(id, a);
  for (const f of froms) names.transferFrom.set(f._id, names.areas.get(f.communityId)?.name ?? '');
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
    orgName: doc.orgId ? names.orgs.get(doc.orgId)?.name ?? null : null,
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
    transferFromName: doc.transferOf ? names.transferFrom.get(doc.transferOf) ?? null : null,
    canDecide: canDecideRegistration(actor, doc),
  };
}

export async function viewsOf(store: DocumentStore, docs: RegistrationDoc[], actor: Actor): Promise<RegistrationView[]> {
  const names = await namesFor(store, docs);
  return docs.map((d) => toRegistrationView(d, names, actor));
}
