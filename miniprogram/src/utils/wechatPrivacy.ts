/**
 * WeChat's privacy authorisation (weapp, base library ≥ 2.32.3): when a privacy API needs consent the
 * platform calls our listener; we show our own consent popup and answer through `resolve`.
 */
import Taro from '@tarojs/taro';

export const NEED_PRIVACY = 'privacy:need';
/** The id WeChat checks was tapped before `resolve({ event: 'agree' })`. */
export const AGREE_BUTTON_ID = 'agree-btn';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;
let pending: Resolve | null = null;

/** Registered once in app.ts on weapp. */
export function listenForPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    Taro.eventCenter.trigger(NEED_PRIVACY);
  });
}

export function hasPendingPrivacyRequest(): boolean {
  return pending !== null;
}

/** After the user tapped the agreePrivacyAuthorization button. */
export function agreeToPendingRequest(): void {
  pending?.({ buttonId: AGREE_BUTTON_ID, event: 'agree' });
  pending = null;
}

export function declinePendingRequest(): void {
  pending?.({ event: 'disagree' });
  pending = null;
}
