/** The audit log's vocabulary: what each recorded action and record type is called in the users' words. */

/** Recorded as `function.action`; anything not listed shows its raw name. */
export const ACTION_NAMES: Record<string, string> = {
  'orders.file': '提交点单',
  'orders.triage': '分拣',
  'orders.reject': '驳回点单',
  'orders.dispatch': '派单',
  'orders.pool': '派到抢单池',
  'orders.claim': '党员接单',
  'orders.accept': '接受派单',
  'orders.decline': '婉拒派单',
  'orders.release': '退回抢单池',
  'orders.progress': '更新进展',
  'orders.complete': '办结',
  'orders.rate': '评单',
  'orders.reopen': '重办',
  'orders.cancel': '撤单',
  'orders.note': '备注',
  'orders.reassign': '改派',
  'orders.closeReopened': '说明后办结',
  'orders.escalate': '超时升级',
  'orders.autoClose': '自动完结',
  'users.grantRole': '授予角色',
  'users.revokeRole': '撤销角色',
  'response.send': '发送一键响应',
  'response.remind': '提醒未收到',
  'response.export': '导出回复',
  'response.switchMode': '平时/急时切换',
  'diary.record': '记民情日记',
  'diary.toOrder': '日记转点单',
};

export const TARGET_NAMES: Record<string, string> = {
  order: '点单',
  user: '人员',
  instruction: '一键响应',
  community: '社区',
  visit: '民情日记',
  wish: '微心愿',
  post: '志愿岗位',
  activity: '志愿活动',
  registration: '双报到',
  points: '积分',
};

/** The filters the audit page offers as chips (record types people ask about most). */
export const TARGET_FILTERS = ['order', 'user', 'instruction', 'community', 'visit', 'wish', 'registration', 'points'] as const;

export const actionName = (action: string): string => ACTION_NAMES[action] ?? action;
export const targetName = (type: string): string => TARGET_NAMES[type] ?? type;
