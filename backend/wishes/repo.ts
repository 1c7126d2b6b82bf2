/** Storage of 微心愿: the `wishes` collection and its document shape, the `wish_rules` per community, and their indexes. */
import type { PhotoRef } from '../../shared/photos';
import type { WishKind, WishRules } from '../../shared/wishes/model';
import type { WishFacts } from '../../shared/wishes/permissions';
import type { TimelineEntry } from '../../shared/records/machine';
import type { Pending } from '../records/effects';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface WishDoc extends WishFacts, Pending {
  _id: string;
  communityId: string;
  /** "梅川第一居委会 · 第一网格": what the public sees of where it is. */
  place: string;
  buildingId: string;
  /** As the poster wrote them: seen by the poster, staff and the claimant only. */
  title: string;
  story: string;
  /** As staff left them after removing identifying details: what the board shows. */
  publicTitle: string;
  publicStory: string;
  kind: WishKind;
  value: number;
  photo: PhotoRef | null;
  beneficiaryName: string;
  contactMobile: string;
  door: string | null;
  createdByName: string;
  /** Posted by community staff for an elderly resident. */
  onBehalf: boolean;
  createdAt: number;
  publishedAt: number | null;
  rejectReason: string | null;
  claimantName: string | null;
  claimedByOrgId: string | null;
  claimedByOrgName: string | null;
  claimedAt: number | null;
  claimDeadline: number | null;
  /** `photo` is null once WeChat's image check took it down (backend/content/photoChecks.ts). */
  delivery: { note: string; photo: PhotoRef | null; at: number } | null;
  fulfilledAt: number | null;
  /** Shanghai year of fulfilment: the board counts "fulfilled this year" by it (backend/wishes/board.ts). */
  fulfilledYear: number | null;
  lapses: number;
  /** Codes plus data; the words come from shared/wishes/machine.ts (stored words are converted by ./migrate.ts). */
  timeline: TimelineEntry[];
}

export interface WishRulesDoc extends Partial<WishRules> {
  _id: string;
  updatedAt: number;
  updatedBy: string;
}

export const wishes = (store: DocumentStore): Collection<WishDoc> => store.collection<WishDoc>('wishes');
export const wishRulesDocs = (store: DocumentStore): Collection<WishRulesDoc> => store.collection<WishRulesDoc>('wish_rules');

/** Everything a freshly posted wish (待审核) starts with beyond what the poster supplied. */
export type WishPosting = Pick<
  WishDoc,
  | '_id'
  | 'communityId'
  | 'place'
  | 'buildingId'
  | 'path'
  | 'title'
  | 'story'
  | 'kind'
  | 'value'
  | 'photo'
  | 'beneficiaryName'
  | 'contactMobile'
  | 'door'
  | 'createdBy'
  | 'createdByName'
  | 'onBehalf'
  | 'createdAt'
  | 'timeline'
>;

export function newWishDoc(p: WishPosting): WishDoc {
  return {
    ...p,
    status: 'pending',
    publicTitle: p.title,
    publicStory: p.story,
    publishedAt: null,
    rejectReason: null,
    claimantId: null,
    claimantName: null,
    claimedByOrgId: null,
    claimedByOrgName: null,
    claimedAt: null,
    claimDeadline: null,
    delivery: null,
    fulfilledAt: null,
    fulfilledYear: null,
    lapses: 0,
  };
}

export const INDEXES: Record<string, IndexSpec[]> = {
  wishes: [
    {
      fields: [
        ['communityId', 1],
        ['status', 1],
        ['publishedAt', -1],
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
        ['createdBy', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['claimantId', 1],
        ['claimedAt', -1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['claimDeadline', 1],
      ],
    },
    // The effects drain reads wishes still pending, oldest first (backend/records/drain.ts).
    { fields: [['fxAt', 1]] },
  ],
};
