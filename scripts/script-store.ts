/**
 * The store a maintenance script (check:points, check:counters) reads: a CloudBase environment when TCB_ENV,
 * TCB_SECRET_ID and TCB_SECRET_KEY are set (TCB_SERVICE_URL points the SDK at the simulator instead), otherwise
 * the local SQLite data folder (`--data DIR`, WG_DATA_DIR, or .data/).
 */
import path from 'node:path';
import type { DocumentStore } from '../backend/store/port';
import { openCloudbaseStore } from '../backend/store/cloudbase';
import { openSqliteStore } from '../backend/store/sqlite';

export function openScriptStore(argv: string[]): { store: DocumentStore; where: string } {
  const { TCB_ENV: env, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey, TCB_SERVICE_URL: serviceUrl } = process.env;
  if (env && secretId && secretKey) {
    // Outside a cloud function the SDK probes a metadata host first; TENCENTCLOUD=true says there is no need.
    if (serviceUrl) process.env.TENCENTCLOUD = 'true';
    return { store: openCloudbaseStore({ env, secretId, secretKey, serviceUrl }), where: `CloudBase ${env}${serviceUrl ? ` @ ${serviceUrl}` : ''}` };
  }
  const at = argv.indexOf('--data');
  const dataDir = path.resolve(at >= 0 ? (argv[at + 1] ?? '') : (process.env.WG_DATA_DIR ?? path.join(__dirname, '..', '.data')));
  return { store: openSqliteStore({ dataDir }), where: dataDir };
}
