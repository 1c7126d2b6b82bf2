/** The simulated getPhoneNumber (/wxa/business/getuserphonenumber): the documented answer, one use, five minutes, 40029 otherwise, the permission. */
import type { Caller, SimResponse } from '../../../local/cloudsim/types';
import { SimWechat } from '../../../local/cloudsim/wechat';
import { wechatOptions } from '../../../local/cloudsim/wechat-setup';

const clock = { now: Date.parse('2026-11-20T02:00:00Z') };
const options = wechatOptions({ now: () => clock.now });
const sim = new SimWechat(options, { readFile: async () => null, pushEvent: () => undefined });

async function exchange(code: unknown, openapi = ['phonenumber.getPhoneNumber']): Promise<Record<string, unknown>> {
  const caller: Caller = { functionName: 'users', openapi, invocationId: null, openid: 'oUser', trigger: 'call' };
  const res: SimResponse = await sim.handle({
    action: 'wx.api',
    params: { apiName: '/wxa/business/getuserphonenumber', requestData: JSON.stringify({ code }) },
    files: {},
    caller,
  });
  if (res.kind !== 'json') throw new Error('expected JSON');
  return JSON.parse(String((res.body.data as { responseData: string }).responseData)) as Record<string, unknown>;
}

it('answers the number a code stands for, as documented, once', async () => {
  const code = sim.issuePhoneCode('13912345678');
  expect(await exchange(code)).toEqual({
    errcode: 0,
    errmsg: 'ok',
    phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86', watermark: { timestamp: clock.now / 1000, appid: options.appid } },
  });
  expect(await exchange(code)).toMatchObject({ errcode: 40029, errmsg: expect.stringMatching(/^invalid code rid: /) });
});

it('a number abroad carries its country code in phoneNumber only', async () => {
  const info = (await exchange(sim.issuePhoneCode('91234567', '852'))).phone_info;
  expect(info).toMatchObject({ phoneNumber: '+85291234567', purePhoneNumber: '91234567', countryCode: '852' });
});

it('refuses a code after five minutes, an unknown one, a malformed body, and a function without the permission', async () => {
  const code = sim.issuePhoneCode('13912345678');
  clock.now += 5 * 60_000 + 1;
  expect((await exchange(code)).errcode).toBe(40029);
  expect((await exchange('made-up')).errcode).toBe(40029);
  expect((await exchange(42)).errcode).toBe(47001);
  expect((await exchange(sim.issuePhoneCode('13912345678'), ['wxacode.getUnlimited'])).errcode).toBe(-604101);
});
