/**
 * The activity's check-in QR, drawn here from the check-in URL (an SVG, no canvas, so it works on h5 and in
 * WeChat). On h5 the URL is this site's check-in page; in WeChat the 民情二维码 work issues the mini-program code.
 */
import QRCode from 'qrcode';
import { checkinRoute } from '@shared/activities/model';

export function checkinLink(activityId: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    return `${window.location.origin}${window.location.pathname}#${checkinRoute(activityId)}`;
  }
  return checkinRoute(activityId).slice(1);
}

/** `data:` URL of the QR as SVG, for an <Image>. */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
