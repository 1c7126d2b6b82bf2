/** Percent-decoding that never throws: scanned codes and page queries may carry a stray or broken `%`. */

/** The decoded text, or null when its percent-encoding is malformed (`%`, `%E0%A4%A`). */
export function decodeUri(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Decoded when it can be; otherwise the text as it came, since it was then never encoded. */
export function decodeUriOrSame(raw: string): string {
  return decodeUri(raw) ?? raw;
}
