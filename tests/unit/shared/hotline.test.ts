/** 12345 tickets read from a sheet: header mapping, every problem row numbered, addresses placed or queued, the export layout. */
import type { Area, AreaLevel } from '../../../shared/areas/model';
import { HOTLINE_RESULT_COLUMNS, exportRow, normaliseMapping, parseHotlineDeadline, parseHotlineTime, planHotline, readHotlineHeader } from '../../../shared/orders/hotline';
import { indexBuildings, matchAddress } from '../../../shared/orders/hotlineAddress';

const at = (local: string) => Date.parse(`${local}+08:00`);

function node(_id: string, name: string, level: AreaLevel, parent?: Area): Area {
  return {
    _id,
    name,
    level,
    parentId: parent?._id ?? null,
    path: `${parent?.path ?? '/'}${_id}/`,
    ancestors: parent ? [...parent.ancestors, parent._id] : [],
    order: 0,
  };
}
const street = node('S1', '梅川路街道', 'street');
const c1 = node('C1', '梅川路小区', 'community', street);
const c2 = node('C2', '曹杨新村', 'community', street);
const g1 = node('G1', '第一网格', 'grid', c1);
const g2 = node('G2', '第二网格', 'grid', c2);
const tree = [
  street,
  c1,
  c2,
  g1,
  g2,
  node('B1', '3号楼', 'building', g1),
  node('B2', '3号楼', 'building', g2),
  node('B3', '1号楼', 'building', g1),
  node('B4', '12号楼', 'building', g2),
];
const index = indexBuildings(tree);

const HEADER = ['工单编号', '来电时间', '诉求内容', '诉求地址', '联系人', '联系电话', '办理时限', '诉求分类'];
const row = (ticket: string, address: string, extra: Partial<Record<'called' | 'deadline' | 'phone' | 'category', string>> = {}) => [
  ticket,
  extra.called ?? '2026-12-01 09:30',
  '楼道灯不亮',
  address,
  '王阿姨',
  extra.phone ?? '13800000001',
  extra.deadline ?? '2026-12-05',
  extra.category ?? '城乡建设/路灯',
];

