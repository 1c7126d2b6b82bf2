/** Storage of orders: the `orders` collection, the document shape, ids and timeline entries. */
import { newId } from '../runtime/ids';
import type { Colour, OrderCategory, OrderSource, OrderStatus, ReturnVisitResult } from '../../shared/orders/model';
import type { PhotoRef } from '../../shared/orders/schemas';
import type { Role, Skill } from '../../shared/users/roles';
import type { OrderUnit } from '../../shared/units/model';
import type { OrderFacts } from '../../shared/orders/permissions';
import type { TimelineEntry as CodedEntry } from '../../shared/records/machine';
import type { Collection, DocumentStore } from '../store/port';

/** An order's timeline entry: a code plus data; the words come from shared/orders/machine.ts. */
export type OrderEntry = CodedEntry;

/** An entry as orders stored it before codes: words only (./migrate.ts converts them). */
export interface WordsEntry {
  at: number;
  actorId: string;
  actorName: string;
  /** The actor's part, in words: 居民, 网格长, 在职党员, 系统. */
  role: string;
  /** What happened, in words: 提交点单, 分拣为黄色, 接单 … */
  action: string;
  note?: string;
}

export interface OrderDoc extends OrderFacts {
  _id: string;
  category: OrderCategory;
  description: string;
  photos: PhotoRef[];
  contactName: string;
  contactMobile: string;
  buildingId: string;
  /** "第一网格 · 1号楼" and the full trail, kept so lists need no area reads. */
  place: string;
  trail: string;
  colour: Colour | null;
  createdByName: string;
  createdAt: number;
  followerCount: number;
  /** The node whose staff answer for it now (by colour, then one level up per escalation). */
  owner: { areaId: string; areaPath: string; roles: Role[] } | null;
  respondBy: number | null;
  resolveBy: number | null;
  respondedAt: number | null;
  completedAt: number | null;
  closedAt: number | null;
  overdue: boolean;
  escalatedRespond: boolean;
  escalatedResolve: boolean;
  pool: { areaId: string; areaPath: string; skill: Skill | null } | null;
  holderName: string | null;
  completion: { note: string; photos: PhotoRef[] } | null;
  rating: { stars: number; comment: string | null } | null;
  /** 'rated' also when a 回访 closed it (满意/基本满意): the resident's verdict, given by phone (returnVisit). */
  closeReason: 'rated' | 'unrated' | 'staff' | null;
  /** The latest 回访, when staff recorded one (absent on orders never visited). */
  returnVisit?: { result: ReturnVisitResult; note: string | null; at: number; byId: string; byName: string };
  rejectReason: string | null;
  /** The unit it was dispatched or 转办 to (多方接单); absent on orders never with one, null once it is no longer. */
  unit?: OrderUnit | null;
  /** 转办: the department it was handed to and why (kept after the department declines, for the record). */
  transfer?: { unitId: string; reason: string; at: number; byId: string } | null;
  /** Where it came in (shared/orders/model ORDER_SOURCES); absent on orders filed before sources existed, read as 'app' (orderSource). */
  source?: OrderSource;
  /** A 12345 ticket's number and the hotline's own 办理时限: 分拣 takes it as resolveBy instead of the colour's (backend/orders/staff.ts). */
  hotline?: { ticket: string; deadline: number };
  timeline: OrderEntry[];
  status: OrderStatus;
}

export const orders = (store: DocumentStore): Collection<OrderDoc> => store.collection<OrderDoc>('orders');

export const newOrderId = (now: number): string => newId('o', now);

/** What a resident supplies when filing; everything else starts empty. */
export type OrderFiling = Pick<
  OrderDoc,
  | '_id'
  | 'category'
  | 'description'
  | 'photos'
  | 'contactName'
  | 'contactMobile'
  | 'anonymousToMembers'
  | 'shareable'
  | 'buildingId'
  | 'path'
  | 'place'
  | 'trail'
  | 'createdBy'
  | 'createdByName'
  | 'createdAt'
  | 'owner'
  | 'timeline'
>;

/** A freshly filed order (待分拣): the one place that knows every field's starting value. */
export function newOrderDoc(filing: OrderFiling): OrderDoc {
  return {
    ...filing,
    status: 'new',
    colour: null,
    followers: [],
    followerCount: 0,
    respondBy: null,
    resolveBy: null,
    respondedAt: null,
    completedAt: null,
    closedAt: null,
    overdue: false,
    escalatedRespond: false,
    escalatedResolve: false,
    pool: null,
    holderId: null,
    holderName: null,
    completion: null,
    rating: null,
    closeReason: null,
    rejectReason: null,
  };
}
