/** Local uploads come back as /uploads/…, served by the same gateway as the API; cloud URLs are used as they are. */
export function absoluteUrl(url: string): string {
  return url.startsWith('/') ? `${WG_API_BASE}${url}` : url;
}
