/**
 * The simulator's own platform behaviour, on probe bundles: deploy timeouts are enforced, a crashed container
 * is replaced and its caller gets FUNCTIONS_EXECUTE_FAIL, invocation context arrives as the runtime injects it,
 * and the API answers malformed or unauthenticated requests with CloudBase's error codes, never a crash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudSim } from '../../../local/cloudsim';
import { startCloudSim } from '../../../local/cloudsim';

const PROBE = `
exports.main = async (event, context) => {
  if (event.action === 'sleep') await new Promise((r) => setTimeout(r, 5000));
  if (event.action === 'crash') process.exit(3);
  if (event.action === 'throw') throw new Error('probe threw');
  return { openid: process.env.WX_OPENID || null, trigger: process.env.TRIGGER_SRC || null, userInfo: event.userInfo || null,
    requestId: context.request_id, now: Date.now(), pid: process.pid, hostHome: process.env.HOME || null, region: process.env.TENCENTCLOUD_REGION };
};`;

let sim: CloudSim;
let root: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-sim-runtime-'));
  const functions = path.join(root, 'build', 'functions');
  for (const name of ['probe', 'slow']) {
    fs.mkdirSync(path.join(functions, name), { recursive: true });
    fs.writeFileSync(path.join(functions, name, 'index.js'), PROBE);
    const triggers = name === 'probe' ? [{ name: 'tick', type: 'timer', config: '0 0 * * * * *' }] : [];
    fs.writeFileSync(path.join(functions, name, 'config.json'), JSON.stringify({ permissions: { openapi: [] }, triggers }));
  }
  // `probe` is deployed with a 1 s timeout; `slow` has no deploy settings at all and gets CloudBase's 3 s.
  fs.writeFileSync(path.join(root, 'build', 'cloudbaserc.json'), JSON.stringify({ functions: [{ name: 'probe', runtime: 'Nodejs16.13', timeout: 1 }] }));
  sim = await startCloudSim({
    dataDir: path.join(root, 'data'),
    functionsDir: functions,
    containersPerFunction: 2,
    clock: () => 1_800_000_000_000,
    posterFont: null,
    log: () => undefined,
  });
}, 60_000);
afterAll(async () => {
  await sim.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const call = (fn: string, action: string, openid = 'oProbeUser') => sim.invoke(fn, { kind: 'call', openid, appid: sim.appid, event: { action } });

test("an invocation sees the caller the platform injected, the pinned clock, and none of the host's environment", async () => {
  const r = await call('probe', 'who');
  expect(r).toMatchObject({
    ok: true,
    result: { openid: 'oProbeUser', trigger: 'tcb', userInfo: { openId: 'oProbeUser', appId: sim.appid }, now: 1_800_000_000_000, hostHome: null, region: 'ap-shanghai' },
  });
  const t = await sim.fireTimer('probe', 'tick');
  expect(t).toMatchObject({ ok: true, result: { openid: null, trigger: 'timer' } });
  await expect(sim.fireTimer('probe', 'nosuch')).rejects.toThrow(/no timer trigger nosuch/);
});

test('the deploy timeout is enforced: the container is killed, the caller gets FUNCTIONS_EXECUTE_FAIL, the next call works', async () => {
  const r = await call('probe', 'sleep');
  expect(r).toMatchObject({ ok: false, errCode: -504002, errMsg: expect.stringContaining('timed out after 1 seconds') });
  expect(r.row.outcome).toBe('timeout');
  expect(await call('probe', 'who')).toMatchObject({ ok: true });
}, 20_000);

test('without deploy settings a function gets 3 s, so a 5 s task times out', async () => {
  expect(await call('slow', 'sleep')).toMatchObject({ ok: false, errMsg: expect.stringContaining('timed out after 3 seconds') });
}, 20_000);

test("a crash or a throw is the platform's error; the crashed container is replaced", async () => {
  const first = await call('probe', 'who');
  expect(await call('probe', 'crash')).toMatchObject({ ok: false, errCode: -504002, errMsg: expect.stringContaining('exited') });
  expect(await call('probe', 'throw')).toMatchObject({ ok: false, errCode: -504002, errMsg: expect.stringContaining('probe threw') });
  const after = await call('probe', 'who');
  expect(after.ok).toBe(true);
  expect(first.ok && after.ok).toBe(true);
  expect(await call('nosuch', 'who')).toMatchObject({ ok: false, errCode: -504001 });
});

describe('the API front answers what CloudBase would, never crashing', () => {
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${sim.apiUrl}/admin?env=${sim.envId}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: res.status, json: (await res.json()) as { code?: string; message?: string } };
  };
  const auth = (id: string) => ({ authorization: `TC3-HMAC-SHA256 Credential=${id}/2026-12-06/tcb/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}` });

  test('no or unknown credentials', async () => {
    expect((await post(JSON.stringify({ action: 'database.getDocument', envName: sim.envId }))).json.code).toBe('SIGN_PARAM_INVALID');
    expect((await post(JSON.stringify({ action: 'database.getDocument', envName: sim.envId }), auth('AKIDnobody'))).json.code).toBe('SIGN_PARAM_INVALID');
  });

  test('malformed bodies, a wrong environment and unknown actions', async () => {
    const admin = auth(sim.clientEnv.TCB_SECRET_ID!);
    expect((await post('{not json', admin)).json.code).toBe('INVALID_PARAM');
    expect((await post('[1,2]', admin)).json.code).toBe('INVALID_PARAM');
    expect((await post(JSON.stringify({ action: 'database.getDocument', envName: 'someone-else' }), admin)).json.code).toBe('INVALID_ENV');
    expect((await post(JSON.stringify({ action: 'nosuch.thing', envName: sim.envId }), admin)).json.code).toBe('INVALID_PARAM');
    expect((await post(JSON.stringify({ action: 'database.getDocument', envName: sim.envId, collectionName: 'nope', query: '{', queryType: 'WHERE' }), admin)).json.code).toMatch(
      /INVALID_PARAM|DATABASE_COLLECTION_NOT_EXIST/,
    );
    // WeChat's open APIs only from a function container, with its injected token.
    expect((await post(JSON.stringify({ action: 'wx.api', envName: sim.envId, apiName: '/wxa/msg_sec_check', requestData: '{}' }), admin)).json.code).toBe(
      'INVALID_REQUEST_SOURCE',
    );
  });
});

test('storage through the real SDK: upload, temporary link, download, delete; a forged or deleted link serves nothing', async () => {
  const app = sim.adminApp();
  const { fileID } = (await app.uploadFile({ cloudPath: 'probe/hello.txt', fileContent: Buffer.from('你好，网格') })) as { fileID: string };
  expect(fileID).toMatch(/^cloud:\/\/[^/]+\/probe\/hello\.txt$/);
  const { fileList } = (await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })) as { fileList: Array<{ tempFileURL: string; code: string }> };
  expect(fileList[0]?.code).toBe('SUCCESS');
  expect(await (await fetch(fileList[0]!.tempFileURL)).text()).toBe('你好，网格');
  expect((await fetch(fileList[0]!.tempFileURL.replace(/sign=[0-9a-f]+/, 'sign=0000'))).status).toBe(403);
  const { fileContent } = (await app.downloadFile({ fileID })) as { fileContent: Buffer };
  expect(fileContent.toString()).toBe('你好，网格');
  const deleted = (await app.deleteFile({ fileList: [fileID] })) as { fileList: Array<{ code: string }> };
  expect(deleted.fileList[0]?.code).toBe('SUCCESS');
  expect((await fetch(fileList[0]!.tempFileURL)).status).toBe(403);
  const again = (await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })) as { fileList: Array<{ code: string }> };
  expect(again.fileList[0]?.code).toBe('STORAGE_FILE_NONEXIST');
});
