/** 心愿审核 through the real server: the public text may not carry a phone, ID-card or door number however it is typed. */
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';
import { postWish, publicText } from '../support/wishes';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

it.each([
  ['full-width digits', '请打１３９００００１００２', '心愿故事仍含有电话号码一样的数字「１３９００００１００２」，请删去后再发布'],
  ['spaced digits', '电话 1 3 9 0 0 0 0 1 0 0 2', '心愿故事仍含有电话号码一样的数字「1 3 9 0 0 0 0 1 0 0 2」，请删去后再发布'],
  ['Chinese numerals', '电话一三九零零零零一零零二', '心愿故事仍含有电话号码一样的数字「一三九零零零零一零零二」，请删去后再发布'],
  ['an ID-card number', '身份证31010719491231002X', '心愿故事仍含有身份证号一样的号码「31010719491231002X」，请删去后再发布'],
  ['a 门牌 X号X室', '住在3号502室', '心愿故事仍含有门牌号一样的地址「3号502室」，请删去后再发布'],
])('%s in the story is refused, naming the field, and the wish stays unpublished', async (_what, extra, message) => {
  const wishId = await postWish(s);
  const story = `${publicText.story}${extra}`;
  expect(errorOf(await s.call('wishes', 'approve', { wishId, title: publicText.title, story }, PEOPLE.staff))).toEqual({ code: 'VALIDATION', message, fields: { story: message } });
  expect(okData(await s.call<{ status: string }>('wishes', 'detail', { wishId }, PEOPLE.staff)).status).toBe('pending');
});
