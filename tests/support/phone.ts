/**
 * What WeChat's client hands a `getPhoneNumber` button's page after the user taps allow: a one-time code for their
 * number. Issued by the simulated WeChat in cloud mode, by the local runtime's in-process stand-in locally.
 */
import { devPhoneCodes } from '../../backend/ports/local';
import type { TestServer } from './server';

export function phoneCodeFor(s: TestServer, phone: string): string {
  return s.sim ? s.sim.wechat.issuePhoneCode(phone) : devPhoneCodes.issue(phone, s.clock.now);
}
