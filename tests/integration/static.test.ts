/** The h5 build over real HTTP: brotli or gzip as the browser accepts, a year's cache for hashed bundles, no-cache for the shell, 304 on a known ETag. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { TestServer } from '../support/server';
import { startTestServer, tempDir } from '../support/server';

let s: TestServer;
let web: string;
const files: Record<string, Buffer> = {};

/** A text that compresses the way a bundle does: repetitive, but not one repeated byte. */
const text = (seed: string, n: number) => Array.from({ length: n }, (_, i) => `${seed}(${i % 97},"网格连心");`).join('\n');

beforeAll(async () => {
  web = tempDir();
  const put = (rel: string, body: Buffer) => {
    fs.mkdirSync(path.dirname(path.join(web, rel)), { recursive: true });
    fs.writeFileSync(path.join(web, rel), body);
    files[rel] = body;
  };
  put('index.html', Buffer.from(`<!doctype html><html><head><script src="/js/app.0123abcd.js"></script></head><body>${text('<i>', 200)}</body></html>`));
  put('js/app.0123abcd.js', Buffer.from(text('function f', 4000)));
  put('css/app.89abcdef.css', Buffer.from(text('.a{color:red}', 2000)));
  put('img/logo.png', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  s = await startTestServer({ staticDir: web });
});
afterAll(async () => {
  await s.close();
  fs.rmSync(web, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire. */
  wire: Buffer;
}

/** A raw GET: Node's fetch would decompress silently and hide what the server sent. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${s.url}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decode = (a: Answer) =>
  a.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(a.wire) : a.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(a.wire) : a.wire;

describe('compression negotiated by Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
  ])('Accept-Encoding "%s" gets %s, smaller on the wire and the same file once decoded', async (accept, coding) => {
    for (const rel of ['index.html', 'js/app.0123abcd.js', 'css/app.89abcdef.css']) {
      const a = await get(`/${rel}`, { 'accept-encoding': accept });
      expect([a.status, a.headers['content-encoding'], a.headers.vary]).toEqual([200, coding, 'Accept-Encoding']);
      expect(Number(a.headers['content-length'])).toBe(a.wire.length);
      expect(a.wire.length).toBeLessThan(files[rel]!.length / 3);
      expect(decode(a).equals(files[rel]!)).toBe(true);
    }
  });

  it('a client that accepts no coding gets the bytes as they are', async () => {
    const a = await get('/js/app.0123abcd.js', { 'accept-encoding': 'identity' });
    expect(a.headers['content-encoding']).toBeUndefined();
    expect(a.wire.equals(files['js/app.0123abcd.js']!)).toBe(true);
  });

  it('an image is sent as it is, whatever the client accepts', async () => {
    const a = await get('/img/logo.png', { 'accept-encoding': 'gzip, br' });
    expect([a.status, a.headers['content-encoding'], a.headers['content-type']]).toEqual([200, undefined, 'image/png']);
    expect(a.wire.equals(files['img/logo.png']!)).toBe(true);
  });

  it('the app shell at / and at a page path is index.html, compressed', async () => {
    for (const p of ['/', '/pages/index/index']) {
      const a = await get(p, { 'accept-encoding': 'br' });
      expect([a.status, a.headers['content-encoding']]).toEqual([200, 'br']);
      expect(decode(a).equals(files['index.html']!)).toBe(true);
    }
  });
});

describe('cache headers by kind of file', () => {
  it('hashed bundles are kept a year and never revalidated; the shell is revalidated every time; other files an hour', async () => {
    const cacheOf = async (p: string) => (await get(p, { 'accept-encoding': 'br' })).headers['cache-control'];
    expect(await cacheOf('/js/app.0123abcd.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/css/app.89abcdef.css')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/')).toBe('no-cache');
    expect(await cacheOf('/index.html')).toBe('no-cache');
    expect(await cacheOf('/img/logo.png')).toBe('public, max-age=3600');
  });

  it('a revalidation with the ETag it was given is answered 304 with no body; a changed file gets the new bytes', async () => {
    const first = await get('/index.html', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag ?? '';
    expect(etag).not.toBe('');
    const again = await get('/index.html', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect([again.status, again.wire.length, again.headers['cache-control']]).toEqual([304, 0, 'no-cache']);

    const changed = Buffer.from(`<!doctype html><p>新的构建</p>${text('<b>', 300)}`);
    fs.writeFileSync(path.join(web, 'index.html'), changed);
    fs.utimesSync(path.join(web, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const fresh = await get('/index.html', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(decode(fresh).equals(changed)).toBe(true);
    expect(s.logged).toEqual([]);
  });
});
