/** The local gateway: every cloud function at POST /api/fn/<name>, dev sign-in, and the h5 build. */
import http from 'node:http';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { FUNCTIONS } from '../backend/functions';
import { handle } from '../backend/runtime/handle';
import type { Deps, Identity } from '../backend/runtime/types';
import { users } from '../backend/users/repo';
import { BodyTooLarge, MAX_BODY_BYTES, answerClientError, bearerToken, readJson, sendError, sendJson } from './http-util';
import { serveStatic } from './static';
import { signToken, verifyToken } from './token';
import type { KeepPhoto } from './uploads';
import { keepInFolder, receiveUpload } from './uploads';

export interface LocalServerOptions {
  deps: Deps;
  secret: string;
  /** The h5 build to serve; omitted in API-only tests. */
  staticDir?: string;
  /** Development sign-in as one of the demo people: local mode only, never in the cloud. */
  devSignIn: boolean;
  /** Where uploaded photos are kept and served from. */
  uploadsDir: string;
  /**
   * How a function call runs. Absent: in this process through `handle` (the local runtime). Cloud mode
   * passes the simulator's, which runs the deployable bundle in a container and answers what the platform would.
   */
  functions?: FunctionRunner;
  /** Where an uploaded photo is kept (cloud mode: the simulated cloud storage, as wx.cloud.uploadFile does). */
  keepPhoto?: KeepPhoto;
  /**
   * Where a browser can fetch a stored photo by its fileID (`GET /api/file?id=`): a mini-program shows
   * `cloud://` ids natively, a web page needs a link (cloud mode: a temporary link to the simulated storage).
   */
  fileLink?: (fileId: string) => string | null;
  /** Extra GET routes answered before the app's (cloud mode: the simulator's /__sim/stats and /__sim/info). */
  extraRoute?: (url: URL, res: http.ServerResponse) => boolean;
}

/** A function call as a transport answers it: HTTP status and JSON body (an envelope, or the platform's error). */
export interface FunctionRunner {
  call(name: string, event: unknown, identity: Identity | null): Promise<{ status: number; body: unknown }>;
}

export function createLocalServer(options: LocalServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    route(options, req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) {
        const msg = `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`;
        sendError(res, 413, new AppError('VALIDATION', msg, { _: msg }), { connection: 'close' });
      } else if (e instanceof AppError) {
        sendError(res, e.code === 'NOT_FOUND' ? 404 : 400, e);
      } else if (!req.destroyed && !res.destroyed) {
        options.deps.log.error(`${req.method} ${req.url} failed`, e);
        sendError(res, 500, new AppError('INTERNAL'));
      }
      // A client that went away mid-request needs no answer.
    });
  });
  server.on('clientError', answerClientError);
  return server;
}

async function route(o: LocalServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  if (req.method === 'GET' && o.extraRoute?.(url, res)) return;
  const fn = /^\/api\/fn\/([A-Za-z]+)$/.exec(url.pathname);
  if (fn && req.method === 'POST') return callFunction(o, fn[1] ?? '', req, res);
  if (url.pathname === '/api/upload' && req.method === 'POST') return upload(o, req, res);
  if (url.pathname.startsWith('/uploads/') && req.method === 'GET') return serveStatic(path.resolve(o.uploadsDir), url.pathname.slice('/uploads'.length), req, res);
  if (url.pathname === '/api/file' && req.method === 'GET') return redirectToFile(o, url.searchParams.get('id') ?? '', res);
  if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true, data: { status: 'up' } });
  if (url.pathname.startsWith('/api/dev/') && o.devSignIn) return devRoute(o, url.pathname, req, res);
  if (url.pathname.startsWith('/api/')) throw new AppError('NOT_FOUND', '没有这个接口');
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('NOT_FOUND', '没有这个接口');
  if (!o.staticDir) throw new AppError('NOT_FOUND', '未找到');
  return serveStatic(path.resolve(o.staticDir), url.pathname, req, res);
}

/** `/api/file?id=`: local uploads live under /uploads; other ids go where the file store says. */
function redirectToFile(o: LocalServerOptions, fileId: string, res: http.ServerResponse): void {
  const link = fileId.startsWith('local:') ? `/uploads/${path.basename(fileId.slice(6))}` : (o.fileLink?.(fileId) ?? null);
  if (!link) throw new AppError('NOT_FOUND', '文件不存在或已删除');
  res.writeHead(302, { location: link, 'cache-control': 'no-store' });
  res.end();
}

/** Identity of a request from its bearer token, or null. */
function identityOf(o: LocalServerOptions, req: http.IncomingMessage): Identity | null {
  const token = bearerToken(req);
  const userId = token ? verifyToken(o.secret, token, o.deps.now()) : null;
  return userId ? { kind: 'local', userId } : null;
}

/** 上传照片 (the local stand-in for wx.cloud.uploadFile): signed-in people only. */
async function upload(o: LocalServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!identityOf(o, req)) {
    req.resume();
    return sendJson(res, 200, { ok: false, error: new AppError('UNAUTHENTICATED').toBody() });
  }
  sendJson(res, 200, { ok: true, data: await receiveUpload(req, o.keepPhoto ?? keepInFolder(o.uploadsDir)) });
}

async function callFunction(o: LocalServerOptions, name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const def = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!def) throw new AppError('NOT_FOUND', `没有名为 ${name} 的云函数`);
  if (o.functions) {
    const event = await readJson(req);
    const identity = identityOf(o, req);
    if (bearerToken(req) && !identity) return sendJson(res, 200, { ok: false, error: new AppError('UNAUTHENTICATED').toBody() });
    const answer = await o.functions.call(name, event, identity);
    return sendJson(res, answer.status, answer.body);
  }
  const event = await readJson(req);
  const identity = identityOf(o, req);
  if (bearerToken(req) && !identity) {
    // A token that is present but tampered or expired is refused outright, not treated as anonymous.
    return sendJson(res, 200, { ok: false, error: new AppError('UNAUTHENTICATED').toBody() });
  }
  sendJson(res, 200, await handle(def, event, identity, o.deps));
}

async function devRoute(o: LocalServerOptions, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (pathname === '/api/dev/people' && req.method === 'GET') {
    const people = await users(o.deps.store).find({ demo: true }, { sort: [['demoOrder', 1]] });
    return sendJson(res, 200, {
      ok: true,
      data: { people: people.map((p) => ({ id: p._id, name: p.name, roleName: p.demoRoleName ?? '居民', trail: p.demoTrail ?? '' })) },
    });
  }
  if (pathname === '/api/dev/signin' && req.method === 'POST') {
    const body = (await readJson(req)) as { userId?: unknown };
    if (typeof body !== 'object' || body === null || typeof body.userId !== 'string') {
      throw new AppError('VALIDATION', '请选择要登录的演示人员', { userId: '请选择要登录的演示人员' });
    }
    const user = await users(o.deps.store).get(body.userId);
    if (!user || !user.demo) throw new AppError('NOT_FOUND', '没有这位演示人员');
    return sendJson(res, 200, { ok: true, data: signToken(o.secret, user._id, o.deps.now()) });
  }
  throw new AppError('NOT_FOUND', '没有这个接口');
}
