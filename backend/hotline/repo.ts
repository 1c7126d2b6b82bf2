/** 12345 工单 storage: the tickets (queue and export), each street's column mapping and last header, and uploaded file parts. */
import { createHash } from 'node:crypto';
import type { HotlineField, HotlineTicket } from '../../shared/orders/hotline';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

/** A ticket as imported: the row's own cells for the export back, and its order once it is on a building. */
export interface TicketDoc extends Omit<HotlineTicket, 'row' | 'buildingId'> {
  _id: string;
  streetId: string;
  /** The import's scope (street or community) while queued; the building's path once placed. */
  path: string;
  cells: string[];
  orderId: string;
  placed: boolean;
  importedAt: number;
  importedBy: string;
  placedAt?: number;
  placedBy?: string;
}

/** Per street: the saved mapping (only headers that differ from the default) and the header of the last imported file. */
export interface HotlineSettingsDoc {
  _id: string;
  mapping: Partial<Record<HotlineField, string>>;
  header?: string[];
  updatedAt: number;
  updatedBy: string;
}

export interface UploadDoc {
  _id: string;
  uploadId: string;
  part: number;
  data: string;
  by: string;
  at: number;
}

export const tickets = (store: DocumentStore): Collection<TicketDoc> => store.collection<TicketDoc>('hotline_tickets');
export const settings = (store: DocumentStore): Collection<HotlineSettingsDoc> => store.collection<HotlineSettingsDoc>('hotline_settings');
export const uploads = (store: DocumentStore): Collection<UploadDoc> => store.collection<UploadDoc>('hotline_uploads');

/** Warm-cache key of a street's settings (backend/runtime/warm.ts): the export reads them kept; saving forgets them. */
export const keptSettingsKey = (streetId: string): string => `hotline_settings/${streetId}`;

const digest = (streetId: string, ticket: string) => createHash('sha256').update(`12345\n${streetId}\n${ticket}`).digest('hex');
/** Ids follow from street and 工单编号: the same ticket imported twice is the same document and the same order. */
export const ticketId = (streetId: string, ticket: string): string => `h-${digest(streetId, ticket).slice(0, 22)}`;
/** Shaped as a keyed order id (o- and 24 hex), so its 单号 reads as any other's (shared/orders/model orderNumber). */
export const ticketOrderId = (streetId: string, ticket: string): string => `o-${digest(streetId, ticket).slice(24, 48)}`;

export const INDEXES: Record<string, IndexSpec[]> = {
  hotline_tickets: [
    // 待定位 queue of a street, oldest call first; the export reads a street's tickets in call order.
    {
      fields: [
        ['streetId', 1],
        ['placed', 1],
        ['calledAt', 1],
      ],
    },
    {
      fields: [
        ['streetId', 1],
        ['calledAt', 1],
      ],
    },
  ],
  // Read by id only (a street's settings; an upload's parts by their ids).
  hotline_settings: [],
  hotline_uploads: [],
};
