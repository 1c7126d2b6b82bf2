/**
 * The order machine as data (shared/records/machine.ts): each status with its kind, each action with where it may
 * start, where it goes, who takes it and its words on the timeline, and the timeline steps that keep the status.
 * The server checks the current state with a conditional update on exactly these `from` lists.
 */
import type { EntryData, StateDef, TimelineEntry } from '../records/machine';
import { canMove, defineMachine, labelOf } from '../records/machine';
import type { Colour, OrderSource, OrderStatus, ReturnVisitResult } from './model';
import { COLOUR_NAMES, ORDER_SOURCE_NAMES, RETURN_VISIT_NAMES, STATUS_NAMES } from './model';

const STATES: Record<OrderStatus, StateDef> = {
  new: { name: STATUS_NAMES.new, kind: 'open' },
  triaged: { name: STATUS_NAMES.triaged, kind: 'open' },
  pooled: { name: STATUS_NAMES.pooled, kind: 'open' },
  assigned: { name: STATUS_NAMES.assigned, kind: 'open' },
  in_progress: { name: STATUS_NAMES.in_progress, kind: 'active' },
  completed: { name: STATUS_NAMES.completed, kind: 'done' },
  reopened: { name: STATUS_NAMES.reopened, kind: 'open' },
  closed: { name: STATUS_NAMES.closed, kind: 'closed' },
  rejected: { name: STATUS_NAMES.rejected, kind: 'closed' },
  cancelled: { name: STATUS_NAMES.cancelled, kind: 'closed' },
};

const says = (words: string) => (): string => words;

/** Entries that keep the status; each names its data beside it. */
const STEPS = {
  note: says('添加备注'),
  /** { deadline: 'respond' | 'resolve', top: already at the street, nowhere higher to go } */
  escalate: (d: EntryData) => `${d.deadline === 'respond' ? '超时未响应' : '超时未办结'}，升级到上一级${d.top ? '（已在最高一级）' : ''}`,
  /** 急时 filing skipped 分拣 (backend/response/emergency.ts); { reason: the community's 急时 reason } */
  emergency: says('急时自动派单'),
  /** Staff filing from a 民情日记 visit (backend/diary/toOrder.ts). */
  fileForResident: says('代居民点单（民情日记）'),
  /** Staff filing for a caller, visitor or what a 网格巡查 found (backend/orders/behalf.ts); { source } */
  fileOnBehalf: (d: EntryData) => `代为登记（${ORDER_SOURCE_NAMES[d.source as OrderSource] ?? ''}）`,
  /** 撤销角色 left the owning node without anyone in the owner's roles: up one level; { member, role, node } */
  handedUp: (d: EntryData) => `${d.member}已不再担任${d.role}，${d.node}暂无其他人负责，转交上一级`,
  /** Words stored before codes that no rule of the migration reads (backend/orders/migrate.ts); { words } */
  words: (d: EntryData) => String(d.words ?? ''),
};

