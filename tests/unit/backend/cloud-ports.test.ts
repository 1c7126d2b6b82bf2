/**
 * The cloud WeChat ports through the real @cloudbase/node-sdk, against a small HTTP server that hands each request
 * to the simulated platform (local/cloudsim/wechat.ts) as the simulator's front does. One block per defect 1–5.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import { CONTENT_SCENES } from '../../../backend/ports/types';
import { decodeCommOpenApiResp, encodeCommApiData } from '../../../backend/ports/wxOpenApiWire';
import { decodeApiData, encodeOpenApiResp } from '../../../local/cloudsim/wechat-wire';
import { CHECK_UNAVAILABLE, NEEDS_WECHAT, TEXT_REFUSED, cloudPorts } from '../../../backend/ports/cloud';
import { cloudSubscribe } from '../../../backend/ports/cloudSubscribe';
import { ensureAllIndexes } from '../../../backend/collections';
import { notificationsFunction } from '../../../backend/notifications';
import { effectsFunction } from '../../../backend/records';
import { ordersFunction } from '../../../backend/orders';
import { handle } from '../../../backend/runtime/handle';
import { pushAction } from '../../../backend/runtime/cloud';
import { startPhotoChecks } from '../../../backend/content/photoChecks';
import type { Deps } from '../../../backend/runtime/types';
import { openSqliteStore } from '../../../backend/store/sqlite';
import type { OrderDoc } from '../../../backend/orders/repo';
import { seedDemo } from '../../../local/seed';
import { parseMultipart } from '../../../local/cloudsim/form';
import type { Caller, SimRequest } from '../../../local/cloudsim/types';
import { SimWechat } from '../../../local/cloudsim/wechat';
import { RISKY_IMAGE_MARKER, appPages, wechatOptions } from '../../../local/cloudsim/wechat-setup';
import { messageLink, subscribePage } from '../../../shared/notifications/links';
import { MESSAGE_KINDS } from '../../../shared/notifications/schemas';
import type { MessageKind } from '../../../shared/notifications/schemas';
import { NODES, PEOPLE } from '../../support/people';

// Inside SCF the SDK skips its metadata probe (dist/utils/cloudplatform.js), as the bundles do in the simulator;
// the platform also injects the region and namespace, which the SDK complains about when missing.
Object.assign(process.env, { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'test-env' });

const USER = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const ALL = ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send', 'wxacode.getUnlimited'];
const ENVELOPE = ['action', 'envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'sessionToken', 'crossAuthorizationToken'];
const clock = { now: Date.parse('2026-11-20T02:00:00Z') };

const stored = new Map<string, Buffer>();
let base = '';
const pushes: Array<Record<string, unknown>> = [];
let onPush: ((e: Record<string, unknown>) => void) | null = null;
const sim = new SimWechat(wechatOptions({ now: () => clock.now }), {
  // WeChat fetches media_url: here the temporary links the server below hands out.
  readFile: async (ref) => stored.get(decodeURIComponent(ref.replace(`${base}/__files/`, ''))) ?? null,
  pushEvent: (e) => {
    pushes.push(e);
    onPush?.(e);
  },
});

/** What the front resolved about the container making the request; tests change the declared permissions. */
let caller: Caller = { functionName: 'orders', openapi: ALL, invocationId: null, openid: USER, trigger: 'call' };
const seen: SimRequest[] = [];
let platformDown = false;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const body = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '');
      const parts = /multipart\/form-data/i.test(type) ? parseMultipart(body, type) : { fields: JSON.parse(body.toString('utf8')) as Record<string, unknown>, files: {} };
      const action = String(parts.fields.action);
      const params = Object.fromEntries(Object.entries(parts.fields).filter(([k]) => !ENVELOPE.includes(k)));
      const json = (b: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ requestId: 'r1', ...b }));
      };
      if (platformDown) return json({ code: 'SYS_ERR', message: 'internal error' });
      if (action === 'storage.batchGetDownloadUrl') {
        const list = params.file_list as Array<{ fileid: string }>;
        return json({ data: { download_list: list.map((f) => ({ fileID: f.fileid, tempFileURL: `${base}/__files/${encodeURIComponent(f.fileid)}`, code: 'SUCCESS' })) } });
      }
      const simReq: SimRequest = { action, params, files: parts.files, caller };
      seen.push(simReq);
      const answer = await sim.handle(simReq);
      if (answer.kind === 'json') return json(answer.body);
      res.writeHead(200, { 'content-type': answer.contentType });
      res.end(answer.body);
    })();
  });
});

