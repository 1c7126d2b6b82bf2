/** The simulated WeChat open APIs: permissions, both wire formats, each API's documented refusals, pushes and consents. */
import * as jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Caller, SimResponse } from '../../../local/cloudsim/types';
import { SimWechat } from '../../../local/cloudsim/wechat';
import { fieldProblem } from '../../../local/cloudsim/wechat-fields';
import { RISKY_IMAGE_MARKER, appPages, pagesOfAppConfigSource, wechatOptions } from '../../../local/cloudsim/wechat-setup';
import { decodeOpenApiResp, encodeApiData } from '../../../local/cloudsim/wechat-wire';

const USER = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const ALL = ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send', 'wxacode.getUnlimited'];
const clock = { now: Date.parse('2026-11-20T02:00:00Z') };
const files = new Map<string, Buffer>();
const pushed: Array<Record<string, unknown>> = [];
let onPush: ((e: Record<string, unknown>) => void) | null = null;

const options = wechatOptions({ now: () => clock.now, reviewWords: ['待人工复核'] });
const sim = new SimWechat(options, {
  readFile: async (ref) => files.get(ref) ?? null,
  pushEvent: (e) => {
    pushed.push(e);
    onPush?.(e);
  },
});
const template = (title: string) => options.templates.find((t) => t.title === title)!;

function caller(openapi = ALL, openid: string | null = USER): Caller {
  return { functionName: 'orders', openapi, invocationId: null, openid, trigger: openid ? 'call' : 'timer' };
}

function jsonBody(res: SimResponse): Record<string, unknown> {
  if (res.kind !== 'json') throw new Error(`expected JSON, got ${res.contentType}`);
  return res.body;
}

/** The `wx.api` route: requestData is the JSON text node-sdk's callWxOpenApi makes; the reply is WeChat's JSON. */
async function api(apiName: string, requestData: unknown, openapi = ALL, openid: string | null = USER): Promise<Record<string, unknown>> {
  const text = typeof requestData === 'string' ? requestData : JSON.stringify(requestData);
  const res = await sim.handle({ action: 'wx.api', params: { apiName, requestData: text }, files: {}, caller: caller(openapi, openid) });
  return JSON.parse(String((jsonBody(res).data as { responseData: string }).responseData)) as Record<string, unknown>;
}

/** The `wx.openApi` route with a protobuf CommApiData; the raw answer decoded as CommOpenApiResp. */
async function compat(apiName: string, fields: Record<string, unknown> | Buffer, openapi = ALL) {
  const requestData = Buffer.isBuffer(fields) ? fields : encodeApiData(fields);
  const res = await sim.handle({ action: 'wx.openApi', params: { apiName }, files: { requestData }, caller: caller(openapi) });
  if (res.kind !== 'raw') throw new Error('expected raw bytes');
  return res;
}

const check = (content: string, extra: Record<string, unknown> = {}) => api('/wxa/msg_sec_check', { content, version: 2, scene: 2, openid: USER, ...extra });

beforeAll(async () => {
  // The user opened the app (any call with their OPENID counts as a visit).
  await api('/wxa/msg_sec_check', { content: '你好', version: 2, scene: 2, openid: USER });
});

describe('permissions (config.json permissions.openapi)', () => {
  it('refuses an API the function did not declare with -604101, on both routes', async () => {
    expect(await check('你好', {})).toMatchObject({ errcode: 0 });
    expect(await api('/wxa/msg_sec_check', { content: '你好', version: 2, scene: 2, openid: USER }, ['subscribeMessage.send'])).toEqual({
      errcode: -604101,
      errmsg: 'function has no permission to call this API',
    });
    const res = await compat('wxacode.getUnlimited', { scene: 'n=1', page: 'pages/scan/index' }, ['security.msgSecCheck']);
    expect(decodeOpenApiResp(res.body)).toMatchObject({ errorCode: -604101, respData: Buffer.alloc(0) });
  });

  it('answers -604100 for an API that does not exist', async () => {
    expect(await api('/wxa/no_such_api', {})).toMatchObject({ errcode: -604100 });
  });
});

