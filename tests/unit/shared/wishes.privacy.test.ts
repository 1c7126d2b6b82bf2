/** The public-text check that keeps names, phones and door numbers off the 心愿墙. */
import { identifyingDetail } from '../../../shared/wishes/privacy';

const secrets = { beneficiaryName: '王秀英', door: '12幢301' };

it.each([
  ['王秀英奶奶想要一件冬衣', /受助人姓名「王秀英」/],
  ['住在12幢301，想要一件冬衣', /门牌号「12幢301」/],
  ['请联系 139 1234 5678', /电话号码/],
  ['请打 021-62541000', /电话号码/],
  ['住在3号楼502室的老人', /门牌号一样的地址「3号楼502室」/],
  ['五号楼的老人想理发', /门牌号一样的地址「五号楼」/],
  ['老人住在楼上，腿脚不便想理发', null],
  ['三号楼的老人想理发', /门牌号一样的地址/],
  ['老人在602室等你', /602室/],
  ['一位独居老人想要一件冬衣，预算200元', null],
  ['希望每月有人上门理一次发，2026年都可以', null],
])('%s', (text, want) => {
  const got = identifyingDetail(text, secrets);
  if (want === null) expect(got).toBeNull();
  else expect(got).toMatch(want);
});

it('a one-character name or door is not searched for (it would match ordinary words)', () => {
  expect(identifyingDetail('王阿姨想要书', { beneficiaryName: '王', door: '3' })).toBeNull();
});
