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
  // Folded before checking: full-width digits and spaces, Chinese numerals, any dash, one digit at a time.
  ['请打１３９００００１００２联系', /电话号码一样的数字「１３９００００１００２」/],
  ['电话 １３９　００００　１００２', /电话号码/],
  ['电话 1 3 9 0 0 0 0 1 0 0 2', /电话号码一样的数字「1 3 9 0 0 0 0 1 0 0 2」/],
  ['电话 139—0000—1002', /电话号码/],
  ['电话一三九零零零零一零零二', /电话号码一样的数字「一三九零零零零一零零二」/],
  ['电话 (021) 6254-1000', /电话号码/],
  ['身份证 310107194912310027', /身份证号一样的号码「310107194912310027」/],
  ['身份证号 31010719491231002X 请核对', /身份证号一样的号码「31010719491231002X」/],
  ['身份证 3101 0719 4912 3100 2x', /身份证号/],
  ['老人住3号502室', /门牌号一样的地址「3号502室」/],
  ['住在5栋2单元301', /门牌号一样的地址「5栋2单元301」/],
  ['住在梅川路88弄6号', /门牌号一样的地址「88弄6号」/],
  ['住在３－２－５０２', /门牌号一样的地址「３－２－５０２」/],
  ['住在十二号楼', /门牌号一样的地址「十二号楼」/],
  ['2026-11-20 那天老人过生日', null],
  ['两室一厅的老房子需要修窗户', null],
])('%s', (text, want) => {
  const got = identifyingDetail(text, secrets);
  if (want === null) expect(got).toBeNull();
  else expect(got).toMatch(want);
});

it('the name and door number are found however they were spaced or typed', () => {
  expect(identifyingDetail('王 秀 英奶奶想要一件冬衣', secrets)).toMatch(/受助人姓名「王秀英」/);
  expect(identifyingDetail('住在１２幢 ３０１', secrets)).toMatch(/门牌号「12幢301」/);
});

it('a one-character name or door is not searched for (it would match ordinary words)', () => {
  expect(identifyingDetail('王阿姨想要书', { beneficiaryName: '王', door: '3' })).toBeNull();
});
