/** The order machine as data: kinds agree with the status lists, the old from/to table holds, and every word the timeline ever stored reads back as code + data and shows the same. */
import { fromWords } from '../../../backend/orders/migrate';
import type { WordsEntry } from '../../../backend/orders/repo';
import { ORDER_MACHINE, TRANSITIONS, canTransition, orderLabel, orderNote } from '../../../shared/orders/machine';
import { DONE_STATUSES, OPEN_STATUSES, ORDER_STATUSES } from '../../../shared/orders/model';
import { statesOfKind } from '../../../shared/records/machine';

describe('the order machine', () => {
  it('has every status, and the open/closed lists the mini-program reads are its kinds', () => {
    expect(Object.keys(ORDER_MACHINE.states)).toEqual([...ORDER_STATUSES]);
    expect(statesOfKind(ORDER_MACHINE, 'open', 'active', 'done')).toEqual([...OPEN_STATUSES]);
    expect(statesOfKind(ORDER_MACHINE, 'closed')).toEqual([...DONE_STATUSES]);
    expect(statesOfKind(ORDER_MACHINE, 'active')).toEqual(['in_progress']);
  });

  it('keeps the from/to table callers check against', () => {
    expect(TRANSITIONS.claim).toMatchObject({ from: ['pooled'], to: 'in_progress' });
    expect(TRANSITIONS.cancel.from).toEqual(['new', 'triaged', 'pooled', 'assigned']);
    expect(canTransition('reassign', 'in_progress')).toBe(true);
    expect(canTransition('rate', 'in_progress')).toBe(false);
    for (const t of Object.values(ORDER_MACHINE.transitions)) expect(t.by.length).toBeGreaterThan(0);
  });

  it('shows an unknown code as itself', () => {
    expect(orderLabel({ code: 'somethingNew' })).toBe('somethingNew');
  });
});

/** Every shape of words backend/orders wrote before codes, with its note, and the code and data it must become. */
const OLD: Array<[action: string, note: string | undefined, code: string, data?: Record<string, unknown>, keptNote?: string]> = [
  ['提交点单', undefined, 'file'],
  ['代居民点单（民情日记）', undefined, 'fileForResident'],
  ['急时自动派单', '社区处于急时（台风“梅花”过境）：跳过分拣，按红色事项派到社区抢单池', 'emergency', { reason: '台风“梅花”过境' }],
  ['急时自动派单', '社区处于急时（）：跳过分拣，按红色事项派到社区抢单池', 'emergency', { reason: null }],
  ['分拣为黄色', undefined, 'triage', { colour: 'yellow' }],
  ['分拣为红色，类别改为安全隐患', undefined, 'triage', { colour: 'red', category: '安全隐患' }],
  ['不予受理', '不属于社区受理范围', 'reject', undefined, '不属于社区受理范围'],
  ['派单给党员张伟', undefined, 'dispatch', { member: '张伟' }],
  ['派到网格抢单池', undefined, 'pool', { level: 'grid', skill: null }],
  ['派到社区抢单池（需水电维修）', undefined, 'pool', { level: 'community', skill: '水电维修' }],
  ['改派给党员第二位党员', '张伟出差', 'reassign', { member: '第二位党员' }, '张伟出差'],
  ['接单', undefined, 'claim'],
  ['接受派单', undefined, 'accept'],
  ['婉拒派单', '这周出差，来不及', 'decline', undefined, '这周出差，来不及'],
  ['更新进展', '已买好灯泡', 'progress', { delayed: false }, '已买好灯泡'],
  ['延期说明', '配件要等三天', 'progress', { delayed: true }, '配件要等三天'],
  ['退回抢单池', '不会修', 'release', undefined, '不会修'],
  ['办结', '已更换灯泡', 'complete', undefined, '已更换灯泡'],
  ['确认并评价', '5 星', 'rate', { stars: 5 }],
  ['确认并评价', '4 星：很及时：谢谢', 'rate', { stars: 4 }, '很及时：谢谢'],
  ['评价不满意，申请重办', '2 星：灯又坏了', 'reopen', { stars: 2 }, '灯又坏了'],
  ['说明情况后办结', '已联系物业', 'closeReopened', undefined, '已联系物业'],
  ['撤单', '门禁已经自己修好了', 'cancel', undefined, '门禁已经自己修好了'],
  ['添加备注', '已电话联系居民', 'note', undefined, '已电话联系居民'],
  ['超时未响应，升级到上一级', undefined, 'escalate', { deadline: 'respond', top: false }],
  ['超时未办结，升级到上一级（已在最高一级）', undefined, 'escalate', { deadline: 'resolve', top: true }],
  ['7 天未评价，自动办结（未评价）', undefined, 'autoClose', { days: 7 }],
  ['一句没有规则认得的话', '备注照旧', 'words', { words: '一句没有规则认得的话' }, '备注照旧'],
];

describe('stored words → code + data', () => {
  it.each(OLD.map(([action, note, code, data, keptNote]) => ({ action, note, code, data, keptNote })))('$action → $code', ({ action, note, code, data, keptNote }) => {
    const old: WordsEntry = { at: 1, actorId: 'u', actorName: '某人', role: '网格员', action, ...(note ? { note } : {}) };
    const e = fromWords(old);
    expect(e).toEqual({ at: 1, actorId: 'u', actorName: '某人', role: '网格员', code, ...(data ? { data } : {}), ...(keptNote ? { note: keptNote } : {}) });
    // Shown exactly as before: the same words, the same note.
    expect(orderLabel(e)).toBe(action);
    expect(orderNote(e)).toBe(note ?? null);
  });
});
