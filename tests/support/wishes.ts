/** Drives a 微心愿 through the real API into any status, as the people who would do it. */
import type { WishStatus } from '../../shared/wishes/model';
import type { WishDetail, WishMoved } from '../../shared/wishes/schemas';
import { DAY, uploadPhoto } from './orders';
import { PEOPLE } from './people';
import type { TestServer } from './server';
import { okData } from './server';

/** What 王秀英 writes: the story names her grandson's school year, the private fields name her and her door. */
export const goodWish = (extra: Record<string, unknown> = {}) => ({
  title: '想给孙子买几本课外书',
  story: '孙子今年上三年级，很爱看书，家里条件有限，希望有好心人送几本适合他看的课外书。',
  kind: 'material',
  value: 150,
  beneficiaryName: '王秀英',
  contactMobile: '13912340001',
  door: '1号楼302室',
  ...extra,
});

/** The reviewer's text: the same wish with nothing that identifies the family. */
export const publicText = { title: '想要几本三年级的课外书', story: '一位三年级的小朋友很爱看书，家里条件有限，希望有人送几本适合他看的课外书。' };

/** Posts as the resident; moves the clock a day first so the daily quota never interferes. */
export async function postWish(s: TestServer, extra: Record<string, unknown> = {}, who: string = PEOPLE.resident): Promise<string> {
  s.clock.now += DAY;
  return okData(await s.call<{ id: string }>('wishes', 'post', goodWish(extra), who)).id;
}

export async function wishAct(s: TestServer, action: string, data: Record<string, unknown>, who: string): Promise<WishMoved> {
  return okData(await s.call<WishMoved>('wishes', action, data, who));
}

export async function wishDetail(s: TestServer, wishId: string, who: string = PEOPLE.staff): Promise<WishDetail> {
  return okData(await s.call<WishDetail>('wishes', 'detail', { wishId }, who));
}

/** Posts a fresh wish and walks it to `status` along the usual path: 孙丽 reviews, 张伟 claims and delivers, 王秀英 confirms. */
export async function wishIn(s: TestServer, status: WishStatus): Promise<string> {
  const wishId = await postWish(s);
  const by = { wishId };
  if (status === 'pending') return wishId;
  if (status === 'rejected') return (await wishAct(s, 'reject', { ...by, reason: '不属于微心愿范围' }, PEOPLE.staff)).id;
  await wishAct(s, 'approve', { ...by, ...publicText }, PEOPLE.staff);
  if (status === 'published') return wishId;
  await wishAct(s, 'claim', by, PEOPLE.member);
  if (status === 'claimed') return wishId;
  await wishAct(s, 'deliver', { ...by, note: '已把五本课外书送到家里', photo: await uploadPhoto(s, PEOPLE.member) }, PEOPLE.member);
  if (status === 'delivered') return wishId;
  return (await wishAct(s, 'confirm', by, PEOPLE.resident)).id;
}
