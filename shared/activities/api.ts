/** The `activities` function's contract (认领志愿服务岗 / 志愿活动: standing posts, dated activities, sign-up, check-in and check-out): action → input and output. */
import type { Call } from '../api';
import type { Page } from '../users/schemas';
import type {
  ActivityCard,
  ActivityDetail,
  ActivityIdInput,
  ListInput,
  ManageInput,
  MySignupView,
  PostCard,
  PostIdInput,
  PostsInput,
  PublishActivityInput,
  PublishPostInput,
  RosterView,
  ScanResult,
} from './schemas';

export interface ActivitiesApi {
  /** 志愿服务岗: staff publish; members claim and leave; both list. */
  publishPost: Call<PublishPostInput, { id: string }>;
  posts: Call<PostsInput, Page<PostCard>>;
  managePosts: Call<PostsInput, Page<PostCard>>;
  claimPost: Call<PostIdInput, PostCard>;
  leavePost: Call<PostIdInput, PostCard>;
  /** 志愿活动: publish, lists, detail, sign-up and cancel. */
  publish: Call<PublishActivityInput, { id: string }>;
  /** Not counted: `total` is exact on the last page and, before it, one more than the items so far (backend/activities/queries.ts). */
  list: Call<ListInput, Page<ActivityCard>>;
  detail: Call<ActivityIdInput, ActivityDetail>;
  signUp: Call<ActivityIdInput, MySignupView>;
  cancel: Call<ActivityIdInput, MySignupView>;
  /** Opening the activity's QR: 签到 on the first scan, 签退 on the second. */
  scan: Call<ActivityIdInput, ScanResult>;
  /** Staff: activities of my area, the roster, 全部签退, 结束活动; the timer closes ended ones. */
  manage: Call<ManageInput, Page<ActivityCard>>;
  roster: Call<ActivityIdInput, RosterView>;
  checkoutAll: Call<ActivityIdInput, { checkedOut: number }>;
  close: Call<ActivityIdInput, { checkedOut: number; noShows: number }>;
  sweep: Call<Record<string, never>, { closed: number }>;
}
