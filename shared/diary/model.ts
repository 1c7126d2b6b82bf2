/** 民情日记: the fixed tags a visit carries, who keeps the diary, and its limits. */
import type { OnBehalfSource, OrderCategory } from '../orders/model';
import type { Role } from '../users/roles';

export const VISIT_TAGS = ['邻里纠纷', '环境卫生', '安全隐患', '困难帮扶', '政策咨询', '设施维修', '矛盾调解', '其他'] as const;
export type VisitTag = (typeof VISIT_TAGS)[number];

/** 网格员 and 网格长 record visits in their grid. */
export const DIARY_WRITERS: readonly Role[] = ['grid_worker', 'grid_leader'];

/**
 * The source of an order turned from a visit (转为点单). A 民情日记 is a grid worker's 走访: they went to the resident, in
 * their grid, so it is a 网格巡查 finding; 来访 is the resident coming to the office, 电话 a call.
 */
export const DIARY_ORDER_SOURCE = 'patrol' as const satisfies OnBehalfSource;

export const DIARY_LIMITS = { photos: 3, tags: 4 } as const;

/** The order category a finding with this tag usually becomes (the staff may pick another). */
export const TAG_CATEGORY: Record<VisitTag, OrderCategory> = {
  邻里纠纷: '矛盾纠纷',
  环境卫生: '环境卫生',
  安全隐患: '安全隐患',
  困难帮扶: '助老助残',
  政策咨询: '政策咨询',
  设施维修: '维修',
  矛盾调解: '矛盾纠纷',
  其他: '其他',
};