describe('12345 ticket import', () => {
  it('maps the usual header by default and a street’s own header names when saved', () => {
    expect(readHotlineHeader(HEADER)).toEqual({ columns: { ticket: 0, calledAt: 1, content: 2, address: 3, contact: 4, phone: 5, deadline: 6, category: 7 } });
    const own = ['热线单号', '来电时间', '诉求内容', '事发地址', '办理时限'];
    expect(readHotlineHeader(own)).toEqual({ error: expect.stringContaining('缺少「工单编号」「诉求地址」列') });
    const mapping = normaliseMapping({ ticket: ' 热线单号 ', address: '事发地址', content: '诉求内容' });
    expect(mapping).toEqual({ ticket: '热线单号', address: '事发地址' });
    expect(readHotlineHeader(own, mapping as object)).toEqual({ columns: { ticket: 0, calledAt: 1, content: 2, address: 3, deadline: 4 } });
    expect(normaliseMapping({ ticket: '诉求地址' })).toEqual({ field: 'address', error: '「诉求地址」与「工单编号」不能对应同一列「诉求地址」' });
  });

  it('reads hotline times in Beijing time; a 办理时限 given as a date is the end of that day', () => {
    expect(parseHotlineTime('2026-12-01 09:30')).toBe(at('2026-12-01T09:30:00'));
    expect(parseHotlineTime('2026/12/1 9:30:15')).toBe(at('2026-12-01T09:30:15'));
    expect(parseHotlineTime('2026年12月1日 9时30分')).toBe(at('2026-12-01T09:30:00'));
    expect(parseHotlineTime('2026-12-05', true)).toBe(at('2026-12-05T23:59:59'));
    expect(parseHotlineTime('46357.5')).toBe(at('2026-12-01T12:00:00')); // Excel serial day
    expect(parseHotlineTime('2026-02-30')).toBeNull();
    expect(parseHotlineTime('下周一')).toBeNull();
  });

  it('reads a 办理时限 as a date/time or as a span from 来电时间: working days and hours skip 国庆, hours and days are natural, a bare number is working days', () => {
    const called = at('2026-09-30T16:00:00');
    expect(parseHotlineDeadline('2026-10-09 18:00', called)).toBe(at('2026-10-09T18:00:00'));
    expect(parseHotlineDeadline('2026年10月9日', called)).toBe(at('2026-10-09T23:59:59'));
    // 8 h left on the 30th, 10月1日–7日 rest, 24 h on the 8th and 9th, then 16 h on the 调休 Saturday the 10th.
    expect(parseHotlineDeadline('3个工作日', called)).toBe(at('2026-10-10T16:00:00'));
    expect(parseHotlineDeadline('３工作日内', called)).toBe(at('2026-10-10T16:00:00'));
    expect(parseHotlineDeadline('3', called)).toBe(at('2026-10-10T16:00:00'));
    expect(parseHotlineDeadline('16个工作小时', called)).toBe(at('2026-10-08T08:00:00'));
    expect(parseHotlineDeadline('24小时', called)).toBe(at('2026-10-01T16:00:00'));
    expect(parseHotlineDeadline('7天', called)).toBe(at('2026-10-07T16:00:00'));
    expect(parseHotlineDeadline('2个自然日', called)).toBe(at('2026-10-02T16:00:00'));
    for (const bad of ['下周', '0个工作日', '91个工作日', '1000小时', '3个月', '']) expect(parseHotlineDeadline(bad, called)).toBeNull();
  });

  it('places an address on the one building it names, queues an ambiguous or unknown one', () => {
    expect(matchAddress('梅川路小区3号楼2单元', index)).toEqual({ buildingId: 'B1' });
    expect(matchAddress('第一网格1号楼', index)).toEqual({ buildingId: 'B3' });
    expect(matchAddress('曹杨新村十二幢', index)).toEqual({ buildingId: 'B4' });
    expect(matchAddress('３号楼', index)).toEqual({ unplaced: { reason: 'ambiguous', candidates: ['梅川路小区 / 第一网格 / 3号楼', '曹杨新村 / 第二网格 / 3号楼'] } });
    expect(matchAddress('真如路88弄', index)).toEqual({ unplaced: { reason: 'unknown', candidates: [] } });
  });

  it('lists every problem row with its number and reason, and files the rest', () => {
    const rows = [
      HEADER,
      row('GD20261201001', '梅川路小区3号楼'),
      row('GD20261201002', '真如路88弄'),
      row('GD20261201001', '梅川路小区1号楼'),
      row('GD20261201003', '梅川路小区1号楼', { called: '昨天' }),
      row('GD20261201004', '梅川路小区1号楼', { phone: '12345' }),
      row('GD20261201005', '梅川路小区1号楼', { category: '天文观测' }),
      ['', '', '', '', '', '', '', ''],
      ['GD20261201006', '2026-12-01 10:00', '', '梅川路小区1号楼', '', '', '2026-12-05', ''],
      row('GD20261201007', '梅川路小区1号楼', { deadline: '2026-11-30' }),
    ];
    const plan = planHotline(rows, {}, index);
    expect(plan.problems).toEqual([
      { row: 4, message: '第 4 行：「工单编号」「GD20261201001」与第 2 行重复' },
      { row: 5, message: '第 5 行：「来电时间」「昨天」不是日期时间（如 2026-12-01 09:30）' },
      { row: 6, message: '第 6 行：「联系电话」「12345」应为 11 位手机号或带区号的固定电话' },
      { row: 7, message: expect.stringContaining('第 7 行：「诉求分类」「天文观测」对应不到点单类别') },
      { row: 9, message: '第 9 行：「诉求内容」不能为空' },
      { row: 10, message: '第 10 行：「办理时限」早于「来电时间」' },
    ]);
    expect(plan.tickets).toEqual([
      {
        row: 2,
        ticket: 'GD20261201001',
        calledAt: at('2026-12-01T09:30:00'),
        content: '楼道灯不亮',
        address: '梅川路小区3号楼',
        contact: '王阿姨',
        phone: '13800000001',
        deadline: at('2026-12-05T23:59:59'),
        hotlineCategory: '城乡建设/路灯',
        category: '维修',
        buildingId: 'B1',
      },
      expect.objectContaining({ row: 3, ticket: 'GD20261201002', unplaced: { reason: 'unknown', candidates: [] } }),
    ]);
  });

  it('exports in the file’s own layout with 办理结果, 办结时间, 回访结果 after it', () => {
    const plan = planHotline(
      [
        ['序号', ...HEADER],
        ['1', ...row('GD20261201001', '梅川路小区3号楼')],
      ],
      {},
      index,
    );
    expect(HOTLINE_RESULT_COLUMNS).toEqual(['办理结果', '办结时间', '回访结果']);
    const cells = { ticket: 'GD20261201001', address: '梅川路小区3号楼', content: '楼道灯不亮' };
    expect(exportRow(['序号', ...HEADER], plan.columns, cells, { result: '已更换灯泡', completedAt: at('2026-12-03T16:05:00'), visit: '满意' })).toEqual([
      '',
      'GD20261201001',
      '',
      '楼道灯不亮',
      '梅川路小区3号楼',
      '',
      '',
      '',
      '',
      '已更换灯泡',
      '2026-12-03 16:05',
      '满意',
    ]);
  });
});
