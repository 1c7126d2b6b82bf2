/**
 * The 职责清单 a first install carries: a handful of realistic entries per list, after 张掖's 职责事项/协助事项/负面事项清单
 * and common 社区准入 practice. Streets and communities change them in the app (docs/duties.md); this file is never edited per site.
 */
import type { DutyEntry } from './model';

export const DEFAULT_DUTIES: readonly DutyEntry[] = [
  // 职责事项: the community's own work, or its 物业 under the contract it oversees.
  { id: 'lift', list: 'duty', item: '电梯故障', category: '维修', keywords: ['电梯'], party: 'property' },
  { id: 'stairlight', list: 'duty', item: '楼道照明', category: null, keywords: ['楼道灯', '楼道照明', '声控灯'], party: 'property' },
  { id: 'leak', list: 'duty', item: '公共管道漏水', category: null, keywords: ['漏水', '水管', '下水道堵'], party: 'property' },
  { id: 'litter', list: 'duty', item: '小区环境卫生', category: '环境卫生', keywords: ['垃圾', '卫生'], party: 'property' },
  { id: 'elder', list: 'duty', item: '独居老人探访', category: '助老助残', keywords: ['独居', '空巢', '探访'], party: 'member' },
  { id: 'dispute', list: 'duty', item: '邻里矛盾调解', category: '矛盾纠纷', keywords: ['邻居', '纠纷', '吵架'], party: 'community' },
  { id: 'policy', list: 'duty', item: '政策咨询与代办', category: '政策咨询', keywords: ['低保', '医保', '社保', '代办'], party: 'community' },
  // 协助事项: another body's duty the community helps with.
  { id: 'noise', list: 'assist', item: '噪音扰民', category: null, keywords: ['噪音', '扰民'], party: 'department', department: '派出所' },
  { id: 'hazard', list: 'assist', item: '消防安全隐患', category: '安全隐患', keywords: ['消防', '飞线', '电动车充电'], party: 'department', department: '消防救援站' },
  { id: 'legal', list: 'assist', item: '法律援助转介', category: '法律援助', keywords: ['律师', '法律'], party: 'department', department: '司法所' },
  { id: 'health', list: 'assist', item: '健康随访', category: '医疗健康', keywords: ['随访', '体检'], party: 'department', department: '社区卫生服务站' },
  // 负面事项: outside 社区准入 — the community refers them on (转办) rather than taking them on.
  { id: 'street-vendor', list: 'negative', item: '占道经营', category: null, keywords: ['占道', '摆摊', '流动摊贩'], party: 'department', department: '城管' },
  { id: 'illegal-build', list: 'negative', item: '违章搭建', category: null, keywords: ['违建', '违章搭建', '私搭乱建'], party: 'department', department: '城管' },
  { id: 'food-safety', list: 'negative', item: '食品安全', category: null, keywords: ['食品', '过期', '餐馆'], party: 'department', department: '市场监管所' },
  { id: 'wage', list: 'negative', item: '劳资欠薪', category: null, keywords: ['欠薪', '工资'], party: 'department', department: '人社所' },
];
