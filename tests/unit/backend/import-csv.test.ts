/** The CSV reader of 导入网格树: quoted fields with commas, doubled quotes and line breaks, CRLF or LF, a last line without its newline. */
import { parseCsv } from '../../../backend/areas/import';

test('reads quoted fields, doubled quotes, line breaks inside quotes and both line endings', () => {
  const text = '社区,网格,楼栋\r\n梅川第一居委会,"第一网格","1号楼,东"\n"梅川""二""居委会",第二网格,"2号\n楼"\r\n,,';
  expect(parseCsv(text)).toEqual([
    ['社区', '网格', '楼栋'],
    ['梅川第一居委会', '第一网格', '1号楼,东'],
    ['梅川"二"居委会', '第二网格', '2号\n楼'],
    ['', '', ''],
  ]);
});

test('a file ending in a newline has no empty last row; an empty file has no rows', () => {
  expect(parseCsv('a,b\r\n')).toEqual([['a', 'b']]);
  expect(parseCsv('')).toEqual([]);
});
