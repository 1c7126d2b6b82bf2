/**
 * 双报到 storage: `registrations` (one per member per community stint; at most one approved at a
 * time) and `organisations` (reporting Party organisations, 单位报到). Other domains read a member's
 * placement — community, grid, organisation — through `activeRegistration` only.
 */
import type { RegistrationStatus } from '../../shared/members/model';
import type { Skill } from '../../shared/users/roles';
import type { Deps } from '../runtime/types';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export type { RegistrationStatus };

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
  /** A transfer application: the approved registration it replaces once approved. */
  transferOf?: string | null;
  /** …and the community it comes from (written since transfers carry it, so lists name it without reading the old one). */
  fromCommunityId?: string | null;
}

/** Per-year 报到证 counter: `cert:<year>`, raised a block at a time by compare-and-set (certs.ts) so two approvals never share a number. */
export interface CounterDoc {
  _id: string;
  seq: number;
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
export const memberCounters = (store: DocumentStore): Collection<CounterDoc> => store.collection<CounterDoc>('member_counters');

/** A member's approved registration, or null: where their points, rankings and duties belong. */
export async function activeRegistration(deps: Pick<Deps, 'store'>, memberId: string): Promise<RegistrationDoc | null> {
  // Newest decision first: during a transfer's approval the old one is ended a moment after the new one is approved.
  const [doc] = await registrations(deps.store).find({ memberId, status: 'approved' }, { sort: [['decidedAt', -1]], limit: 1 });
  return doc ?? null;
}

export const INDEXES: Record<string, IndexSpec[]> = {
  registrations: [
    {
      fields: [
        ['memberId', 1],
        ['status', 1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['orgId', 1],
        ['status', 1],
      ],
    },
    { fields: [['certNo', 1]] },
    {
      fields: [
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    // The effects drain reads registrations still pending, oldest first (backend/records/drain.ts).
    { fields: [['fxAt', 1]] },
  ],
  organisations: [
    {
      fields: [
        ['path', 1],
        ['name', 1],
      ],
    },
    // 报到单位认领 by the organisation's contact person (backend/wishes/org.ts).
    {
      fields: [
        ['communityId', 1],
        ['contactMobile', 1],
      ],
    },
  ],
};
