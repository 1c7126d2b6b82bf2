/**
 * Effects: what a move causes beyond the record itself (audit, messages and pushes, dashboard counters, points),
 * written as data into the record's own conditional update and applied afterwards, once, by `applyBatches`.
 */
import type { MessageKind } from '../../shared/notifications/schemas';
import type { CreditEntry } from '../points/ledger';
import type { Recipient } from '../notifications/outbox';
import type { Doc, Filter, Patch } from '../store/port';
import type { OrderDoc } from '../orders/repo';
import type { PhotoCheckEffect } from '../content/photoChecks';
import type { MembershipEffect } from '../members/membership';
import type { PlacementEffect } from '../points/placement';
import type { PeopleEffect } from '../users/after';
import type { RehomeEffect } from '../areas/rehome';

/** One audit record; its id comes from the batch, so a replay writes it once. */
export interface AuditEffect {
  type: 'audit';
  action: string;
  targetType: string;
  targetId: string;
  areaPath: string;
  actorId: string;
  actorName: string;
  actorRole?: string;
  detail: Record<string, unknown>;
  /** A detail field the drain fills with a count when it applies the audit (a retirement's subtree size), so the action reads it not. */
  countInto?: { field: string; collection: string; where: Filter };
}

/** In-app messages to people or to a node's staff, mirrored to each person as a WeChat subscribe message. */
export interface NotifyEffect {
  type: 'notify';
  to: Recipient[];
  kind: MessageKind;
  body: string;
  orderId?: string;
  sourceId?: string;
  /** Who caused it: not pushed what they just did to their own node. */
  actorId?: string;
}

/** Dashboard counters: day (YYYY-MM-DD, Shanghai) → counter field → increment, on every node of `path`. */
export interface CountEffect {
  type: 'count';
  path: string;
  tally: Record<string, Record<string, number>>;
}

/** A points credit (ledger entry, member total, organisation and grid roll-ups). */
export interface CreditEffect {
  type: 'credit';
  entry: CreditEntry;
}

/** An order's points (colour base, on-time and 5★ bonuses), reckoned by the community's rules when applied. */
export interface OrderCreditEffect {
  type: 'orderCredit';
  order: Pick<OrderDoc, '_id' | 'holderId' | 'colour' | 'createdBy' | 'visitId' | 'followers' | 'completedAt' | 'resolveBy' | 'path'>;
  stars: number | null;
}

/** A member's count of orders held is taken again (after a move that changed who holds what). */
export interface RecountHeldEffect {
  type: 'recountHeld';
  memberId: string;
}

/** What a recount takes again (backend/records/recount.ts): a person's 待评价 or unacknowledged 一键响应. */
export type RecountKind = 'toRate' | 'unacked';

/** Figures on other records counted again from the records they count, then set: a replay sets the same figures. */
export interface RecountEffect {
  type: 'recount';
  what: RecountKind;
  ids: string[];
}

/** An absolute `$set` on another record (a 民情日记 visit's link to its order): idempotent by nature. */
export interface SetEffect {
  type: 'set';
  collection: string;
  id: string;
  where?: Filter;
  set: Record<string, unknown>;
}

/** A record another record's move creates (a sign-up taking its place, a post's stint): inserted once, by its id. */
export interface InsertEffect {
  type: 'insert';
  collection: string;
  doc: Doc;
}

/** A patch on another record whose `where` fails once the patch has landed (a `$hasNone` key it pushes): applied once. */
export interface UpdateEffect {
  type: 'update';
  collection: string;
  id: string;
  where: Filter;
  patch: Patch;
}

/**
 * A move of another record through the one mover, carrying its own effects (全部签退 and closing move each sign-up):
 * it happens only if that record is still in `from`, so a replay, or a person who moved it first, moves nothing twice.
 */
export interface MoveEffect {
  type: 'move';
  collection: string;
  id: string;
  from: string;
  to: string;
  set?: Record<string, unknown>;
  effects: Effect[];
}

export type Effect =
  | AuditEffect
  | NotifyEffect
  | CountEffect
  | CreditEffect
  | OrderCreditEffect
  | SetEffect
  | PhotoCheckEffect
  | RecountHeldEffect
  | RecountEffect
  | MembershipEffect
  | PlacementEffect
  | InsertEffect
  | UpdateEffect
  | MoveEffect
  | PeopleEffect
  | RehomeEffect;

/** The effects of one move, under a key unique to that move: every id and marker they write derives from it. */
export interface EffectBatch {
  key: string;
  at: number;
  effects: Effect[];
  /** Carried by each record of one step (moveRecords): another record's drain replays it, so its counter keys stay. */
  many?: true;
}

/**
 * A key an applied effect left on another document to guard against applying it twice (a roll-up's ledger ids):
 * needed only while some record still carries the batch, so the drain takes it off once none does.
 */
export interface KeyMark {
  collection: string;
  id: string;
  key: string;
}

/** Deps of an applier that reports the keys it leaves (backend/records/apply.ts collects them per batch). */
export interface Marking {
  marks?: KeyMark[];
}

/** The fields a record carries while it has effects not yet applied. */
export interface Pending {
  /** Batches not yet applied (cleared by the drain). */
  fx?: EffectBatch[];
  /** When the last batch was added; the drain's scan reads records by it (indexed). Null once applied. */
  fxAt?: number | null;
  /** Key of the last batch: clearing is conditional on it, so a batch added meanwhile is never dropped. */
  fxLast?: string | null;
  /** Until when a drain holds the record (backend/records/claim.ts); 0 or missing when none does. */
  fxLease?: number;
  /** That drain's claim. */
  fxBy?: string;
}

/** A record with pending effects, as the answer names it so the client can ask for them to be applied now. */
export interface PendingRef {
  collection: string;
  id: string;
}
