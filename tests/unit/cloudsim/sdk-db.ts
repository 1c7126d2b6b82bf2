/** Test harness: the database simulator behind a tiny HTTP server, driven by the real @cloudbase/node-sdk (its `app.database()`). */
import http from 'http';
import type { AddressInfo } from 'net';
import { init } from '@cloudbase/node-sdk';
import { SimDatabase } from '../../../local/cloudsim/database';
import { SimError } from '../../../local/cloudsim/types';

export type Row = Record<string, unknown>;
type Db = ReturnType<ReturnType<typeof init>['database']>;

/** The SDK's signing envelope and routing fields (tcbapirequester.js makeParams, tcbdbapirequester.js send): not service params. */
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
];

export interface SdkDatabase {
  /** The simulator behind the server; a test may swap in another (and must put the first back). */
  sim: SimDatabase;
  db: Db;
  /** Every request the SDK sent, as the service saw it. */
  seen: Array<{ action: string; params: Row }>;
}

/** Registers the server for the calling test file and hands back its live handles. */
export function useSdkDatabase(): SdkDatabase {
  const t = { sim: new SimDatabase({ dir: null }), seen: [] } as unknown as SdkDatabase;
  let server: http.Server;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    // cloudplatform.js: SCF counts as "internal", so the SDK skips its metadata.tencentyun.com probe.
    process.env.TENCENTCLOUD_RUNENV = 'SCF';
    // tcbcontext.js logs an error for each request in SCF mode without these; a real container has them.
    process.env.SCF_NAMESPACE = 'test-env';
    process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          let body: Row;
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Row;
            const params: Row = { ...parsed };
            for (const k of ENVELOPE) delete params[k];
            t.seen.push({ action: String(parsed.action), params });
            body = { requestId: 'x', ...(await t.sim.handle(String(parsed.action), params)) };
          } catch (e) {
            body = e instanceof SimError ? { code: e.code, message: e.message, requestId: 'x' } : { code: 'SYS_ERR', message: String(e), requestId: 'x' };
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const app = init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'k', serviceUrl: `http://127.0.0.1:${port}/admin`, timeout: 5000 });
    t.db = app.database();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.sim.close();
    process.env = savedEnv;
  });
  return t;
}

/** The error the SDK throws for an `{ code, message }` answer (tcbapirequester.js request → processReturn). */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    return { code: String(err.code), message: String(err.message) };
  }
  throw new Error('expected the SDK call to fail');
}

export async function rows(p: Promise<{ data: Row[] }>): Promise<Row[]> {
  return (await p).data;
}
