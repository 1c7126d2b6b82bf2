/**
 * Posts stored before their holders were kept on them get `holding` from their open stints in post_holders, once: a
 * post that has `holding` is left alone, so a claim's guard (`holding.<member>` is null) sees whoever holds it already.
 */
import type { Migration } from '../records/migrate';
import type { DocumentStore } from '../store/port';
import type { Holding } from './repo';
import { users } from '../users/repo';
import { holdingKey, postHolders, posts, stintKey } from './repo';

const PAGE = 100;

/** Pages through every post by id; the write is conditional on `holding` still missing, so running twice changes nothing. */
async function run(store: DocumentStore): Promise<number> {
  let changed = 0;
  for (let after = ''; ;) {
    const page = await posts(store).find(after ? { _id: { $gt: after } } : {}, { sort: [['_id', 1]], limit: PAGE });
    for (const p of page) {
      if (p.holding) continue;
      const open = await postHolders(store).find({ postId: p._id, until: null }, { limit: 1000 });
      const holding: Record<string, Holding> = Object.fromEntries(
        open.map((h) => [holdingKey(h.memberId), { memberId: h.memberId, memberName: h.memberName, since: h.since, stintId: h._id }]),
      );
      changed += await posts(store).updateWhere({ _id: p._id, holding: { $exists: false } }, { $set: { holding } });
    }
    if (page.length < PAGE) return changed;
    after = page[page.length - 1]!._id;
  }
}

export const POST_HOLDERS_ON_POSTS: Migration = { name: 'posts: current holders kept on the post', run };

/**
 * Members stored before their stints were kept on them get `postStints` from post_holders, once: each stint is set
 * only where it is missing, so a run after a claim or a leave (which keep it themselves) changes nothing.
 */
async function runStints(store: DocumentStore): Promise<number> {
  let changed = 0;
  for (let after = ''; ;) {
    const page = await postHolders(store).find(after ? { _id: { $gt: after } } : {}, { sort: [['_id', 1]], limit: PAGE });
    for (const h of page) {
      const field = `postStints.${stintKey(h._id)}`;
      changed += await users(store).updateWhere({ _id: h.memberId, [field]: { $exists: false } }, { $set: { [field]: { since: h.since, until: h.until } } });
    }
    if (page.length < PAGE) return changed;
    after = page[page.length - 1]!._id;
  }
}

export const POST_STINTS_ON_MEMBERS: Migration = { name: 'users: 志愿岗位 stints kept on the member', run: runStints };
