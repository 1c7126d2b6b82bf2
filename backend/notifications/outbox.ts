/** 站内消息 outbox: messages to a person, to the staff of a node or to a unit's staff; WeChat subscribe messages mirror them to each person. */
import type { MessageKind } from '../../shared/notifications/schemas';
import { MESSAGE_KINDS } from '../../shared/notifications/schemas';
import type { Actor } from '../../shared/users/roles';
import type { PushedMessage } from '../ports/types';
import { newId } from '../runtime/ids';
import type { Deps } from '../runtime/types';
import { staffOn, users } from '../users/repo';
import type { MessageDoc } from './repo';
import { messages } from './repo';

// Read and counted elsewhere without the push (the inbox, 待办): the collection lives in repo.ts.
export type { MessageDoc } from './repo';
export { messages } from './repo';

/** A person, the staff of a node, or the staff of a unit (多方接单: whoever works for it when the message is read). */
export type Recipient = { userId: string } | { areaId: string } | { unitId: string };

export interface Outgoing {
  to: Recipient[];
  kind: MessageKind;
  body: string;
  orderId?: string;
  sourceId?: string;
}

/** At most this many people per node get the WeChat push of a message to the node's staff. */
export const STAFF_PUSH_LIMIT = 50;

/** Who caused the message, when a person did: they are not pushed what they just did to their own node. */
type NotifyDeps = Deps & { actor?: Pick<Actor, 'userId'> | null };

/** One message per distinct recipient of `out`; `idOf(i)` names the i-th (random for notify, from the batch for effects). */
export function messageDocs(out: Outgoing, now: number, idOf: (i: number) => string): MessageDoc[] {
  const seen = new Set<string>();
  const docs: MessageDoc[] = [];
  for (const to of out.to) {
    const key = 'userId' in to ? `u:${to.userId}` : 'areaId' in to ? `a:${to.areaId}` : `n:${to.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    docs.push({
      _id: idOf(docs.length),
      userId: 'userId' in to ? to.userId : null,
      toAreaId: 'areaId' in to ? to.areaId : null,
      ...('unitId' in to && { toUnitId: to.unitId }),
      kind: out.kind,
      title: MESSAGE_KINDS[out.kind],
      body: out.body,
      orderId: out.orderId ?? null,
      sourceId: out.sourceId ?? null,
      createdAt: now,
    });
  }
  return docs;
}

/**
 * Writes one message per recipient (deduplicated), and asks the push port to mirror it to each person: those
 * addressed, and the staff of each node addressed (one query for all the nodes; the node keeps one in-app message).
 */
export async function notify(deps: NotifyDeps, out: Outgoing): Promise<void> {
  const docs = messageDocs(out, deps.now(), () => newId('m', deps.now()));
  await Promise.all(docs.map((d) => messages(deps.store).insert(d)));
  await pushMessages(deps, docs, deps.actor?.userId ?? null);
}

/** Mirrors messages of one outgoing notice to every person they reach; a failed push is logged, never thrown. */
export async function pushMessages(deps: Deps, docs: MessageDoc[], actorId: string | null): Promise<void> {
  const [first] = docs;
  if (!first) return;
  const pushed: PushedMessage = { kind: first.kind, title: first.title, body: first.body, orderId: first.orderId, sourceId: first.sourceId ?? null, createdAt: first.createdAt };
  const people = await pushedTo(deps, docs, actorId);
  await Promise.all(people.map((userId) => deps.ports.subscribe.send(userId, pushed).catch((e: unknown) => deps.log.error('subscribe message failed', e))));
}

/** The people addressed, then the staff of the nodes and units addressed (bar the actor), each once. */
async function pushedTo(deps: Deps, docs: MessageDoc[], actorId: string | null): Promise<string[]> {
  const people = new Set(docs.flatMap((d) => (d.userId ? [d.userId] : [])));
  const nodes = docs.flatMap((d) => (d.toAreaId ? [d.toAreaId] : []));
  const unitIds = docs.flatMap((d) => (d.toUnitId ? [d.toUnitId] : []));
  // One query however many nodes; the limit scales with them, so each node's staff fit unless one node has more than the cap.
  const [staff, unitStaff] = await Promise.all([staffOn(deps.store, nodes, STAFF_PUSH_LIMIT * nodes.length), staffOfUnits(deps, unitIds)]);
  for (const u of [...staff, ...unitStaff]) if (u._id !== actorId) people.add(u._id);
  return [...people];
}

/** A unit's staff are kept on their own records (`unitIds`, element-indexed): read when the message goes out, after the action answered. */
function staffOfUnits(deps: Deps, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  const filter = unitIds.length === 1 ? { unitIds: { $has: unitIds[0] } } : { $or: unitIds.map((id) => ({ unitIds: { $has: id } })) };
  return users(deps.store).find(filter, { limit: STAFF_PUSH_LIMIT * unitIds.length });
}
