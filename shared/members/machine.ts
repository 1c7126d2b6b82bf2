/**
 * A 双报到 registration as data (shared/records/machine.ts): its states with their kinds, and who moves it. It keeps
 * no timeline (the page shows when it was applied, decided and ended); every move is audited.
 */
import { defineMachine } from '../records/machine';

const says = (words: string) => (): string => words;

export const REGISTRATION_MACHINE = defineMachine({
  noun: '双报到',
  states: {
    pending: { name: '待审核', kind: 'open' },
    /** The member's current stint: a person holds at most one (a transfer is a pending beside it). */
    approved: { name: '已报到', kind: 'active' },
    rejected: { name: '未通过', kind: 'closed' },
    ended: { name: '已转出', kind: 'closed' },
  },
  transitions: {
    /** 审核通过: the 报到证 number, the member role on the community, the points placement. */
    approve: { from: ['pending'], to: 'approved', by: ['staff'], label: says('审核通过') },
    /** 驳回 with a reason the applicant sees. */
    reject: { from: ['pending'], to: 'rejected', by: ['staff'], label: says('驳回') },
    /** 转出: a transfer's approval at the new community ends the old stint. */
    end: { from: ['approved'], to: 'ended', by: ['system'], label: says('转出') },
  },
});

export type RegistrationStatus = keyof typeof REGISTRATION_MACHINE.states;
export type RegistrationMove = keyof typeof REGISTRATION_MACHINE.transitions;
