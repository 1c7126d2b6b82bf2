/** Schema builders: Chinese messages that name the field, markup and control characters refused. */
import { AppError } from '../../../shared/errors';
import { input, int, mobile, oneOf, parseInput, text } from '../../../shared/validation';
import { maskMobile } from '../../../shared/users/mask';
import { formatWhen, shanghaiDay } from '../../../shared/time';

const schema = input({ 描述: text('描述', { min: 5, max: 10 }), phone: mobile('联系电话'), n: int('数量', 1, 3), kind: oneOf('类别', ['维修', '其他']) });
const fieldsOf = (data: unknown) => {
  try {
    parseInput(schema, data);
  } catch (e) {
    if (e instanceof AppError) return e.fields ?? {};
  }
  return null;
};

describe('parseInput', () => {
  const good = { 描述: '楼道灯坏了', phone: '13812345678', n: 2, kind: '维修' };
  it('accepts good input and trims text', () => {
    expect(parseInput(schema, { ...good, 描述: '  楼道灯坏了  ' })).toEqual(good);
  });
  it.each([
    [{ 描述: '灯坏' }, '描述', '描述至少需要 5 个字'],
    [{ 描述: '楼道灯坏了很久很久了啊啊' }, '描述', '描述不能超过 10 个字'],
    [{ 描述: '<a>楼道灯坏' }, '描述', '描述不能包含网页标签'],
    [{ phone: '12345' }, 'phone', '联系电话应为 11 位手机号'],
    [{ n: 1.5 }, 'n', '数量需为整数'],
    [{ n: 9 }, 'n', '数量不能大于 3'],
    [{ kind: '炸弹' }, 'kind', '类别不在可选范围内'],
    [{ extra: 1 }, 'extra', '不认识的字段：extra'],
  ])('%j → %s: %s', (patch, field, message) => {
    expect(fieldsOf({ ...good, ...patch })?.[field]).toBe(message);
  });
  it('refuses non-objects', () => {
    expect(fieldsOf([1])).toEqual({ _: '请求内容需为对象' });
  });
});

describe('display helpers', () => {
  it('masks phones', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(undefined)).toBeNull();
  });
  it('speaks Shanghai time', () => {
    const now = Date.parse('2026-11-22T04:00:00Z'); // 12:00 in Shanghai
    expect(formatWhen(Date.parse('2026-11-22T01:05:00Z'), now)).toBe('今天 09:05');
    expect(formatWhen(Date.parse('2026-11-21T15:59:00Z'), now)).toBe('昨天 23:59');
    expect(formatWhen(Date.parse('2026-03-02T02:00:00Z'), now)).toBe('3月2日 10:00');
    expect(shanghaiDay(Date.parse('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });
});
