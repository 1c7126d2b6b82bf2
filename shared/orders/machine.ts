/**
 * The order state machine as a table: action → the statuses it may start from and where it goes.
 * The server checks the current state with a conditional update on exactly these `from` lists.
 */
import type { OrderStatus } from './model';

export const TRANSITIONS = {
  /** 群众点单 (or a grid worker on a resident's behalf). In 急时, new orders skip triage (issue 6). */
  file: { from: [], to: 'new' },
  /** 撤单: before a member has taken it. */
  cancel: { from: ['new', 'triaged', 'pooled', 'assigned'], to: 'cancelled' },
  /** 分拣: accept with a colour. */
  triage: { from: ['new'], to: 'triaged' },
  /** 分拣: reject with a reason the resident sees. */
  reject: { from: ['new'], to: 'rejected' },
  /** 社区派单 to a named member. */
  dispatch: { from: ['triaged', 'reopened'], to: 'assigned' },
  /** 派到抢单池. */
  pool: { from: ['triaged', 'reopened'], to: 'pooled' },
  /** 党员接单 from the pool: exactly one wins. */
  claim: { from: ['pooled'], to: 'in_progress' },
  /** The named member takes a dispatched order. */
  accept: { from: ['assigned'], to: 'in_progress' },
  /** The named member declines: back to staff. */
  decline: { from: ['assigned'], to: 'triaged' },
  /** The holder gives it back to the pool. */
  release: { from: ['in_progress'], to: 'pooled' },
  /** Progress and delay notices keep the status. */
  progress: { from: ['in_progress'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  /** 群众评单: rating above the reopen line closes it. */
  rate: { from: ['completed'], to: 'closed' },
  /** 重办: a low rating sends it back to staff. */
  reopen: { from: ['completed'], to: 'reopened' },
  /** 7 days without a rating: closed as 未评价. */
  autoClose: { from: ['completed'], to: 'closed' },
  /** Staff close a reopened order with an explanation. */
  closeReopened: { from: ['reopened'], to: 'closed' },
  /** Staff move a dispatched or held order to another member. */
  reassign: { from: ['assigned', 'in_progress'], to: 'assigned' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderTransition = keyof typeof TRANSITIONS;

export function canTransition(action: OrderTransition, from: OrderStatus): boolean {
  return (TRANSITIONS[action].from as readonly OrderStatus[]).includes(from);
}
