/** 双报到 vocabulary: registration statuses, service times, the 报到证 number and the verify link. No zod: pages import it. */
import { statesOfKind } from '../records/machine';
import { decodeUriOrSame } from '../uri';
import type { RegistrationStatus } from './machine';
import { REGISTRATION_MACHINE } from './machine';

export type { RegistrationStatus } from './machine';

/** Every status, in the machine's order (shared/members/machine.ts). */
export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_MACHINE.states) as [RegistrationStatus, ...RegistrationStatus[]];

export const REGISTRATION_STATUS_NAMES = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, REGISTRATION_MACHINE.states[s].name])) as Record<RegistrationStatus, string>;

/** A person may hold at most one of each of these at a time (a transfer is a pending beside an approved). */
export const OPEN_REGISTRATION_STATUSES: readonly RegistrationStatus[] = statesOfKind(REGISTRATION_MACHINE, 'open', 'active');

/** 可服务时间: a fixed list, so staff can filter and count by it. */
export const AVAILABLE_TIMES = ['工作日白天', '工作日晚上', '周末', '节假日'] as const;
export type AvailableTime = (typeof AVAILABLE_TIMES)[number];

/**
 * 报到证编号 `CZ-2026-000123`: one counter per year for the whole deployment, so a number is unique
 * across communities without a community code in it. Approvals are made by people, so one counter
 * document is never a hot spot.
 */
export const CERT_PATTERN = /^CZ-\d{4}-\d{6}$/;

export function certNumber(year: number, seq: number): string {
  return `CZ-${year}-${String(seq).padStart(6, '0')}`;
}

/** The staff page a scanned 报到证 opens (app route, no leading slash: also the weapp page path). */
export const VERIFY_PAGE = 'members/pages/verify/index';

export function verifyRoute(certNo: string): string {
  return `${VERIFY_PAGE}?cert=${encodeURIComponent(certNo)}`;
}

/** The certificate number inside whatever a scan returned: a full web URL, a page path, or the bare number. */
export function certFromScan(scanned: string): string | null {
  const match = /(?:[?&]cert=)?(CZ-\d{4}-\d{6})/.exec(decodeUriOrSame(scanned));
  return match?.[1] ?? null;
}

/** Library and export filters: "served" means any points this year. */
export const SERVED_FILTERS = ['yes', 'no'] as const;
export type ServedFilter = (typeof SERVED_FILTERS)[number];