let app: ReturnType<typeof tcb.init>;
const store = openSqliteStore({ dataDir: ':memory:' });
const logged: unknown[] = [];
const openidOf = async (userId: string) => (userId === PEOPLE.resident ? USER : null);
let deps: Deps;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'k', serviceUrl: `${base}/admin` });
  deps = {
    store,
    now: () => clock.now,
    log: { error: (_m, d) => logged.push(d), info: () => undefined },
    ports: { ...cloudPorts(app, (_m, d) => logged.push(d)), subscribe: cloudSubscribe(app, openidOf) },
  };
  await ensureAllIndexes(store);
  await seedDemo(store, clock.now);
  await store.collection('users').updateWhere({ _id: PEOPLE.resident }, { $set: { openid: USER } });
  sim.visit(USER);
});
afterAll(async () => {
  await store.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  caller = { ...caller, openapi: ALL };
  platformDown = false;
});

const lastBody = (apiName: string) => JSON.parse(String([...seen].reverse().find((r) => r.params.apiName === apiName)?.params.requestData)) as Record<string, unknown>;
const me = { openid: USER };

describe('1. requestData is the fields, not a stringified Buffer', () => {
  it('the platform refuses what the old port sent; the port sends content, version, scene and openid', async () => {
    const old = await app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: Buffer.from(JSON.stringify({ content: '枪支出售', version: 2, scene: 2, openid: USER })) });
    expect(old.result).toMatchObject({ errcode: 47001 });
    expect(await deps.ports.content.checkText('出售：枪支出售', me, CONTENT_SCENES.forum)).toBe(TEXT_REFUSED);
    expect(lastBody('/wxa/msg_sec_check')).toEqual({ content: '出售：枪支出售', version: 2, scene: 3, openid: USER });
    expect(await deps.ports.content.checkText('楼道灯坏了', me, CONTENT_SCENES.comment)).toBeNull();
  });
});

describe('2. the text check fails closed', () => {
  it.each([
    ['the function did not declare security.msgSecCheck', () => (caller = { ...caller, openapi: ['subscribeMessage.send'] })],
    ['CloudBase answers an error', () => (platformDown = true)],
  ])('refuses when %s', async (_name, breakIt) => {
    breakIt();
    expect(await deps.ports.content.checkText('楼道灯坏了', me, CONTENT_SCENES.forum)).toBe(CHECK_UNAVAILABLE);
  });

  it('refuses for an author WeChat does not know, and one with no OPENID (a web sign-in)', async () => {
    expect(await deps.ports.content.checkText('楼道灯坏了', { openid: 'oStranger000000000000000000' }, CONTENT_SCENES.forum)).toBe(CHECK_UNAVAILABLE);
    expect(await deps.ports.content.checkText('楼道灯坏了', { openid: null }, CONTENT_SCENES.forum)).toBe(NEEDS_WECHAT);
  });
});

