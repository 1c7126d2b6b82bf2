/**
 * Half-written activities and posts, for `npm run check:effects`: a closed activity whose sign-ups were never all
 * moved on, a post whose head count disagrees with its holders, a stint missing on its post or on its member.
 */
import { scanAll } from '../exports/xlsx';
import type { Pending } from '../records/effects';
import type { DocumentStore } from '../store/port';
import { users } from '../users/repo';
import type { ActivityDoc, PostDoc } from './repo';
import { activities, postHolders, posts, signups, stintKey } from './repo';

export async function checkActivities(store: DocumentStore): Promise<string[]> {
  const findings: string[] = [];
  // Closing moves every sign-up still 已报名 or 已签到 on (its effects): once applied, none is left behind.
  for await (const a of scanAll<ActivityDoc & Pending>(activities(store), { status: 'closed' })) {
    if (a.fx?.length) continue;
    const left = await signups(store).count({ activityId: a._id, status: { $in: ['signed', 'checked_in'] } });
    if (left) findings.push(`志愿活动 ${a._id}：已结束，仍有 ${left} 人停在已报名或已签到`);
  }
  for await (const p of scanAll<PostDoc & Pending>(posts(store), {})) {
    if (p.fx?.length) continue;
    const holders = Object.values(p.holding ?? {}).filter((h) => h !== null);
    if (p.holding && holders.length !== p.held) findings.push(`志愿岗位 ${p._id}：在岗 ${p.held} 人，名单上却有 ${holders.length} 人`);
  }
  for await (const h of scanAll(postHolders(store), {})) {
    const post = await posts(store).get(h.postId);
    if (post && !(post as PostDoc & Pending).fx?.length && h.until === null && post.holding && !Object.values(post.holding).some((x) => x?.stintId === h._id))
      findings.push(`志愿岗位 ${h.postId}：${h.memberName} 的在岗记录不在岗位名单上`);
    const kept = (await users(store).get(h.memberId))?.postStints?.[stintKey(h._id)];
    if (!kept) findings.push(`志愿岗位 ${h.postId}：${h.memberName} 的在岗记录没有记在本人身上`);
    else if (kept.since !== h.since || kept.until !== h.until) findings.push(`志愿岗位 ${h.postId}：${h.memberName} 的在岗时间与本人记录不一致`);
  }
  return findings;
}
