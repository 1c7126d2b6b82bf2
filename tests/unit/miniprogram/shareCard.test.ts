/**
 * Share cards (miniprogram/src/utils/shareCard.ts, issue 13 point 8): what useShareAppMessage hands WeChat for a wish,
 * an activity, an instruction and an order — a title in words and the detail page's path with the record's id, the record's
 * own photo or none — and the h5 link 复制链接 puts on the clipboard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { activityShare, instructionShare, orderShare, shareLink, wishShare } from '../../../miniprogram/src/utils/shareCard';

const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

describe('share cards', () => {
  it('a wish: its title in words, the wish page with its id, and its photo when it has one', () => {
    const card = wishShare({ id: 'w42', title: '想给孙子买几本课外书' }, 'http://x/uploads/p.png');
    expect(card).toEqual({ title: '微心愿：想给孙子买几本课外书', path: '/wish/pages/detail/index?id=w42', imageUrl: 'http://x/uploads/p.png' });
    expect(wishShare({ id: 'w42', title: '课外书' }, null)).not.toHaveProperty('imageUrl');
  });

  it('an activity: title and community, the activity page with its id, no made-up image', () => {
    const card = activityShare({ id: 'a 7&x', title: '垃圾分类宣传', areaName: '梅川第一居委会' });
    expect(card.title).toBe('志愿活动：垃圾分类宣传（梅川第一居委会）');
    expect(card.path.startsWith('/activity/pages/detail/index?')).toBe(true);
    expect(query(card.path).get('id')).toBe('a 7&x');
    expect(card).not.toHaveProperty('imageUrl');
  });

  it('an instruction: its title, the 指令详情 page with its id, its attachment as the image', () => {
    const card = instructionShare({ id: 'i9', title: '今晚台风，请检查各楼道窗户' }, 'http://x/uploads/a.png');
    expect(card).toEqual({ title: '一键响应：今晚台风，请检查各楼道窗户', path: '/respond/pages/detail/index?id=i9', imageUrl: 'http://x/uploads/a.png' });
  });

  it('an order: its category and place only (never the description, a name or a photo), the order page with its id, a fixed picture', () => {
    const order = { id: 'o5', category: '维修', place: '第一网格 · 1号楼', description: '王阿姨 13912345678', contactName: '王阿姨', photoUrls: ['http://x/p.png'] };
    expect(orderShare(order)).toEqual({ title: '点单：维修（第一网格 · 1号楼）', path: '/pages/order/detail/index?id=o5', imageUrl: '/pages/order/share/card.jpg' });
    // The fixed picture ships in the order subpackage (miniprogram/config copies it into the weapp build).
    expect(fs.existsSync(path.resolve(__dirname, '../../../miniprogram/src/pages/order/share/card.jpg'))).toBe(true);
  });

  it('a long title is cut to fit a card, keeping its start', () => {
    const card = wishShare({ id: 'w1', title: '一'.repeat(40) }, null);
    expect(card.title).toHaveLength(28);
    expect(card.title.endsWith('…')).toBe(true);
  });

  it('the h5 link is the app address + # + the card path, whatever page and query the sharer had open', () => {
    const card = wishShare({ id: 'w42', title: '课外书' }, null);
    expect(shareLink(card, 'http://127.0.0.1:5000/#/wish/pages/detail/index?id=w42&review=1')).toBe('http://127.0.0.1:5000/#/wish/pages/detail/index?id=w42');
    expect(shareLink(card, 'https://wg.example.cn/app/?from=qr')).toBe('https://wg.example.cn/app/#/wish/pages/detail/index?id=w42');
  });
});
