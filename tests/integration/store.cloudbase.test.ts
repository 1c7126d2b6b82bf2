/**
 * The shared store contract on CloudBase: against a real environment when its credentials are provided,
 * and against the CloudBase simulator (the real SDK over HTTP) in cloud mode.
 */
import type tcb from '@cloudbase/node-sdk';
import { openCloudbaseStore } from '../../backend/store/cloudbase';
import type { CloudSim } from '../../local/cloudsim';
import { startCloudSim } from '../../local/cloudsim';
import { describeStoreContract } from '../contract/store-contract';
import { BACKEND, tempDir } from '../support/server';

const REQUIRED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;
const missing = REQUIRED.filter((name) => !process.env[name]);
const env = process.env.TCB_ENV;
const secretId = process.env.TCB_SECRET_ID;
const secretKey = process.env.TCB_SECRET_KEY;

type App = ReturnType<typeof tcb.init>;

/** Empties a contract collection an earlier run left behind (a missing one is already empty). */
async function clearWith(app: App, name: string): Promise<void> {
  const db = app.database();
  try {
    await db
      .collection(name)
      .where({ _id: db.command.exists(true) })
      .remove();
  } catch (e) {
    if ((e as { code?: string }).code !== 'DATABASE_COLLECTION_NOT_EXIST') throw e;
  }
}

if (env && secretId && secretKey) {
  // Round trips to the cloud: the 20 concurrent claims and the paging cases need more than the default.
  jest.setTimeout(180_000);
  let app: App | null = null;
  describeStoreContract(
    'cloudbase',
    async () => {
      const store = openCloudbaseStore({ env, secretId, secretKey });
      app = (await import('@cloudbase/node-sdk')).default.init({ env, secretId, secretKey });
      return store;
    },
    (name) => clearWith(app!, name),
  );
} else if (BACKEND === 'cloud') {
  let sim: CloudSim | null = null;
  afterAll(() => sim?.close());
  describeStoreContract(
    'cloudbase (simulator)',
    async () => {
      sim = await startCloudSim({ dataDir: tempDir('wg-contract-'), functionsDir: `${__dirname}/../../build/functions` });
      return sim.adminStore();
    },
    (name) => clearWith(sim!.adminApp(), name),
  );
} else {
  // Skipped tests are not allowed here: say why once, and keep one test that proves the reason.
  const reason = `CloudBase store contract not run against a real environment: missing env ${missing.join(', ')} (cloud mode runs it on the simulator)`;
  console.log(reason);
  describe('DocumentStore contract: cloudbase', () => {
    it('is not run only because CloudBase credentials are missing from the environment', () => {
      expect(missing.length).toBeGreaterThan(0);
      expect(missing.every((name) => REQUIRED.includes(name))).toBe(true);
      expect(reason).toMatch(/^CloudBase store contract not run against a real environment: missing env TCB_/);
    });
  });
}
