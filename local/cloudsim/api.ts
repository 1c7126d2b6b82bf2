/**
 * The simulator's HTTP front: what @cloudbase/node-sdk reaches through `serviceUrl` or the platform's
 * injected URL (TCB_CONTEXT_CNFG.URL, dist/utils/tcbapiendpoint.js). It authenticates each request by
 * the credentials the platform gave the container, routes database / storage / WeChat actions to their
 * services, counts every database request against the invocation it belongs to, and serves the COS-style
 * upload and download URLs it hands out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './form';
import type { Caller, SimRequest, SimResponse } from './types';
import { SimError } from './types';

/** One set of credentials the platform handed out: a container's, or an admin's (tests, scripts). */
export interface Credential {
  secretKey: string;
  /** Containers get temporary credentials with a session token, which must come back on every request. */
  sessionToken: string | null;
  caller(): Caller;
}

export interface SimServices {
  database(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  databaseKind(action: string): 'read' | 'write';
  storage(action: string, params: Record<string, unknown>): Record<string, unknown>;
  wechat(req: SimRequest): Promise<SimResponse>;
  cosPut(path: string, query: URLSearchParams, body: Buffer): { status: number; body: string };
  cosGet(path: string, query: URLSearchParams): Buffer | null;
}

export interface StatRow {
  invocationId: string;
  fn: string;
  /** The app action the invocation ran (`orders.claim`), or the timer trigger. */
  action: string;
  reads: number;
  writes: number;
  /** Other billed calls: storage and WeChat open APIs. */
  other: number;
  ms: number | null;
  outcome: 'running' | 'ok' | 'error' | 'crash' | 'timeout';
}

/** Fields the SDK adds to every body for routing and signing; not part of an action's params. */
const ENVELOPE = [
  'action',
  'envName',
  'instance',
  'database',
  'wxCloudApiToken',
  'wxCloudbaseAccesstoken',
  'tcb_sessionToken',
  'sessionToken',
  'crossAuthorizationToken',
  'timestamp',
  'dataVersion',
  'sdk_version',
];
const MAX_BODY = 50 * 1024 * 1024;

export class SimApi {
  readonly credentials = new Map<string, Credential>();
  readonly stats = new Map<string, StatRow>();
  private server: http.Server | null = null;
  url = '';
  /** Development credentials of this local simulator, handed out by /__sim/info (a real service never would). */
  info: Record<string, string> = {};
  /** Sees each database request a function invocation makes (the tests' index check), before it runs. */
  observe: ((row: StatRow, action: string, params: Record<string, unknown>) => void) | null = null;

