/** 站内消息 outbox: messages to a person or to the staff of a node; WeChat subscribe messages mirror them. */
import type { MessageKind } from '../../shared/notifications/schemas';
import { MESSAGE_KINDS } from '../../shared/notifications/schemas';
import { newId } from '../runtime/ids';
import type { Deps } from '../runtime/types';
import type { Collection, DocumentStore } from '../store/port';

export interface MessageDoc {
  _id: string;
  /** A person, or the staff holding a role on a node (a grid's workers, a community's staff). */
  userId: string | null;
  toAreaId: string | null;
  kind: MessageKind;
  title: string;
  body: string;
  orderId: string | null;
  /** The record a non-order message is about (a wish, an instruction): the messages page links to it by kind. */
  sourceId?: string | null;
  createdAt: number;
}

export type Recipient = { userId: string } | { areaId: string };

export interface Outgoing {
  to: Recipient[];
  kind: MessageKind;
  body: string;
  orderId?: string;
  sourceId?: string;
}

export const messages = (store: DocumentStore): Collection<MessageDoc> => store.collection<MessageDoc>('messages');

/** Writes one message per recipient (deduplicated) and asks the push port to mirror personal ones. */
export async function notify(deps: Deps, out: Outgoing): Promise<void> {
  const seen = new Set<string>();
  const docs: MessageDoc[] = [];
  for (const to of out.to) {
    const key = 'userId' in to ? `u:${to.userId}` : `a:${to.areaId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    docs.push({
      _id: newId('m', deps.now()),
      userId: 'userId' in to ? to.userId : null,
      toAreaId: 'areaId' in to ? to.areaId : null,
      kind: out.kind,
      title: MESSAGE_KINDS[out.kind],
      body: out.body,
      orderId: out.orderId ?? null,
      sourceId: out.sourceId ?? null,
      createdAt: deps.now(),
    });
  }
  await Promise.all(docs.map((d) => messages(deps.store).insert(d)));
  await Promise.all(
    docs.filter((d) => d.userId).map((d) =>
      deps.ports.subscribe.send(d.userId as string, { kind: d.kind, title: d.title, body: d.body, orderId: d.orderId, sourceId: d.sourceId ?? null, createdAt: d.createdAt }).catch((e: unknown) => deps.log.error('subscribe message failed', e)),
    ),
  );
}
