/** The shared store contract against a real CloudBase environment, when its credentials are provided. */
import { openCloudbaseStore } from '../../backend/store/cloudbase';
import { describeStoreContract } from '../contract/store-contract';

const REQUIRED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;
const missing = REQUIRED.filter((name) => !process.env[name]);
const env = process.env.TCB_ENV;
const secretId = process.env.TCB_SECRET_ID;
const secretKey = process.env.TCB_SECRET_KEY;

if (env && secretId && secretKey) {
  // Round trips to the cloud: the 20 concurrent claims and the paging cases need more than the default.
  jest.setTimeout(180_000);
  describeStoreContract('cloudbase', async () => openCloudbaseStore({ env, secretId, secretKey }));
} else {
  // Skipped tests are not allowed here: say why once, and keep one test that proves the reason.
  const reason = `CloudBase store contract not run: missing env ${missing.join(', ')}`;
  console.log(reason);
  describe('DocumentStore contract: cloudbase', () => {
    it('is not run only because CloudBase credentials are missing from the environment', () => {
      expect(missing.length).toBeGreaterThan(0);
      expect(missing.every((name) => REQUIRED.includes(name))).toBe(true);
      expect(reason).toMatch(/^CloudBase store contract not run: missing env TCB_/);
    });
  });
}