describe('3. wxacode.getUnlimited over wx.openApi (protobuf)', () => {
  it('the app’s codec and the platform’s protobufjs schema agree', () => {
    const decoded = decodeApiData(encodeCommApiData({ scene: 'n=1', width: 430, check_path: true, gone: undefined }));
    expect(decoded.apiType).toBe(0);
    expect(decoded.pairs.map((p) => [p.key, JSON.parse(p.value.toString('utf8'))])).toEqual([
      ['scene', 'n=1'],
      ['width', 430],
      ['check_path', true],
    ]);
    const big = Buffer.alloc(70_000, 7);
    expect(decodeCommOpenApiResp(encodeOpenApiResp({ respData: big, contentType: 'image/jpeg' }))).toMatchObject({
      respData: big,
      contentType: 'image/jpeg',
      errorCode: 0,
      httpCode: 200,
    });
    expect(decodeCommOpenApiResp(encodeOpenApiResp({ errorCode: -604101 })).errorCode).toBe(-604101);
    expect(() => decodeCommOpenApiResp(Buffer.from('{"code":"SYS_ERR"}'))).toThrow(/wire/);
    expect(() => decodeCommOpenApiResp(Buffer.from([0x0a, 0x05, 1]))).toThrow(/past the end/);
  });

  const target = { scene: 'n=C310107102008', page: 'pages/scan/index', webRoute: '/pages/scan/index?scene=n%3DC310107102008' };

  it('throws on an error answer and caches nothing: the next call draws the code', async () => {
    caller = { ...caller, openapi: ['security.msgSecCheck'] };
    await expect(deps.ports.codes.make(target)).rejects.toThrow(/-604101/);
    caller = { ...caller, openapi: ALL };
    const made = await deps.ports.codes.make(target);
    expect(made).toMatchObject({ kind: 'wxacode', content: 'pages/scan/index?scene=n%3DC310107102008' });
    expect([...made.image.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(String(seen.at(-1)?.params.apiName)).toBe('wxacode.getUnlimited');
  });

  it('throws WeChat’s errcode for a bad scene or page', async () => {
    await expect(deps.ports.codes.make({ ...target, scene: 'n=中文' })).rejects.toThrow(/40129/);
    await expect(deps.ports.codes.make({ ...target, page: 'pages/gone/index' })).rejects.toThrow(/41030/);
    platformDown = true;
    await expect(deps.ports.codes.make({ ...target, scene: 'n=2' })).rejects.toThrow(/SYS_ERR/);
  });
});

describe('4. subscribe messages: a real page, the template’s own keys, consent', () => {
  const env = sim.templateEnv();
  beforeAll(() => env.forEach((id, key) => (process.env[key] = id)));
  afterAll(() => env.forEach((_id, key) => delete process.env[key]));

  const message = (kind: MessageKind, extra: { orderId?: string; sourceId?: string } = {}) => ({
    kind,
    title: MESSAGE_KINDS[kind],
    body: '梅川第一居委会 · 第一网格 · 1号楼：楼道的灯坏了一个星期，晚上老人上下楼很不方便',
    orderId: extra.orderId ?? null,
    sourceId: extra.sourceId ?? null,
    createdAt: clock.now,
  });

  it('is pushed only by a function that applies effects: the others’ ports refuse, and send nothing', async () => {
    const before = sim.sent().length;
    await expect(cloudPorts(app).subscribe.send(PEOPLE.resident, message('claimed', { orderId: 'o-1' }))).rejects.toThrow('cloudSubscribe');
    expect(sim.sent()).toHaveLength(before);
  });

  it('is refused without consent, then delivered once, linking to the order', async () => {
    expect(await deps.ports.subscribe.send(PEOPLE.resident, message('claimed', { orderId: 'o-1' }))).toBe('declined');
    sim.consent(USER, [env.get('WG_TEMPLATE_CLAIMED')!]);
    expect(await deps.ports.subscribe.send(PEOPLE.resident, message('claimed', { orderId: 'o-1' }))).toBe('sent');
    expect(sim.sent().at(-1)).toMatchObject({
      touser: USER,
      page: 'pages/order/detail/index?id=o-1',
      data: {
        thing1: { value: '梅川第一居委会 · 第一网格 · 1号…' },
        phrase2: { value: '已接单' },
        time3: { value: '2026年11月20日 10:00' },
        thing4: { value: '您的点单已被接单' },
      },
    });
    expect(await deps.ports.subscribe.send(PEOPLE.resident, message('claimed', { orderId: 'o-1' }))).toBe('declined');
    expect(await deps.ports.subscribe.send(PEOPLE.staff, message('claimed', { orderId: 'o-1' }))).toBe('skipped');
  });

  it('fills every kind’s template so WeChat takes it, linking where the in-app message links', async () => {
    const pages = appPages();
    for (const kind of Object.keys(MESSAGE_KINDS) as MessageKind[]) {
      const m = message(kind, { sourceId: 's-1' });
      sim.consent(USER, [env.get(`WG_TEMPLATE_${kind.toUpperCase()}`)!]);
      expect([kind, await deps.ports.subscribe.send(PEOPLE.resident, m)]).toEqual([kind, 'sent']);
      expect(sim.sent().at(-1)?.page).toBe(subscribePage(m));
      expect(pages).toContain(subscribePage(m).split('?')[0]);
      const link = messageLink(m);
      if (link) expect(subscribePage(m)).toBe(link.url.slice(1));
    }
  });
});

describe('5. photos go through mediaCheckAsync; a risky verdict takes the photo down', () => {
  const photo = (name: string) => ({ fileId: `cloud://test-env.bucket/photos/${name}.jpg`, size: 2048, type: 'image/jpeg' });
  const order = (photos: Array<ReturnType<typeof photo>>) => ({
    action: 'file',
    data: {
      buildingId: NODES.building1,
      category: '维修',
      description: '3单元楼道的灯坏了一个星期，晚上老人上下楼很不方便',
      contactName: '王阿姨',
      contactMobile: '13912345678',
      photos,
    },
  });
  const asResident = { kind: 'wechat', openid: USER } as const;
  /** Files, then applies what filing caused (the photo checks' registration) as the client's drain call does. */
  const file = async (photos: Array<ReturnType<typeof photo>>, d = deps) => {
    const filed = await handle(ordersFunction, order(photos), asResident, d);
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    expect(await handle(effectsFunction, { action: 'drain', data: { refs: filed.pending ?? [] } }, asResident, d)).toMatchObject({ ok: true });
    return filed;
  };

  it('checks each photo with the filer’s OPENID, and hides the risky one when the push comes', async () => {
    stored.set(photo('ok').fileId, Buffer.from([0xff, 0xd8, 1, 2]));
    stored.set(photo('bad').fileId, Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(RISKY_IMAGE_MARKER)]));
    const verdicts: Array<Record<string, unknown>> = [];
    const both = new Promise<void>((resolve) => {
      onPush = (e) => {
        verdicts.push(e);
        if (verdicts.length === 2) resolve();
      };
    });
    const filed = await file([photo('ok'), photo('bad')]);
    if (!filed.ok) throw new Error('unreachable');
    const { id } = filed.data as { id: string };
    expect(lastBody('/wxa/media_check_async')).toMatchObject({ media_type: 2, version: 2, scene: 3, openid: USER, media_url: expect.stringContaining(base) });
    await both;
    for (const event of verdicts) {
      // What the notifications function's cloud entry does with the push (cloudfunctions/notifications/index.ts).
      expect(pushAction(event, { wxa_media_check: 'mediaChecked' })).toBe('mediaChecked');
      await handle(notificationsFunction, { action: 'mediaChecked', data: event }, { kind: 'system' }, deps);
    }
    const saved = await store.collection<OrderDoc>('orders').get(id);
    expect(saved?.photos.map((p) => p.fileId)).toEqual([photo('ok').fileId]);
    const audit = await store.collection<{ _id: string; action: string; targetId: string; detail: Record<string, unknown> }>('audit').find({ action: 'content.hidePhoto' });
    expect(audit).toEqual([expect.objectContaining({ targetId: id, detail: expect.objectContaining({ fileId: photo('bad').fileId, verdict: 'risky' }) })]);
    // WeChat may push again: nothing more happens.
    const again = await handle(
      notificationsFunction,
      { action: 'mediaChecked', data: verdicts.find((v) => (v.result as { suggest: string }).suggest === 'risky') },
      { kind: 'system' },
      deps,
    );
    expect(again).toEqual({ ok: true, data: { verdict: 'risky', hidden: false } });
  });

  it('applies a verdict that arrives before the order is written', async () => {
    // WeChat may push before the filing has stored the order: the verdict waits in photo_checks for it.
    const early = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'early-trace', version: 2, errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } };
    expect(await handle(notificationsFunction, { action: 'mediaChecked', data: early }, { kind: 'system' }, deps)).toEqual({ ok: true, data: { verdict: 'risky', hidden: false } });
    const content = { ...deps.ports.content, checkImages: async (ids: string[]) => ids.map((fileId) => ({ fileId, traceId: 'early-trace' })) };
    clock.now += 24 * 3600_000;
    const filed = await file([photo('early')], { ...deps, ports: { ...deps.ports, content } });
    if (!filed.ok) throw new Error('unreachable');
    expect((await store.collection<OrderDoc>('orders').get((filed.data as { id: string }).id))?.photos).toEqual([]);
  });

  it('takes a single nested photo down to none, keeping the rest of the record', async () => {
    const fileId = photo('delivered').fileId;
    await store
      .collection<{ _id: string } & Record<string, unknown>>('wishes')
      .insert({ _id: 'w-nested', path: '/s/c/', delivery: { note: '已送到', photo: { fileId, size: 1, type: 'image/jpeg' }, at: 1 } });
    const risky = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'nested-trace', errcode: 0, result: { suggest: 'review', label: 21000 } };
    await handle(notificationsFunction, { action: 'mediaChecked', data: risky }, { kind: 'system' }, deps);
    const content = { ...deps.ports.content, checkImages: async (ids: string[]) => ids.map((f) => ({ fileId: f, traceId: 'nested-trace' })) };
    const ctx = { ...deps, ports: { ...deps.ports, content }, identity: asResident };
    const screened = await startPhotoChecks(ctx, 'photo', [fileId], CONTENT_SCENES.comment);
    await screened.register({ collection: 'wishes', recordId: 'w-nested', field: 'delivery.photo', targetType: 'wish', areaPath: '/s/c/' });
    expect(await store.collection('wishes').get('w-nested')).toMatchObject({ delivery: { note: '已送到', photo: null, at: 1 } });
  });

  it('refuses the photos when the check cannot start, and writes nothing', async () => {
    caller = { ...caller, openapi: ['security.msgSecCheck', 'subscribeMessage.send'] };
    const before = await store.collection('orders').count({});
    const refused = await handle(ordersFunction, order([photo('ok')]), asResident, deps);
    expect(refused).toEqual({ ok: false, error: { code: 'VALIDATION', message: '照片安全检查暂不可用，请稍后再试', fields: { photos: '照片安全检查暂不可用，请稍后再试' } } });
    expect(await store.collection('orders').count({})).toBe(before);
  });

  it('ignores a push shape from a user’s own call, and events it was not configured for', () => {
    expect(pushAction({ MsgType: 'event', Event: 'user_enter_tempsession' }, { wxa_media_check: 'mediaChecked' })).toBeNull();
    expect(pushAction({ action: 'mediaChecked' }, { wxa_media_check: 'mediaChecked' })).toBeNull();
  });
});
