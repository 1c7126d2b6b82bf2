/**
 * 操作日志 in words: each audited action's label, the record by its human name, and the recorded detail as a person says
 * it (states by their labels, roles by their Chinese names, times as "12月6日 09:30"); ids and empty fields are left out.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { ACTIVITY_MACHINE, POST_MACHINE, SIGNUP_MACHINE } from '../activities/machine';
import { REGISTRATION_MACHINE } from '../members/machine';
import { orderNumber } from '../orders/model';
import { ORDER_MACHINE } from '../orders/machine';
import { DECLARATION_MACHINE } from '../points/machine';
import { MODE_NAMES } from '../response/model';
import type { Machine, StateDef } from '../records/machine';
import { labelOf } from '../records/machine';
import type { Role } from '../users/roles';
import { ROLE_NAMES } from '../users/roles';
import { WISH_MACHINE } from '../wishes/machine';
import { WISH_KIND_NAMES } from '../wishes/model';
import { TARGET_NAMES } from './model';

dayjs.extend(utc);
dayjs.extend(timezone);

type AnyMachine = Machine<string, string>;
/** A transition's own timeline words, when they need no data (the machines are the one place those words live). */
const said = (m: AnyMachine, code: string): string => labelOf(m, { code });
const O = ORDER_MACHINE as unknown as AnyMachine;
const W = WISH_MACHINE as unknown as AnyMachine;
const D = DECLARATION_MACHINE as unknown as AnyMachine;
const R = REGISTRATION_MACHINE as unknown as AnyMachine;
const S = SIGNUP_MACHINE as unknown as AnyMachine;
const P = POST_MACHINE as unknown as AnyMachine;

/** Every action the backend audits, in words; a unit test fails when one is missing (tests/unit/audit-labels.test.ts). */
export const ACTION_LABELS: Record<string, string> = {
  'areas.add': '新增区域',
  'areas.update': '修改区域',
  'areas.retire': '撤销区域',
  'areas.move': '移动楼栋',
  'areas.import': '导入区域树',
  'orders.file': said(O, 'file'),
  'orders.cancel': said(O, 'cancel'),
  'orders.triage': '分拣',
  'orders.reject': said(O, 'reject'),
  'orders.dispatch': '派单',
  'orders.dispatchUnit': '派单给单位',
  'orders.transfer': '转办',
  'orders.pool': '派到抢单池',
  'orders.claim': said(O, 'claim'),
  'orders.accept': said(O, 'accept'),
  'orders.decline': said(O, 'decline'),
  'orders.release': said(O, 'release'),
  'orders.progress': '更新进展',
  'orders.complete': said(O, 'complete'),
  'orders.rate': said(O, 'rate'),
  'orders.reopen': said(O, 'reopen'),
  'orders.autoClose': '未评价自动办结',
  'orders.closeReopened': said(O, 'closeReopened'),
  'orders.returnVisit': '电话回访（满意或基本满意）',
  'orders.returnVisitReopen': said(O, 'returnVisitReopen'),
  'orders.reassign': '改派',
  'orders.unhold': '办理人不再担任角色，退回待派单',
  'orders.handedUp': '无人负责，转交上一级',
  'orders.note': said(O, 'note'),
  'orders.escalate': '超时升级',
  'orders.setRule': '修改点单时限规则',
  'duties.set': '修改职责清单',
  'duties.remove': '删除职责清单条目',
  'hotline.import': '导入12345工单',
  'hotline.place': '12345工单定位到楼栋',
  'wishes.post': '许心愿',
  'wishes.approve': '审核通过心愿',
  'wishes.reject': '心愿审核未通过',
  'wishes.claim': said(W, 'claim'),
  'wishes.lapse': '认领超期，心愿回到心愿墙',
  'wishes.deliver': said(W, 'deliver'),
  'wishes.confirm': said(W, 'confirm'),
  'wishes.setRules': '修改微心愿规则',
  'points.declare': '申报服务积分',
  'points.forward': said(D, 'forward'),
  'points.sendBack': said(D, 'sendBack'),
  'points.verify': '核实积分申报',
  'points.reject': said(D, 'reject'),
  'points.correct': '更正积分',
  'points.setRules': '修改积分规则',
  'points.exportYear': '导出年度积分',
  'members.register': '申请双报到',
  'members.transfer': '申请转移社区',
  'members.approve': `双报到${said(R, 'approve')}`,
  'members.reject': `双报到${said(R, 'reject')}`,
  'members.end': `双报到${said(R, 'end')}`,
  'members.createOrganisation': '新增报到单位',
  'members.exportLibrary': '导出党员库',
  'activities.publish': '发布志愿活动',
  'activities.publishPost': '发布志愿服务岗',
  'activities.seat': said(ACTIVITY_MACHINE as unknown as AnyMachine, 'seat'),
  'activities.signUp': said(S, 'signUp'),
  'activities.signUpAgain': said(S, 'signUpAgain'),
  'activities.cancel': '取消报名',
  'activities.withdraw': said(S, 'withdraw'),
  'activities.checkIn': said(S, 'checkIn'),
  'activities.checkOut': '签退',
  'activities.noShow': '记为未到场',
  'activities.checkoutAll': '全部签退',
  'activities.close': '结束活动',
  'activities.finish': '补记活动签退',
  'activities.claim': said(P, 'claim'),
  'activities.leave': '退出岗位',
  'users.grantRole': '授予角色',
  'users.revokeRole': '撤销角色',
  'users.setHome': '登记住址',
  'users.acceptInvitation': '接受邀请',
  'users.invite': '邀请人员',
  'users.revokeInvitation': '撤销邀请',
  'users.setDeputy': '设置B角',
  'users.setAway': '标记不在岗/已返回',
  'users.linkHouseholds': '联络员联户',
  'response.send': '发送一键响应',
  'response.remind': '提醒未回复的人',
  'response.export': '导出回复',
  'response.switchMode': '平时/急时切换',
  'diary.record': '记民情日记',
  'diary.toOrder': '日记转点单',
  'codes.poster': '打印民情二维码',
  'codes.posterForGrid': '打印网格民情二维码',
  'dashboard.exportOrders': '导出点单明细',
  'dashboard.exportLedger': '导出积分台账',
  'content.hidePhoto': '隐藏违规照片',
  'units.create': '新增接单单位',
  'units.update': '修改接单单位',
  'units.addStaff': '设为单位人员',
  'units.removeStaff': '取消单位人员',
};

