/** CloudBase function `notifications`: the in-app message list and unread badge. */
import { notificationsFunction } from '../../backend/notifications';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(notificationsFunction);