  constructor(
    readonly envId: string,
    private readonly services: SimServices,
  ) {}

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        // The front never crashes on a request: anything unexpected is the platform's SYS_ERR.
        send(res, 200, { code: 'SYS_ERR', message: e instanceof Error ? e.message : String(e), requestId: requestId() });
      });
    });
    // The real SDK outside SCF (tests, scripts) reuses an idle socket for 4.8 s (freeSocketTimeout in
    // @cloudbase/node-sdk dist/utils/request-core.js selectAgent): it counts on the service holding idle connections
    // longer, and the service never resets one under it. Node's default (5 s, plus a 1 s buffer) leaves a 1.2 s margin
    // that a CPU-starved process hosting both overruns: the SDK sends on the socket, the server's idle timer runs
    // before it reads the bytes and destroys the socket with them unread, and the SDK gets `read ECONNRESET`
    // (nodejs/node#20256; tests/unit/cloudsim/keepalive.test.ts). So the client is always the one to close.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Called after each database request of an invocation has been carried out, before it is answered (sim.crashAfter). */
  answered?: (row: StatRow) => void;

  /** Starts a stats row for an invocation; the containers call this around every run. */
  begin(invocationId: string, fn: string, action: string): StatRow {
    const row: StatRow = { invocationId, fn, action, reads: 0, writes: 0, other: 0, ms: null, outcome: 'running' };
    this.stats.set(invocationId, row);
    // Bounded: a long-running `npm start` keeps the latest 20k invocations.
    if (this.stats.size > 20_000) this.stats.delete(this.stats.keys().next().value as string);
    return row;
  }

  /** `GET /__sim/info` and `GET /__sim/stats`: where the API is, and what each invocation cost. */
  simRoute(url: URL, res: http.ServerResponse): boolean {
    if (url.pathname === '/__sim/info') {
      send(res, 200, {
        envId: this.envId,
        apiUrl: `${this.url}/admin`,
        client: this.info,
        note: 'tcb.init({ env, secretId, secretKey, serviceUrl: apiUrl }) reaches this database',
      });
      return true;
    }
    if (url.pathname === '/__sim/stats') {
      const rows = [...this.stats.values()];
      const fn = url.searchParams.get('fn');
      send(res, 200, { invocations: fn ? rows.filter((r) => r.fn === fn) : rows });
      return true;
    }
    return false;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && this.simRoute(url, res)) return;
    if (url.pathname.startsWith('/__cos/') && req.method === 'PUT') {
      const out = this.services.cosPut(url.pathname.slice('/__cos/'.length), url.searchParams, await readBody(req, MAX_BODY));
      res.writeHead(out.status, { 'content-type': 'application/xml' });
      res.end(out.body);
      return;
    }
    if (url.pathname.startsWith('/__files/') && req.method === 'GET') {
      const bytes = this.services.cosGet(url.pathname.slice('/__files/'.length), url.searchParams);
      if (!bytes) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>Request has expired or the signature is invalid</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': contentTypeOf(url.pathname), 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    if (req.method !== 'POST') return send(res, 404, { code: 'INVALID_PARAM', message: `no such endpoint: ${req.method} ${url.pathname}`, requestId: requestId() });
    const body = await readBody(req, MAX_BODY);
    let fields: Record<string, unknown>;
    let files: Record<string, Buffer> = {};
    try {
      const type = String(req.headers['content-type'] ?? '');
      if (/multipart\/form-data/i.test(type)) {
        const parts = parseMultipart(body, type);
        fields = parts.fields;
        files = parts.files;
      } else {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body is not an object');
        fields = parsed as Record<string, unknown>;
      }
    } catch (e) {
      return send(res, 200, { code: 'INVALID_PARAM', message: `malformed request body: ${e instanceof Error ? e.message : String(e)}`, requestId: requestId() });
    }
    const answer = await this.dispatch(req, url, fields, files);
    if (answer.kind === 'raw') {
      res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType, 'content-length': answer.body.length });
      res.end(answer.body);
      return;
    }
    send(res, 200, { requestId: requestId(), ...answer.body });
  }

  private async dispatch(req: http.IncomingMessage, url: URL, fields: Record<string, unknown>, files: Record<string, Buffer>): Promise<SimResponse> {
    try {
      const caller = this.authenticate(req, fields);
      const env = fields.envName ?? url.searchParams.get('env');
      if (env !== this.envId) throw new SimError('INVALID_ENV', `env not exist: ${String(env)}`);
      const action = typeof fields.action === 'string' ? fields.action : '';
      const params = Object.fromEntries(Object.entries(fields).filter(([k]) => !ENVELOPE.includes(k)));
      const row = caller.invocationId ? this.stats.get(caller.invocationId) : undefined;
      if (action.startsWith('database.')) {
        if (row) row[this.services.databaseKind(action) === 'read' ? 'reads' : 'writes']++;
        if (row) this.observe?.(row, action, params);
        const body = await this.services.database(action, params);
        // The write is done; a function stopped here never hears back, as one stopped between two requests never
        // sends the next (stopping it only after the answer left would race the function's own reply).
        if (row) this.answered?.(row);
        return { kind: 'json', body };
      }
      if (row) row.other++;
      if (action.startsWith('storage.')) return { kind: 'json', body: this.services.storage(action, params) };
      if (action.startsWith('wx.')) {
        // Open APIs only run from a function's container, with the token the platform injected for it.
        if (!caller.functionName) throw new SimError('INVALID_REQUEST_SOURCE', 'wx open api can only be called from a cloud function');
        // tcbapirequester.js sends WX_API_TOKEN, or WX_TRIGGER_API_TOKEN_V0 for a timer, as wxCloudApiToken.
        const token = fields.wxCloudApiToken;
        if (typeof token !== 'string' || token.length === 0) throw new SimError('INVALID_REQUEST_SOURCE', 'missing wxCloudApiToken');
        return await this.services.wechat({ action, params, files, caller });
      }
      throw new SimError('INVALID_PARAM', `action not supported by the simulator: ${action || '(none)'}`);
    } catch (e) {
      if (e instanceof SimError) return { kind: 'json', body: { code: e.code, message: e.message } };
      throw e;
    }
  }

  /**
   * The TC3 `Authorization` names the SecretId; the platform knows whose it is. Temporary container
   * credentials also carry a session token in the body (`sessionToken`, tcbapirequester.js makeParams).
   */
  private authenticate(req: http.IncomingMessage, fields: Record<string, unknown>): Caller {
    const auth = String(req.headers.authorization ?? '');
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/tcb\/tc3_request,.*Signature=[0-9a-f]{64}$/.exec(auth);
    if (!m) throw new SimError('SIGN_PARAM_INVALID', 'missing or malformed Authorization');
    const credential = this.credentials.get(m[1] ?? '');
    if (!credential) throw new SimError('SIGN_PARAM_INVALID', 'SecretId not found');
    if (credential.sessionToken !== null && fields.sessionToken !== credential.sessionToken) {
      throw new SimError('SIGN_PARAM_INVALID', 'session token mismatch');
    }
    return credential.caller();
  }
}

/** COS answers with the type it stored, which it takes from the file's extension when the upload named none. */
const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
function contentTypeOf(pathname: string): string {
  return TYPES[/\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new SimError('INVALID_PARAM', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

let seq = 0;
function requestId(): string {
  seq = (seq + 1) % 1e9;
  return `sim-${Date.now().toString(36)}-${seq.toString(36)}`;
}