describe('msgSecCheck v2', () => {
  it('judges by the word list: risky with result, detail and trace_id; clean text passes', async () => {
    const risky = await check('出售枪支出售，联系我');
    expect(risky).toMatchObject({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20006 } });
    expect(risky.trace_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(risky.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '枪支出售' })]));
    expect(await check('楼道灯坏了，请尽快修理')).toMatchObject({ result: { suggest: 'pass', label: 100 } });
    expect(await check('这段需要待人工复核')).toMatchObject({ result: { suggest: 'review' } });
  });

  it.each([
    ['no openid', { openid: undefined }, 40003],
    ['an OPENID the app never saw', { openid: 'oStranger000000000000000000' }, 40003],
    ['scene 5', { scene: 5 }, 40129],
    ['version 1', { version: 1 }, 47001],
  ])('refuses %s', async (_name, extra, errcode) => {
    const reply = await check('你好', extra);
    expect(reply.errcode).toBe(errcode);
    expect(reply.result).toBeUndefined();
  });

  it('refuses a user who has not opened the app for two hours (61010)', async () => {
    const before = clock.now;
    clock.now += 2 * 3600_000 + 1000;
    try {
      // A timer-started call carries no OPENID of its own, so nothing refreshes the visit.
      expect(await api('/wxa/msg_sec_check', { content: '你好', version: 2, scene: 2, openid: USER }, ALL, null)).toMatchObject({ errcode: 61010 });
    } finally {
      clock.now = before;
    }
  });

  it('refuses a request whose body is not the fields (a Buffer JSON.stringified by the SDK, bad JSON)', async () => {
    const garbled = JSON.stringify(Buffer.from(JSON.stringify({ content: '枪支出售', version: 2, scene: 2, openid: USER })));
    const reply = await api('/wxa/msg_sec_check', garbled);
    expect(reply.errcode).toBe(47001);
    expect(reply.result).toBeUndefined();
    expect(await api('/wxa/msg_sec_check', '{not json')).toMatchObject({ errcode: 47001 });
    expect(await api('/wxa/msg_sec_check', '')).toMatchObject({ errcode: 47001 });
  });
});

describe('mediaCheckAsync v2', () => {
  const nextPush = () => new Promise<Record<string, unknown>>((resolve) => (onPush = resolve));

  it('answers a trace_id, then pushes a wxa_media_check verdict: risky for the marker, pass otherwise', async () => {
    files.set('https://files.example/bad.jpg', Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(RISKY_IMAGE_MARKER)]));
    files.set('https://files.example/ok.jpg', Buffer.from([0xff, 0xd8, 1, 2, 3]));
    const body = { media_type: 2, version: 2, scene: 3, openid: USER };
    const bad = nextPush();
    const first = await api('/wxa/media_check_async', { ...body, media_url: 'https://files.example/bad.jpg' });
    expect(first).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String) });
    expect(await bad).toMatchObject({
      ToUserName: options.originalId,
      FromUserName: USER,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: options.appid,
      trace_id: first.trace_id,
      version: 2,
      errcode: 0,
      result: { suggest: 'risky' },
    });
    const ok = nextPush();
    const second = await api('/wxa/media_check_async', { ...body, media_url: 'https://files.example/ok.jpg' });
    expect(await ok).toMatchObject({ trace_id: second.trace_id, result: { suggest: 'pass', label: 100 } });
  });

  it.each([
    ['no media_url', { media_url: undefined }, 47001],
    ['media_type 3', { media_type: 3 }, 47001],
    ['no openid', { openid: '' }, 40003],
    ['scene 0', { scene: 0 }, 40129],
  ])('refuses %s without pushing anything', async (_name, extra, errcode) => {
    const count = pushed.length;
    const reply = await api('/wxa/media_check_async', { media_url: 'https://files.example/ok.jpg', media_type: 2, version: 2, scene: 3, openid: USER, ...extra });
    expect(reply.errcode).toBe(errcode);
    await new Promise((r) => setTimeout(r, 30));
    expect(pushed.length).toBe(count);
  });
});

