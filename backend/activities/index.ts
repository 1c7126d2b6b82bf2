/** The `activities` cloud function: 认领志愿服务岗 / 志愿活动: standing posts, dated activities, sign-up, check-in and check-out. */
import * as s from '../../shared/activities/schemas';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import { claimPost, leavePost, listPosts, managePosts, publishPost, thePost } from './posts';
import { publishActivity } from './publish';
import { activityDetail, listActivities, manageActivities, theActivity } from './queries';
import { scanActivity } from './scan';
import { cancelSignup, signUp } from './signup';
import { activityRoster, checkoutAll, closeByStaff } from './staff';
import { sweepActivities } from './sweep';

export const activitiesFunction = defineFunction('activities', {
  publishPost: userAction(s.publishPostInput, publishPost),
  posts: userAction(s.postsInput, listPosts),
  managePosts: userAction(s.postsInput, managePosts),
  claimPost: userAction(s.postIdInput, claimPost, thePost),
  leavePost: userAction(s.postIdInput, leavePost, thePost),
  publish: userAction(s.publishActivityInput, publishActivity),
  list: userAction(s.listInput, listActivities),
  detail: userAction(s.activityIdInput, activityDetail, theActivity),
  signUp: userAction(s.activityIdInput, signUp),
  cancel: userAction(s.activityIdInput, cancelSignup),
  scan: userAction(s.activityIdInput, scanActivity),
  manage: userAction(s.manageInput, manageActivities),
  roster: userAction(s.activityIdInput, activityRoster, theActivity),
  checkoutAll: userAction(s.activityIdInput, checkoutAll),
  close: userAction(s.activityIdInput, closeByStaff),
  sweep: systemAction(s.sweepInput, sweepActivities),
});
