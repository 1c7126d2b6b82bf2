/** Opens a server-made file (xlsx export, poster PDF): the browser downloads it; WeChat previews it with a share menu. */
import Taro from '@tarojs/taro';

export interface ExportLink {
  url: string;
  name: string;
}

/** Local files come back as /uploads/…, served by the same gateway as the API. */
export function absoluteUrl(url: string): string {
  if (url.startsWith('/')) return `${WG_API_BASE}${url}`;
  // A mini-program shows cloud storage ids (cloud://…) itself; a web page asks the gateway for a link.
  if (process.env.TARO_ENV === 'h5' && url.startsWith('cloud://')) return `${WG_API_BASE}/api/file?id=${encodeURIComponent(url)}`;
  return url;
}

export async function openExport(file: ExportLink): Promise<void> {
  const url = absoluteUrl(file.url);
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error('文件下载失败，请稍后重试');
  const ext = file.name.split('.').pop()?.toLowerCase();
  await Taro.openDocument({ filePath: tempFilePath, fileType: ext === 'pdf' ? 'pdf' : 'xlsx', showMenu: true });
}
