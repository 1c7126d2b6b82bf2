/** The 志愿活动, 报名 and 志愿服务岗 machines as data (shared/records/machine.ts): states with kinds, transitions with who and their words. */
import { defineMachine } from '../records/machine';

/** An activity is open from publication until staff or the timer close it; places are taken and given back while open. */
export const ACTIVITY_MACHINE = defineMachine({
  noun: '志愿活动',
  states: {
    open: { name: '开放', kind: 'open' },
    closed: { name: '已结束', kind: 'closed' },
  },
  transitions: {
    publish: { from: [], to: 'open', by: ['staff'], label: () => '发布活动' },
    /** A member takes a place: the seat count and the sign-up it creates are one write on the activity. */
    seat: { from: ['open'], to: 'open', by: ['member'], label: () => '报名占用名额' },
    /** 全部签退: everyone still checked in leaves; the activity stays open. */
    checkoutAll: { from: ['open'], to: 'open', by: ['staff'], label: (d) => `全部签退 ${d.checkedOut ?? 0} 人` },
    /** 结束活动 (staff once it has started, the timer 2 h after the end): stragglers checked out, the unseen marked 未到场. */
    close: { from: ['open'], to: 'closed', by: ['staff', 'system'], label: (d) => `结束活动：签退 ${d.checkedOut ?? 0} 人，未到场 ${d.noShows ?? 0} 人` },
    /** Closing again finishes whatever the first close could not (a scan that raced it). */
    finish: { from: ['closed'], to: 'closed', by: ['staff', 'system'], label: (d) => `补记：签退 ${d.checkedOut ?? 0} 人，未到场 ${d.noShows ?? 0} 人` },
  },
});

/** A member's place on one activity: signed → checked_in → checked_out; cancelled (and signed again); no_show when closed unseen. */
export const SIGNUP_MACHINE = defineMachine({
  noun: '报名',
  // In the order the roster counts them.
  states: {
    signed: { name: '已报名', kind: 'open' },
    cancelled: { name: '已取消', kind: 'closed' },
    checked_in: { name: '已签到', kind: 'active' },
    checked_out: { name: '已签退', kind: 'done' },
    no_show: { name: '未到场', kind: 'closed' },
  },
  transitions: {
    signUp: { from: [], to: 'signed', by: ['member'], label: () => '报名' },
    signUpAgain: { from: ['cancelled'], to: 'signed', by: ['member'], label: () => '重新报名' },
    cancel: { from: ['signed'], to: 'cancelled', by: ['member'], label: (d) => (d.late ? '取消报名（开始前 24 小时内，记为临期取消）' : '取消报名') },
    /** 转移: the member's registration moved to another community; not a late cancellation. */
    withdraw: { from: ['signed'], to: 'cancelled', by: ['staff'], label: () => '转出社区，名额退回' },
    checkIn: { from: ['signed'], to: 'checked_in', by: ['member'], label: () => '扫码签到' },
    checkOut: { from: ['checked_in'], to: 'checked_out', by: ['member', 'staff', 'system'], label: (d) => `签退：服务 ${d.hours ?? 0} 小时，积分 ${d.points ?? 0}` },
    noShow: { from: ['signed'], to: 'no_show', by: ['staff', 'system'], label: () => '活动结束时未签到，记为未到场' },
  },
});

/** A standing post stays open (nothing closes one yet); members claiming and leaving it are moves that keep its status. */
export const POST_MACHINE = defineMachine<'open' | 'closed', 'publish' | 'claim' | 'leave'>({
  noun: '志愿服务岗',
  states: {
    open: { name: '招募中', kind: 'open' },
    closed: { name: '已关闭', kind: 'closed' },
  },
  transitions: {
    publish: { from: [], to: 'open', by: ['staff'], label: () => '发布岗位' },
    claim: { from: ['open'], to: 'open', by: ['member'], label: () => '认领岗位' },
    /** By the member, or by the staff approving their move to another community (转移). */
    leave: { from: ['open'], to: 'open', by: ['member', 'staff'], label: (d) => (d.moved ? '转出社区，岗位交还' : '退出岗位') },
  },
});

export type ActivityTransition = keyof typeof ACTIVITY_MACHINE.transitions;
export type SignupTransition = keyof typeof SIGNUP_MACHINE.transitions;
export type PostTransition = keyof typeof POST_MACHINE.transitions;
