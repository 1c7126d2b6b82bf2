/** Inputs and views of the `activities` function: 志愿服务岗 (posts) and 志愿活动 (sign-up, 签到/签退, roster). */
import * as z from 'zod/mini';
import { id, input, int, oneOf, requestKey, text } from '../validation';
import type { ActivityStatus, SignupStatus } from './model';
import { ACTIVITY_RULES } from './model';

/** Epoch milliseconds, between 2020 and 2100. */
const instant = (label: string) => int(label, 1_577_836_800_000, 4_102_444_800_000);
const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));
const activityId = id('活动');
const postId = id('岗位');

export const publishPostInput = input({
  areaId: id('所属社区或网格'),
  title: text('岗位名称', { min: 2, max: 30 }),
  description: text('岗位职责', { min: 5, max: 500 }),
  slots: int('需要人数', 1, 200),
  pointsNote: z.optional(text('积分说明', { min: 1, max: 100 })),
  requestKey,
});
export const postIdInput = input({ postId });
export const postsInput = input({ page, pageSize });

export const publishActivityInput = input({
  areaId: id('所属社区或网格'),
  title: text('活动名称', { min: 2, max: 40 }),
  description: text('活动内容', { min: 5, max: 1000 }),
  place: text('活动地点', { min: 2, max: 60 }),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  /** 报名截止: defaults to the start. */
  deadline: z.optional(instant('报名截止时间')),
  capacity: int('招募人数', 1, ACTIVITY_RULES.maxCapacity),
  /** Overrides the community's rule (积分规则 activityPerHour) for this activity. */
  perHour: z.optional(int('每小时积分', 0, 20)),
  requestKey,
});
export const activityIdInput = input({ activityId });
export const LIST_TABS = ['upcoming', 'mine', 'past'] as const;
export type ListTab = (typeof LIST_TABS)[number];
export const listInput = input({ tab: oneOf('分类', LIST_TABS), page, pageSize });
export const manageInput = input({ tab: oneOf('分类', ['upcoming', 'past'] as const), page, pageSize });
export const sweepInput = input({});

export type PublishPostInput = z.infer<typeof publishPostInput>;
export type PostIdInput = z.infer<typeof postIdInput>;
export type PostsInput = z.infer<typeof postsInput>;
export type PublishActivityInput = z.infer<typeof publishActivityInput>;
export type ActivityIdInput = z.infer<typeof activityIdInput>;
export type ListInput = z.infer<typeof listInput>;
export type ManageInput = z.infer<typeof manageInput>;

export interface PostCard {
  id: string;
  title: string;
  description: string;
  areaName: string;
  slots: number;
  held: number;
  pointsNote: string | null;
  /** Whether the caller holds it now, and since when. */
  mine: boolean;
  since: number | null;
  /** Names of the current holders (staff view only; empty for members). */
  holders: string[];
}

export interface MySignupView {
  status: SignupStatus;
  statusName: string;
  signedAt: number;
  late: boolean;
  checkInAt: number | null;
  checkOutAt: number | null;
  hours: number | null;
  points: number | null;
}

export interface ActivityCard {
  id: string;
  title: string;
  place: string;
  areaName: string;
  startAt: number;
  endAt: number;
  deadline: number;
  capacity: number;
  placesLeft: number;
  perHour: number;
  status: ActivityStatus;
  /** 未开始 / 进行中 / 已结束, by the server's clock. */
  phaseName: string;
  mine: MySignupView | null;
}

export interface ActivityDetail extends ActivityCard {
  description: string;
  createdByName: string;
  /** What the caller may do now, decided by the server. */
  canSignUp: boolean;
  canCancel: boolean;
  /** Staff over it: roster, QR, 全部签退, 结束活动. */
  canManage: boolean;
}

export interface RosterRow {
  memberId: string;
  name: string;
  status: SignupStatus;
  statusName: string;
  signedAt: number;
  late: boolean;
  cancelledAt: number | null;
  checkInAt: number | null;
  checkOutAt: number | null;
  hours: number | null;
  points: number | null;
}

export interface RosterView {
  activity: ActivityDetail;
  rows: RosterRow[];
  counts: Record<SignupStatus, number> & { late: number };
}

/** What a scan of the activity QR did: 签到, 签退, or nothing new (with the reason in words). */
export interface ScanResult {
  kind: 'checked_in' | 'checked_out' | 'already_in' | 'already_out';
  title: string;
  activityId: string;
  activityTitle: string;
  at: number;
  hours: number | null;
  points: number | null;
}
