/**
 * The `notifications` function: my messages (to me, or to the nodes where I am staff), the unread badge, mark
 * read; and WeChat's message pushes (消息推送) to the app, such as the photo checks' `wxa_media_check` verdicts.
 */
import type { MessagePage } from '../../shared/notifications/schemas';
import { listMessagesInput, markReadInput, mediaCheckedInput, unreadInput } from '../../shared/notifications/schemas';
import type { ListMessagesInput } from '../../shared/notifications/schemas';
import { mediaChecked } from '../content/photoChecks';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import { inbox, unreadOf } from './inbox';
import { messages } from './repo';

/** Two requests: the caller, one count of their messages since the watermark. */
async function unread(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await messages(ctx.store).count(unreadOf(ctx)) };
}

/** Three requests: the caller, the page (one more than asked, to know whether another follows), the unread count. */
async function list(ctx: Ctx, input: ListMessagesInput): Promise<MessagePage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const seen = ctx.actor.lastReadAt ?? 0;
  const [found, fresh] = await Promise.all([
    messages(ctx.store).find(inbox(ctx), {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize + 1,
      skip: (page - 1) * pageSize,
    }),
    messages(ctx.store).count(unreadOf(ctx)),
  ]);
  const items = found
    .slice(0, pageSize)
    .map((m) => ({ id: m._id, kind: m.kind, title: m.title, body: m.body, orderId: m.orderId, sourceId: m.sourceId ?? null, createdAt: m.createdAt, unread: m.createdAt > seen }));
  return { items, page, pageSize, more: found.length > pageSize, unread: fresh };
}

/** Everything up to now counts as read: one watermark per person, not a flag per message. */
async function markRead(ctx: Ctx): Promise<{ readAt: number }> {
  const readAt = ctx.now();
  await users(ctx.store).updateWhere({ _id: ctx.actor.userId }, { $set: { lastReadAt: readAt } });
  return { readAt };
}

export const notificationsFunction = defineFunction('notifications', {
  list: userAction(listMessagesInput, list),
  unread: userAction(unreadInput, unread),
  markRead: userAction(markReadInput, markRead),
  mediaChecked: systemAction(mediaCheckedInput, mediaChecked),
});
