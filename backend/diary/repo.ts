/** Storage of 民情日记: the `visits` collection (one doc per visit, linked to the order it became). */
import type { VisitTag } from '../../shared/diary/model';
import type { PhotoRef } from '../../shared/photos';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface VisitDoc {
  _id: string;
  buildingId: string;
  /** The building's path: the grid's and community's diaries are prefix reads. */
  path: string;
  gridId: string;
  place: string;
  trail: string;
  residentName: string;
  residentId: string | null;
  /**
   * The linked resident's number as read when the visit was recorded (their record is read then anyway), so 转为点单 with no
   * number typed reads no one; a number changed since is not followed. Absent on visits recorded before, which read the resident.
   */
  residentMobile?: string;
  heard: string;
  tags: VisitTag[];
  photos: PhotoRef[];
  createdAt: number;
  createdBy: string;
  createdByName: string;
  /** Set once, when the finding is turned into an order (转为点单). */
  orderId: string | null;
}

export const visits = (store: DocumentStore): Collection<VisitDoc> => store.collection<VisitDoc>('visits');

export const INDEXES: Record<string, IndexSpec[]> = {
  visits: [
    {
      fields: [
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['buildingId', 1],
        ['createdAt', -1],
      ],
    },
    // The effects drain: a visit carries its audit entry until applied (backend/diary/record.ts).
    { fields: [['fxAt', 1]] },
  ],
};
