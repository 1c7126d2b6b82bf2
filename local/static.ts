/** Serves the h5 build: safe path resolution, content types, index.html for the app shell. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { invalid } from '../shared/errors';
import { decodeUri } from '../shared/uri';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A path whose percent-encoding is broken names no file: a client error (400), never a crash (500). */
const BAD_URL = '网址格式不正确';

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let rel = decodeUri(urlPath.split('?')[0] ?? '/');
  if (rel === null) throw invalid('_', BAD_URL);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, `.${rel}`);
  const inside = file === root || file.startsWith(root + path.sep);
  let target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  // The app routes by hash; any other unknown path that looks like a page gets the shell.
  if (!target && !path.extname(rel)) target = path.join(root, 'index.html');
  if (!target || !fs.existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(fs.existsSync(root) ? '未找到' : '页面尚未构建：请先运行 npm run build:h5');
    return;
  }
  const ext = path.extname(target);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}
