/** Serves the h5 build: safe path resolution, content types, index.html for the app shell, brotli/gzip and cache headers. */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalid } from '../shared/errors';
import { decodeUri } from '../shared/uri';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
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

/** Text formats worth compressing; images, fonts and office files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.ico', '.ttf']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_COMPRESS = 1024;
/** Larger text files are streamed as they are rather than held in memory. */
const MAX_CACHED = 8 * 1024 * 1024;

/** The build names its bundles `name.<content hash>.ext`: such a file never changes, so the browser may keep it for a year. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A path whose percent-encoding is broken names no file: a client error (400), never a crash (500). */
const BAD_URL = '网址格式不正确';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface Compressed {
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/**
 * Compressed bytes per file, made once (brotli at its best quality is too slow to run per request) and kept
 * while the file's size and mtime stay the same; a rebuild changes them and the next request compresses afresh.
 */
const cache = new Map<string, { stamp: string; ready: Promise<Compressed> }>();

function compressed(file: string, stamp: string): Promise<Compressed> {
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.ready;
  const ready = (async () => {
    const raw = await fs.promises.readFile(file);
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length };
    const [br, gz] = await Promise.all([brotli(raw, { params }), gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION })]);
    return { raw, br, gzip: gz };
  })();
  cache.set(file, { stamp, ready });
  ready.catch(() => cache.delete(file));
  return ready;
}

/** The best coding the client accepts (`br` over `gzip`), honouring `q=0`; null for the bytes as they are. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const ok = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  if (ok.has('br')) return 'br';
  if (ok.has('gzip') || ok.has('*')) return 'gzip';
  return null;
}

/** True when the client's cached copy (If-None-Match) is this version. */
function fresh(req: IncomingMessage, etag: string): boolean {
  const tags = req.headers['if-none-match'];
  if (!tags) return false;
  return tags === '*' || tags.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
}

function resolveTarget(root: string, urlPath: string): string | null {
  let rel = decodeUri(urlPath.split('?')[0] ?? '/');
  if (rel === null) throw invalid('_', BAD_URL);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, `.${rel}`);
  const inside = file === root || file.startsWith(root + path.sep);
  let target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  // The app routes by hash; any other unknown path that looks like a page gets the shell.
  if (!target && !path.extname(rel)) target = path.join(root, 'index.html');
  return target && fs.existsSync(target) ? target : null;
}

export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = resolveTarget(root, urlPath);
  if (!target) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(fs.existsSync(root) ? '未找到' : '页面尚未构建：请先运行 npm run build:h5');
    return;
  }
  const ext = path.extname(target).toLowerCase();
  const stat = fs.statSync(target);
  // Weak: the same version is sent in several codings, each byte-different.
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // The shell must be checked every time so a new build's hashed names are found; hashed bundles never change.
    'cache-control': ext === '.html' ? 'no-cache' : HASHED.test(path.basename(target)) ? IMMUTABLE : 'public, max-age=3600',
    etag,
  };
  const compressible = COMPRESSIBLE.has(ext) && stat.size >= MIN_COMPRESS && stat.size <= MAX_CACHED;
  if (compressible) headers.vary = 'Accept-Encoding';
  if (fresh(req, etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (!compressible) {
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(target).pipe(res);
    return;
  }
  const coding = pickEncoding(req.headers['accept-encoding']);
  const bytes = await compressed(target, etag);
  const body = coding ? bytes[coding] : bytes.raw;
  if (res.destroyed) return;
  res.writeHead(200, { ...headers, ...(coding && { 'content-encoding': coding }), 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
