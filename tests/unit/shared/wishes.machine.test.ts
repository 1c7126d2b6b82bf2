/** The wish machine as data: kinds, the old from/to table and names derived from it, and every word the timeline stored reads back as code + data and shows the same. */
import { codedEntry } from '../../../backend/wishes/migrate';
import { statesOfKind } from '../../../shared/records/machine';
import { WISH_MACHINE, wishLabel } from '../../../shared/wishes/machine';
import { PUBLIC_STATUSES, WISH_STATUSES, WISH_STATUS_NAMES, WISH_TRANSITIONS, canWishTransition } from '../../../shared/wishes/model';

describe('the wish machine', () => {
  it('has every status with its name and kind', () => {
    expect(Object.keys(WISH_MACHINE.states).sort()).toEqual([...WISH_STATUSES].sort());
    expect(WISH_STATUS_NAMES).toEqual({ pending: '待审核', rejected: '未通过', published: '待认领', claimed: '圆梦中', delivered: '待确认', fulfilled: '已圆梦' });
    expect(statesOfKind(WISH_MACHINE, 'closed')).toEqual(['rejected', 'fulfilled']);
    expect(PUBLIC_STATUSES.every((s) => s !== 'pending' && s !== 'rejected')).toBe(true);
  });

  it('keeps the from/to table callers check against, and says who takes each step', () => {
    expect(WISH_TRANSITIONS.claim).toMatchObject({ from: ['published'], to: 'claimed' });
    expect(WISH_TRANSITIONS.lapse).toMatchObject({ from: ['claimed'], to: 'published' });
    expect(canWishTransition('confirm', 'delivered')).toBe(true);
    expect(canWishTransition('deliver', 'published')).toBe(false);
    expect(WISH_MACHINE.transitions.lapse.by).toEqual(['system']);
    for (const t of Object.values(WISH_MACHINE.transitions)) expect(t.by.length).toBeGreaterThan(0);
  });
});

/** Every wording backend/wishes wrote before codes, and the code and data it becomes. */
const OLD: Array<[action: string, code: string, data: Record<string, unknown> | null]> = [
  ['许心愿', 'post', { onBehalf: false }],
  ['代居民许心愿', 'post', { onBehalf: true }],
  ['审核通过并发布', 'approve', { edited: false }],
  ['修改公开内容并发布', 'approve', { edited: true }],
  ['审核未通过', 'reject', null],
  ['认领心愿', 'claim', null],
  ['认领超过期限未圆梦（原认领人：张伟），回到心愿墙', 'lapse', { claimantName: '张伟' }],
  ['认领超过期限未圆梦（原认领人：），回到心愿墙', 'lapse', { claimantName: '' }],
  ['登记圆梦', 'deliver', null],
  ['确认圆梦', 'confirm', null],
  ['一句没有规则认得的话', 'words', { words: '一句没有规则认得的话' }],
];

describe('words stored before codes', () => {
  const stamp = { at: 1, actorId: 'u-staff', actorName: '孙丽', role: '社区工作人员' };
  it.each(OLD)('%s → %s, shown in the same words', (action, code, data) => {
    const entry = codedEntry({ ...stamp, action, note: '备注照旧' });
    expect(entry).toEqual({ ...stamp, code, ...(data ? { data } : {}), note: '备注照旧' });
    expect(wishLabel(entry)).toBe(action);
  });

  it('an entry with a code is left as it is', () => {
    const coded = { ...stamp, code: 'claim' };
    expect(codedEntry(coded)).toBe(coded);
  });
});
