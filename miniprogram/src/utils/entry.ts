/**
 * Where a QR or shared link was going: a page opened before sign-in or privacy consent passes through
 * sign-in (h5) and the home page's consent sheet with `?back=<target>`, and home sends it on.
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { PRIVACY_VERSION } from './constants';
import { ROUTES, withQuery } from './routes';
import { getToken } from './session';

const CONSENT_KEY = 'wg_consent';

/** Pages that are open before consent: home asks for it, sign-in comes first, the guide is what one consents to. */
const OPEN_BEFORE_CONSENT: readonly string[] = [ROUTES.home, ROUTES.signin, ROUTES.privacy];

function pathOf(route: string): string {
  return route.split('?')[0] ?? route;
}

function backParam(route: string): string | undefined {
  const query = route.split('?')[1] ?? '';
  const pair = query.split('&').find((p) => p.startsWith('back='));
  return pair ? decodeURIComponent(pair.slice('back='.length)) : undefined;
}

/**
 * The page to land on in the end: only a page of this app (never another site), never the sign-in page;
 * home itself (or none) gives null, and a home or sign-in URL carrying its own `back` gives that one.
 */
export function entryTarget(raw: string | undefined): string | null {
  let route = raw ?? '';
  for (let i = 0; i < 3 && /%2F/i.test(route.slice(0, 4)); i++) route = decodeURIComponent(route);
  if (!/^\/[a-z]/.test(route) || route.includes('//')) return null;
  if (pathOf(route) === ROUTES.home || pathOf(route) === ROUTES.signin) return entryTarget(backParam(route));
  return route;
}

function decoded(value: string | undefined): string | undefined {
  try {
    return value === undefined ? value : decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A page's route with its query (Taro's own `$taro…` keys left out); params arrive still encoded, withQuery encodes them again. */
export function routeOf(router: { path: string; params: Partial<Record<string, string>> }): string {
  const path = `/${pathOf(router.path).replace(/^\//, '')}`;
  const query = Object.entries(router.params).filter(([k]) => !k.startsWith('$taro'));
  return withQuery(path, Object.fromEntries(query.map(([k, v]) => [k, decoded(v)])));
}

export const signInUrl = (target: string | null): string => (target ? withQuery(ROUTES.signin, { back: target }) : ROUTES.signin);
export const homeUrl = (target: string | null): string => (target ? withQuery(ROUTES.home, { back: target }) : ROUTES.home);

/** This device has seen this person accept this version of the guide (kept per h5 session, so 切换演示人员 asks again). */
function consentMark(): string {
  return `${PRIVACY_VERSION}:${getToken() ?? ''}`;
}

export function rememberConsent(): void {
  Taro.setStorageSync(CONSENT_KEY, consentMark());
}

export function consentRemembered(): boolean {
  return Taro.getStorageSync(CONSENT_KEY) === consentMark();
}

/**
 * On a page opened straight from a link: with no consent on record here, go through home (sign-in, then the
 * consent sheet) and come back. Home learns from `users.me` whether consent was given on another device.
 */
export function useConsentGate(): void {
  const router = useRouter();
  useEffect(() => {
    if (consentRemembered()) return;
    const here = routeOf(router);
    if (OPEN_BEFORE_CONSENT.includes(pathOf(here))) return;
    void Taro.redirectTo({ url: homeUrl(here) });
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Home without a session (h5): sign in first, keeping the link's target. */
export function signInFromHome(): Promise<unknown> {
  return Taro.reLaunch({ url: signInUrl(entryTarget(Taro.getCurrentInstance().router?.params.back)) });
}

/**
 * Home: once the person has consented, remember it on this device and send a link's target on
 * (redirect, so browser back does not bounce through home to it again). True while leaving.
 */
export function useSendOn(me: { privacyAccepted: boolean } | null): boolean {
  const target = entryTarget(useRouter().params.back);
  const accepted = Boolean(me?.privacyAccepted);
  useEffect(() => {
    if (!accepted) return;
    rememberConsent();
    if (target) void Taro.redirectTo({ url: target });
  }, [accepted, target]);
  return accepted && target !== null;
}
