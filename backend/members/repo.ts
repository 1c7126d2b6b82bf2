/**
 * 双报到 storage: `registrations` (one per member per community stint; at most one approved at a
 * time) and `organisations` (reporting Party organisations, 单位报到). Other domains read a member's
 * placement — community, grid, organisation — through `activeRegistration` only.
 */
import type { Skill } from '../../shared/users/roles';
import type { Deps } from '../runtime/types';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export type RegistrationStatus = 'pending' | 'approved' | 'rejected' | 'ended';

export interface RegistrationDoc {
  _id: string;
  memberId: string;
  status: RegistrationStatus;
  name: string;
  mobile: string;
  /** 所在党组织 as the member wrote it, and the reporting organisation they linked to (if any). */
  partyOrg: string;
  workUnit: string;
  orgId: string | null;
  /** Home building, its grid and community; `path` is the building's path (subtree queries). */
  buildingId: string;
  gridId: string;
  communityId: string;
  path: string;
  skills: Skill[];
  availableTimes: string[];
  /** 报到证 number, issued on approval. */
  certNo: string | null;
  reason: string | null;
  createdAt: number;
  decidedAt: number | null;
  decidedBy: string | null;
  endedAt: number | null;
  /** Set when this registration was ended by a move to another community. */
  movedTo: string | null;
}

export interface OrganisationDoc {
  _id: string;
  name: string;
  communityId: string;
  path: string;
  contactName: string;
  contactMobile: string;
  /** 共建协议: what the organisation and the community agreed to do together. */
  agreement: string;
  createdAt: number;
  createdBy: string;
}

export const registrations = (store: DocumentStore): Collection<RegistrationDoc> => store.collection<RegistrationDoc>('registrations');
export const organisations = (store: DocumentStore): Collection<OrganisationDoc> => store.collection<OrganisationDoc>('organisations');

/** A member's approved registration, or null: where their points, rankings and duties belong. */
export async function activeRegistration(deps: Pick<Deps, 'store'>, memberId: string): Promise<RegistrationDoc | null> {
  const [doc] = await registrations(deps.store).find({ memberId, status: 'approved' }, { limit: 1 });
  return doc ?? null;
}

export const INDEXES: Record<string, IndexSpec[]> = {
  registrations: [
    { fields: [['memberId', 1], ['status', 1]] },
    { fields: [['status', 1], ['path', 1], ['createdAt', -1]] },
    { fields: [['orgId', 1], ['status', 1]] },
  ],
  organisations: [{ fields: [['path', 1], ['name', 1]] }],
};