describe('subscribeMessage.send', () => {
  const todo = template('待办事项提醒');
  const good = {
    touser: USER,
    template_id: todo.id,
    page: 'pages/order/detail/index?id=o1',
    data: { thing1: { value: '派给您的单' }, thing2: { value: '梅川一居 1号楼：水电' }, time3: { value: '2026年11月20日 10:00' } },
  };
  const send = (extra: Record<string, unknown>) => api('/cgi-bin/message/subscribe/send', { ...good, ...extra });

  it('needs a consent per send: 43101 without one, one delivery per accept', async () => {
    expect(await send({})).toMatchObject({ errcode: 43101 });
    sim.consent(USER, [todo.id]);
    expect(await send({})).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(await send({})).toMatchObject({ errcode: 43101 });
    expect(sim.sent().at(-1)).toEqual({ touser: USER, template_id: todo.id, page: good.page, data: good.data });
  });

  it.each([
    ['an unknown template', { template_id: 'nope' }, 40037, 'invalid template id'],
    ['a page the app does not have', { page: 'pages/messages/index' }, 41030, 'invalid page'],
    ['a page with a leading slash', { page: '/pages/order/detail/index' }, 41030, 'invalid page'],
    ['an unknown OPENID', { touser: 'oNobody' }, 40003, 'invalid openid'],
    ['keys of another template', { data: { thing1: { value: 'a' }, thing2: { value: 'b' }, time3: { value: '10:00' }, phrase4: { value: '已办结' } } }, 47003, 'data.phrase4'],
    ['a missing key', { data: { thing1: { value: 'a' }, time3: { value: '10:00' } } }, 47003, 'data.thing2.value is empty'],
    ['a thing over 20 characters', { data: { ...good.data, thing2: { value: '一二三四五六七八九十一二三四五六七八九十一' } } }, 47003, 'data.thing2.value exceeds limit'],
    ['a time that is not a time', { data: { ...good.data, time3: { value: '明天上午' } } }, 47003, 'data.time3.value invalid'],
  ])('refuses %s', async (_name, extra, errcode, message) => {
    sim.consent(USER, [todo.id]);
    const reply = await send(extra);
    expect(reply.errcode).toBe(errcode);
    expect(String(reply.errmsg)).toContain(message);
    expect(String(reply.errmsg)).toMatch(/rid: /);
  });

  it('checks each field type against WeChat’s limits', () => {
    expect(fieldProblem('phrase', '已办结')).toBeNull();
    expect(fieldProblem('phrase', '已办结2')).toMatch(/invalid/);
    expect(fieldProblem('phrase', '六个汉字了吧')).toMatch(/exceeds/);
    expect(fieldProblem('name', '王秀英')).toBeNull();
    expect(fieldProblem('name', '一二三四五六七八九十一')).toMatch(/exceeds/);
    expect(fieldProblem('name', 'Wang Xiuying')).toBeNull();
    expect(fieldProblem('number', '12.5')).toBeNull();
    expect(fieldProblem('number', '12a')).toMatch(/invalid/);
    expect(fieldProblem('character_string', 'A-123_x')).toBeNull();
    expect(fieldProblem('character_string', '编号1')).toMatch(/invalid/);
    expect(fieldProblem('amount', '￥100.50')).toBeNull();
    expect(fieldProblem('amount', '100元')).toBeNull();
    expect(fieldProblem('car_number', '粤A8Z888挂')).toBeNull();
    expect(fieldProblem('car_number', 'A粤8Z888')).toMatch(/invalid/);
    expect(fieldProblem('date', '2019年10月1日')).toBeNull();
    expect(fieldProblem('date', '2019年10月1日 15:01 ~ 2019年10月2日 15:01')).toBeNull();
    expect(fieldProblem('time', '15:01')).toBeNull();
    expect(fieldProblem('time', '25:01')).toMatch(/invalid/);
    expect(fieldProblem('phone_number', '+86-0766-66888866')).toBeNull();
    expect(fieldProblem('symbol', '★★')).toBeNull();
    expect(fieldProblem('letter', 'abc1')).toMatch(/invalid/);
    expect(fieldProblem('thing', '')).toBe('is empty');
  });
});

