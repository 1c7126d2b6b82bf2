/** Phone masking (个人信息保护法): everyone but the holder and staff sees 138****5678. */
export function maskMobile(mobile: string | undefined | null): string | null {
  if (!mobile) return null;
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}
