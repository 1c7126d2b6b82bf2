/** CloudBase function `users`: me, privacy consent, people in scope, role grants, invitations (with WeChat's phone confirmation). */
import { wechatPhones } from '../../backend/ports/phone';
import { consoleLogger } from '../../backend/runtime/handle';
import { cloudMain } from '../../backend/runtime/cloud';
import { usersFunction } from '../../backend/users';

export const main = cloudMain(usersFunction, undefined, {}, (app) => ({ phones: wechatPhones(app, consoleLogger.error) }));
