/** The audit log's vocabulary: what each record type is called in the users' words (actions: shared/audit/labels.ts). */

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
  points_declaration: '积分申报',
  points_entry: '积分记录',
  points_batch: '积分汇总',
  signup: '活动报名',
  organisation: '报到单位',
  area: '区域',
  invitation: '邀请',
  export: '导出文件',
  unit: '接单单位',
};

/** The filters the audit page offers as chips (record types people ask about most). */
export const TARGET_FILTERS = ['order', 'user', 'instruction', 'community', 'visit', 'wish', 'registration', 'points'] as const;

export const targetName = (type: string): string => TARGET_NAMES[type] ?? '记录';
