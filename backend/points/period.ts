/** The period a ledger entry counts for: the Shanghai calendar year. */

/** Shanghai calendar year of an instant (UTC+8, no daylight saving). */
export function shanghaiYear(at: number): number {
  return new Date(at + 8 * 3600 * 1000).getUTCFullYear();
}

/** The first instant of a Shanghai calendar year. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) - 8 * 3600 * 1000;
}
