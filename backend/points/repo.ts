/**
 * 积分 storage: the append-only ledger, yearly totals per member (stamped with their placement), rolled-up
 * totals per organisation and per grid, declarations (申报/汇总/核实), and their declared indexes.
 */
import type { PhotoRef } from '../../shared/photos';
import type { TimelineEntry } from '../../shared/records/machine';
import type { DeclarationStatus } from '../../shared/points/model';
import type { PointReason } from '../../shared/points/schemas';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface LedgerDoc {
  _id: string;
  memberId: string;
  delta: number;
  reason: PointReason;
  note: string;
  sourceType: string;
  sourceId: string;
  /** The period (calendar year, Shanghai) the entry counts for. */
  year: number;
  at: number;
  /** +1 for a credit, -1 for a full reversal, 0 otherwise: `credits` on the total is their sum (served this year). */
  credit?: number;
  /** Where the member was placed when it was written (for scoping corrections and exports). */
  communityId?: string | null;
  path?: string | null;
  /** Written since totals carry markers: a replay finding this entry re-applies it to the totals (a no-op once applied). */
  marked?: boolean;
  /** Corrections: who made them and which entry they correct. */
  actorId?: string;
  corrects?: string;
}

/** Where a member belongs for rankings: written on their totals, re-stamped by `syncPlacement`. */
export interface Stamp {
  communityId: string | null;
  gridId: string | null;
  orgId: string | null;
  /** The member's home building path (or community path), for subtree scoping. */
  path: string | null;
  name: string;
}

export interface TotalDoc extends Stamp {
  _id: string;
  memberId: string;
  year: number;
  total: number;
  /** Credits this year (entries that are not corrections, less full reversals): the duty check's "served". */
  credits: number;
  /** `community|grid|org`: credits add only while the placement they read still holds (see totals.ts). */
  stamp: string;
  /** Ledger ids already added here (each credit adds once however often it is applied), and the one that opened it. */
  applied?: string[];
  /** The stamp each of them was added under (same order): its roll-ups are that placement's. */
  appliedStamps?: string[];
  openedBy?: string;
}

/** Per organisation or per grid and year: the sum of its members' totals and how many members it has. */
export interface RollupDoc {
  _id: string;
  kind: 'org' | 'grid';
  refId: string;
  year: number;
  name: string;
  communityId: string | null;
  path: string;
  total: number;
  members: number;
  /** Ledger ids already added here: a credit applied again after a crash adds nothing. */
  applied?: string[];
}

export interface DeclarationDoc {
  _id: string;
  memberId: string;
  memberName: string;
  communityId: string;
  gridId: string | null;
  /** The grid's path (the grid leader's scope), null when the member has no grid. */
  gridPath: string | null;
  /** The member's home path: community staff scope. */
  path: string;
  date: string;
  /** The period the service counts for: the year of its date. */
  year: number;
  hours: number;
  description: string;
  photos: PhotoRef[];
  status: DeclarationStatus;
  batchId: string | null;
  points: number | null;
  reason: string | null;
  /** Each step as a code and its data (shared/points/machine.ts gives the words). */
  timeline: TimelineEntry[];
  createdAt: number;
  updatedAt: number;
}

export const ledger = (store: DocumentStore): Collection<LedgerDoc> => store.collection<LedgerDoc>('points_ledger');
export const totals = (store: DocumentStore): Collection<TotalDoc> => store.collection<TotalDoc>('points_totals');
export const rollups = (store: DocumentStore): Collection<RollupDoc> => store.collection<RollupDoc>('points_rollups');
export const declarations = (store: DocumentStore): Collection<DeclarationDoc> => store.collection<DeclarationDoc>('points_declarations');

export const INDEXES: Record<string, IndexSpec[]> = {
  points_ledger: [
    {
      fields: [
        ['memberId', 1],
        ['year', 1],
        ['at', -1],
      ],
    },
    // The effects drain: a correction's row carries its totals, audit and message until applied (backend/points/correct.ts).
    { fields: [['fxAt', 1]] },
  ],
  points_totals: [
    // Rankings and "my rank" (count of higher totals) read these, never the ledger.
    {
      fields: [
        ['communityId', 1],
        ['year', 1],
        ['total', -1],
        ['memberId', 1],
      ],
    },
    {
      fields: [
        ['gridId', 1],
        ['year', 1],
        ['total', -1],
        ['memberId', 1],
      ],
    },
    // The dashboard's members served and points distribution: counts over a subtree in a year.
    {
      fields: [
        ['year', 1],
        ['path', 1],
      ],
    },
  ],
  points_rollups: [
    {
      fields: [
        ['kind', 1],
        ['communityId', 1],
        ['year', 1],
        ['total', -1],
      ],
    },
  ],
  points_declarations: [
    {
      fields: [
        ['memberId', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['gridId', 1],
        ['status', 1],
        ['createdAt', 1],
      ],
    },
    {
      fields: [
        ['communityId', 1],
        ['status', 1],
        ['createdAt', 1],
      ],
    },
    // The effects drain reads declarations still pending, oldest first (backend/records/drain.ts).
    { fields: [['fxAt', 1]] },
  ],
};