describe('wxacode.getUnlimited (wx.openApi, protobuf)', () => {
  const wxResp = async (fields: Record<string, unknown>) => decodeOpenApiResp((await compat('wxacode.getUnlimited', fields)).body);
  const errcodeOf = (resp: { respData: Buffer; contentType: string }) => {
    expect(resp.contentType).toMatch(/application\/json/);
    return (JSON.parse(resp.respData.toString('utf8')) as { errcode: number }).errcode;
  };

  it('draws a JPEG of page + scene at the asked width', async () => {
    const resp = await wxResp({ scene: 'n=C310107102008', page: 'pages/scan/index', check_path: true, env_version: 'release', width: 430 });
    expect(resp).toMatchObject({ errorCode: 0, contentType: 'image/jpeg', httpCode: 200 });
    expect([...resp.respData.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const img = jpeg.decode(resp.respData, { useTArray: true });
    expect(img.width).toBe(430);
    expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe('pages/scan/index?scene=n%3DC310107102008');
  });

  it('draws a transparent PNG for is_hyaline', async () => {
    const resp = await wxResp({ scene: 'a=1', page: 'pages/scan/index', is_hyaline: true });
    expect(resp.contentType).toBe('image/png');
    expect(PNG.sync.read(resp.respData).width).toBe(430);
  });

  it.each([
    ['a scene over 32 characters', { scene: 'n='.padEnd(33, 'x') }, 40169],
    ['an empty scene', { scene: '' }, 40169],
    ['a scene with characters WeChat refuses', { scene: 'n=中文' }, 40129],
    ['a page the app does not have', { scene: 'n=1', page: 'pages/nowhere/index' }, 41030],
    ['a page with a leading slash', { scene: 'n=1', page: '/pages/scan/index', check_path: false }, 41030],
    ['a page with a query', { scene: 'n=1', page: 'pages/scan/index?x=1' }, 41030],
    ['a width under 280', { scene: 'n=1', width: 100 }, 40097],
    ['an unknown env_version', { scene: 'n=1', env_version: 'beta' }, 40097],
  ])('answers %s with JSON and an errcode', async (_name, fields, errcode) => {
    const resp = await wxResp(fields);
    expect(resp.errorCode).toBe(0);
    expect(errcodeOf(resp)).toBe(errcode);
  });

  it('skips the page check when check_path is false', async () => {
    expect((await wxResp({ scene: 'n=1', page: 'pages/unreleased/index', check_path: false })).contentType).toBe('image/jpeg');
  });

  it('refuses bytes that are not a CommApiData as a platform error the SDK parses, and a non-JSON pair as 47001', async () => {
    const garbage = await compat('wxacode.getUnlimited', Buffer.from('{"scene":"n=1"}'));
    expect(garbage.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(garbage.body.toString('utf8'))).toMatchObject({ code: 'INVALID_PARAM' });
    const pair = Buffer.from([0x08, 0x00, 0x12, 0x0d, 0x0a, 0x0b, 0x0a, 0x05, ...Buffer.from('scene'), 0x12, 0x02, ...Buffer.from('n=')]);
    expect(errcodeOf(decodeOpenApiResp((await compat('wxacode.getUnlimited', pair)).body))).toBe(47001);
  });

  it('has no binary answer on the JSON route', async () => {
    expect(await api('/wxa/getwxacodeunlimit', { scene: 'n=1', page: 'pages/scan/index' })).toMatchObject({ errcode: 40097 });
  });
});

describe('the simulated app', () => {
  it('knows the pages app.config.ts declares, subpackage roots included', () => {
    const pages = appPages();
    expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/scan/index', 'pages/order/messages/index', 'wish/pages/detail/index']));
    expect(pages).not.toContain('pages/messages/index');
    expect(pagesOfAppConfigSource("pages: ['a/b'], subPackages: [{ root: 'r', name: 'r', pages: ['p/q'] }]")).toEqual(['a/b', 'r/p/q']);
  });

  it('gives every message kind a template id from the console templates', () => {
    const env = sim.templateEnv();
    expect(env.get('WG_TEMPLATE_CLAIMED')).toBe(template('事项进度通知').id);
    expect(env.get('WG_TEMPLATE_DISPATCHED')).toBe(template('待办事项提醒').id);
    expect(env.get('WG_TEMPLATE_WISHPUBLISHED')).toBe(template('审核结果通知').id);
  });
});