export const ORDER_MACHINE = defineMachine({
  noun: '点单',
  states: STATES,
  transitions: {
    /** 群众点单 (staff filing for a resident is the fileForResident step). In 急时, new orders skip triage (issue 6). */
    file: { from: [], to: 'new', by: ['resident'], label: says('提交点单') },
    /** 撤单: before a member has taken it. */
    cancel: { from: ['new', 'triaged', 'pooled', 'assigned'], to: 'cancelled', by: ['resident'], label: says('撤单') },
    /** 分拣: accept with a colour; { colour, category? (only when corrected), party? and suggested? (职责清单, when overridden), hotlineDue? (12345: its 办理时限 kept) } */
    triage: {
      from: ['new'],
      to: 'triaged',
      by: ['staff'],
      label: (d) =>
        `分拣为${COLOUR_NAMES[d.colour as Colour] ?? ''}色${d.category ? `，类别改为${d.category}` : ''}${d.party ? `，责任主体：${d.party}${d.suggested ? `（建议为${d.suggested}，已改定）` : ''}` : ''}${d.hotlineDue ? '，办结期限按12345热线时限' : ''}`,
    },
    /** 分拣: reject with a reason the resident sees (the note). */
    reject: { from: ['new'], to: 'rejected', by: ['staff'], label: says('不予受理') },
    /** 社区派单 to a named member; { member: their name } */
    dispatch: { from: ['triaged', 'reopened'], to: 'assigned', by: ['staff'], label: (d) => `派单给党员${d.member}` },
    /** 派单 to a unit (物业服务企业, 职能部门, 共建单位) covering the order's place (shared/units); { unit: its name } */
    dispatchUnit: { from: ['triaged', 'reopened'], to: 'assigned', by: ['staff'], label: (d) => `派单给${d.unit}` },
    /** 转办: not the community's duty, handed to the responsible 职能部门 with a reason (the note); { unit: its name } */
    transfer: { from: ['new', 'triaged', 'reopened'], to: 'assigned', by: ['staff'], label: (d) => `转办至${d.unit}` },
    /** 派到抢单池; { level: 'grid' | 'community', skill: needed or null } */
    pool: { from: ['triaged', 'reopened'], to: 'pooled', by: ['staff'], label: (d) => `派到${d.level === 'grid' ? '网格' : '社区'}抢单池${d.skill ? `（需${d.skill}）` : ''}` },
    /** 党员接单 from the pool: exactly one wins. */
    claim: { from: ['pooled'], to: 'in_progress', by: ['member'], label: says('接单') },
    /** The named member takes a dispatched order. */
    accept: { from: ['assigned'], to: 'in_progress', by: ['member', 'organisation'], label: says('接受派单') },
    /** The named member, or the unit it was dispatched to, declines: back to staff (待派单); { unit: its name, when a unit } */
    decline: { from: ['assigned'], to: 'triaged', by: ['member', 'organisation'], label: (d) => (d.unit ? `${d.unit}退回派单` : '婉拒派单') },
    /** The holder gives it back to the pool. */
    release: { from: ['in_progress'], to: 'pooled', by: ['member'], label: says('退回抢单池') },
    /** Progress and delay notices keep the status; { delayed } */
    progress: { from: ['in_progress'], to: 'in_progress', by: ['member', 'organisation'], label: (d) => (d.delayed ? '延期说明' : '更新进展') },
    complete: { from: ['in_progress'], to: 'completed', by: ['member', 'organisation'], label: says('办结') },
    /** 群众评单: rating above the reopen line closes it; { stars }, the comment is the note. */
    rate: { from: ['completed'], to: 'closed', by: ['resident'], label: says('确认并评价') },
    /** 重办: a low rating sends it back to staff; { stars }, the comment is the note. */
    reopen: { from: ['completed'], to: 'reopened', by: ['resident'], label: says('评价不满意，申请重办') },
    /** 回访 by staff for a resident who did not rate: 满意 or 基本满意 closes it as a good rating does; { result }, the call's note is the note. */
    returnVisit: { from: ['completed'], to: 'closed', by: ['staff'], label: (d) => `电话回访：${RETURN_VISIT_NAMES[d.result as ReturnVisitResult] ?? ''}` },
    /** 回访 不满意: reopened to staff exactly as a low rating is; { result: 'unsatisfied' }, the note says why. */
    returnVisitReopen: { from: ['completed'], to: 'reopened', by: ['staff'], label: says('电话回访：不满意，重办') },
    /** Days without a rating: closed as 未评价; { days } as the rule stood then. */
    autoClose: { from: ['completed'], to: 'closed', by: ['system'], label: (d) => `${d.days} 天未评价，自动办结（未评价）` },
    /** Staff close a reopened order with an explanation. */
    closeReopened: { from: ['reopened'], to: 'closed', by: ['staff'], label: says('说明情况后办结') },
    /** Staff move a dispatched or held order to another member; { member: their name } */
    reassign: { from: ['assigned', 'in_progress'], to: 'assigned', by: ['staff'], label: (d) => `改派给党员${d.member}` },
    /** The holder lost the role they held it by (撤销角色) and has no B角 who may take it: back to staff; { member, role } */
    unhold: { from: ['assigned', 'in_progress'], to: 'triaged', by: ['staff'], label: (d) => `${d.member}已不再担任${d.role}，退回待派单` },
  },
  steps: STEPS,
});

export type OrderTransition = keyof typeof ORDER_MACHINE.transitions;
export type OrderStep = keyof typeof STEPS;
/** What an order timeline entry's `code` may be. */
export type OrderCode = OrderTransition | OrderStep;

/** Each action's from/to, as callers read it before the machine carried more. */
export const TRANSITIONS: Record<OrderTransition, { from: readonly OrderStatus[]; to: OrderStatus }> = ORDER_MACHINE.transitions;

export function canTransition(action: OrderTransition, from: OrderStatus): boolean {
  return canMove(ORDER_MACHINE, action, from);
}

/** The words of an order timeline entry. */
export const orderLabel = (e: Pick<TimelineEntry, 'code' | 'data'>): string => labelOf(ORDER_MACHINE, e);

/** The note as shown: a rating leads with its stars, and the 急时 entry says why; otherwise what the person wrote. */
export function orderNote(e: Pick<TimelineEntry, 'code' | 'data' | 'note'>): string | null {
  const d = e.data ?? {};
  if ((e.code === 'rate' || e.code === 'reopen') && typeof d.stars === 'number') return `${d.stars} 星${e.note ? `：${e.note}` : ''}`;
  if (e.code === 'emergency' && !e.note) return `社区处于急时（${d.reason ?? ''}）：跳过分拣，按红色事项派到社区抢单池`;
  return e.note ?? null;
}
