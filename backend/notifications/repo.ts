/** The `messages` collection (站内消息): read by the inbox and 待办 counts, written by the outbox (which also pushes). */
import type { MessageKind } from '../../shared/notifications/schemas';
import type { Collection, DocumentStore } from '../store/port';

export interface MessageDoc {
  _id: string;
  /** A person, or the staff holding a role on a node (a grid's workers, a community's staff). */
  userId: string | null;
  toAreaId: string | null;
  /** A unit's staff (多方接单): whoever works for the unit reads it; absent on messages to people and nodes. */
  toUnitId?: string | null;
  kind: MessageKind;
  title: string;
  body: string;
  orderId: string | null;
  /** The record a non-order message is about (a wish, an instruction): the messages page links to it by kind. */
  sourceId?: string | null;
  createdAt: number;
}

export const messages = (store: DocumentStore): Collection<MessageDoc> => store.collection<MessageDoc>('messages');
