/**
 * CloudBase function `notifications`: the in-app message list and unread badge; also the target of WeChat's
 * message push for `wxa_media_check` (云开发控制台 → 设置 → 消息推送: event wxa_media_check → this function).
 */
import { notificationsFunction } from '../../backend/notifications';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(notificationsFunction, undefined, { wxa_media_check: 'mediaChecked' });