/** The states of each record type that moves, by their labels. */
const STATES: Record<string, Record<string, StateDef>> = {
  order: O.states,
  wish: W.states,
  points_declaration: D.states,
  registration: R.states,
  activity: (ACTIVITY_MACHINE as unknown as AnyMachine).states,
  signup: S.states,
  post: P.states,
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? '其他操作';

/** "12月6日 09:30", always in Shanghai time. */
export const sayTime = (ms: number): string => dayjs(ms).tz('Asia/Shanghai').format('M月D日 HH:mm');
/** "2026-12-06" → "12月6日". */
const sayDay = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日` : '');
const roleName = (r: unknown): string => ROLE_NAMES[r as Role] ?? '';

export interface AuditFacts {
  action: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
  /** The name of the area the record is, for records that are areas (社区, 网格). */
  areaName?: string;
}

/** The record as people name it: 点单 by its 单号, others by their title or person; the noun alone when no name was recorded. */
export function recordName(f: AuditFacts): string {
  const noun = TARGET_NAMES[f.targetType] ?? '记录';
  const d = f.detail;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  // An id of no known shape has no 单号: the noun alone, never the id.
  if (f.targetType === 'order') return orderNumber(f.targetId) === f.targetId ? noun : `${noun} ${orderNumber(f.targetId)}`;
  const name = text(d.title) ?? text(d.userName) ?? text(d.name) ?? (f.targetType === 'area' || f.targetType === 'community' ? (f.areaName ?? null) : null);
  return name ? `${noun}「${name}」` : noun;
}

/** Fields that say nothing to a person (ids, the name already shown as the record) or that another field covers. */
const UNSAID = new Set([
  'title',
  'userName',
  'name',
  'areaId',
  'orderId',
  'memberId',
  'activityId',
  'correction',
  'movedTo',
  'communityId',
  'endedRegistration',
  'stintId',
  'round',
  'filters',
  'transferOf',
  'perHour',
  'before',
  'after',
  'to',
  'from',
]);

const count = (unit: string) => (v: unknown) => (typeof v === 'number' ? `${v} ${unit}` : null);
const words = (label: string) => (v: unknown) => (typeof v === 'string' && v.trim() ? `${label}：${v.trim()}` : null);
const time = (label: string) => (v: unknown) => (typeof v === 'number' && v > 0 ? `${label} ${sayTime(v)}` : null);
const flag = (said: string) => (v: unknown) => (v === true ? said : null);

/** One field in words; null leaves it out. */
const FIELDS: Record<string, (v: unknown) => string | null> = {
  note: words('备注'),
  reason: words('理由'),
  category: words('类别'),
  post: words('岗位'),
  role: (v) => (roleName(v) ? `角色：${roleName(v)}` : null),
  roles: (v) => (Array.isArray(v) && v.length ? `发给：${v.map(roleName).filter(Boolean).join('、')}` : null),
  recipients: (v) => (typeof v === 'number' ? `共 ${v} 人` : null),
  reminded: (v) => (typeof v === 'number' ? `提醒 ${v} 人` : null),
  rows: (v) => (typeof v === 'number' ? `共 ${v} 行` : null),
  pages: (v) => (typeof v === 'number' ? `共 ${v} 页` : null),
  deadline: (v) => (v === 'respond' ? '超时未响应' : v === 'resolve' ? '超时未办结' : null),
  top: flag('已在最高一级'),
  date: (v) => (typeof v === 'string' && sayDay(v) ? `服务日期 ${sayDay(v)}` : null),
  hours: (v) => (typeof v === 'number' ? `服务 ${v} 小时` : null),
  points: (v) => (typeof v === 'number' ? `积分 ${v}` : null),
  delta: (v) => (typeof v === 'number' ? `积分${v >= 0 ? '增加' : '扣减'} ${Math.abs(v)}` : null),
  tags: (v) => (Array.isArray(v) && v.length ? `标签：${v.join('、')}` : null),
  kind: (v) => (typeof v === 'string' && WISH_KIND_NAMES[v as keyof typeof WISH_KIND_NAMES] ? WISH_KIND_NAMES[v as keyof typeof WISH_KIND_NAMES] : null),
  value: (v) => (typeof v === 'number' ? `价值约 ${v} 元` : null),
  onBehalf: flag('代居民许愿'),
  certNo: words('报到证号'),
  checkedOut: count('人签退'),
  noShows: count('人未到场'),
  late: flag('开始前 24 小时内取消'),
  moved: flag('转出社区'),
  capacity: count('个名额'),
  slots: count('个岗位'),
  year: (v) => (typeof v === 'number' ? `${v} 年` : null),
  declarations: (v) => (Array.isArray(v) ? `${v.length} 条申报` : null),
  edited: flag('修改了公开内容'),
  stars: (v) => (typeof v === 'number' ? `${v} 星` : null),
  delayed: flag('延期'),
  startAt: time('开始'),
  endAt: time('结束'),
  checkInAt: time('签到'),
  checkOutAt: time('签退'),
  cancelledAt: time('取消'),
  closedAt: time('结束'),
  levelName: words('层级'),
  parentName: words('上级'),
  renamedFrom: words('原名称'),
  phone: (v) => (typeof v === 'string' ? (v ? `电话：${v}` : '清除电话') : null),
  replacedByName: words('替代为'),
  importFile: words('文件'),
  imported: (v) => (typeof v === 'number' ? `本次新增 ${v} 个区域` : null),
  subtree: (v) => (typeof v === 'number' && v > 1 ? `连同下级共 ${v} 个区域` : null),
};

/** from → to: a record's states by their labels, a community's mode as 平时/急时, an export's days as dates. */
function change(f: AuditFacts): string | null {
  const { from, to } = f.detail;
  if (f.action === 'response.switchMode') {
    const a = MODE_NAMES[from as keyof typeof MODE_NAMES];
    const b = MODE_NAMES[to as keyof typeof MODE_NAMES];
    return a && b ? `${a} → ${b}` : b ? `切换为${b}` : null;
  }
  if (f.action.startsWith('dashboard.export')) {
    const a = typeof from === 'string' ? sayDay(from) : '';
    const b = typeof to === 'string' ? sayDay(to) : '';
    return a || b ? `时间：${a || '最早'} 至 ${b || '今天'}` : null;
  }
  const states = STATES[f.targetType];
  if (!states) return null;
  const a = typeof from === 'string' ? states[from]?.name : undefined;
  const b = typeof to === 'string' ? states[to]?.name : undefined;
  if (a && b) return a === b ? null : `${a} → ${b}`;
  return b ? `状态：${b}` : null;
}

/** The detail as short phrases a person reads; nothing raw, no ids, no empty fields. */
export function detailWords(f: AuditFacts): string[] {
  const out: string[] = [];
  const moved = change(f);
  if (moved) out.push(moved);
  if (f.action === 'orders.file' && typeof f.detail.status === 'string') {
    const s = STATES.order?.[f.detail.status]?.name;
    if (s) out.push(`状态：${s}`);
  }
  // Rules are whole objects of settings: that they changed is said, their internals are not.
  if (f.action.endsWith('.setRules') || f.action.endsWith('.setRule')) return [...out, '规则已更新'];
  for (const [k, v] of Object.entries(f.detail)) {
    if (v === null || v === undefined || UNSAID.has(k)) continue;
    const said = FIELDS[k]?.(v);
    if (said) out.push(said.length > 60 ? `${said.slice(0, 60)}…` : said);
  }
  return out;
}

/** The actor's part: the role they acted in, or 系统 for the timers. */
export function actorRoleName(actorId: string, role: string | undefined): string {
  if (actorId === 'system') return '系统';
  return roleName(role);
}
