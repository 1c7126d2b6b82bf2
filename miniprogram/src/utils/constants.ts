/** Client-side constants. */

/**
 * Version of the privacy guide the user accepts. Mirrors PRIVACY_VERSION in shared/users/schemas.ts,
 * copied here because importing that module would bundle zod into the mini-program.
 */
export const PRIVACY_VERSION = '2026-11';

/** Rows per page on paged lists. */
export const PAGE_SIZE = 20;
