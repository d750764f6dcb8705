import { describe, expect, it } from 'vitest';
import { parseContact, parseDate, parseReasons, parseYear } from './importValidation';

describe('import cell parsing', () => {
  it('maps Chinese reason labels (separated by 、 or commas) to codes and names unknown or repeated ones', () => {
    expect(parseReasons('双超、双有')).toEqual({ reasons: ['dual_exceed', 'toxic'], problems: [] });
    expect(parseReasons('高耗能, 重点行业').reasons).toEqual(['high_energy', 'key_industry']);
    expect(parseReasons('重点行业，双超').reasons).toEqual(['key_industry', 'dual_exceed']);
    expect(parseReasons('').problems).toEqual([{ field: 'reasons', code: 'reasons.missing' }]);
    expect(parseReasons('双超、超标').problems).toEqual([{ field: 'reasons', code: 'reasons.unknown', params: { value: '超标' } }]);
    expect(parseReasons('双超、双超').problems[0]?.code).toBe('reasons.duplicate');
  });

  it('reads years and dates in the usual spellings and refuses impossible ones', () => {
    expect(parseYear('2022')).toBe(2022);
    expect(parseYear('2022年')).toBe(2022);
    expect(parseYear('2022年度')).toBe(2022);
    expect(parseYear('1999')).toBeNull();
    expect(parseYear('明年')).toBeNull();
    expect(parseDate('2016-05-20')).toBe('2016-05-20');
    expect(parseDate('2016/5/2')).toBe('2016-05-02');
    expect(parseDate('2016年5月20日')).toBe('2016-05-20');
    expect(parseDate('2019-02-29')).toBeNull();
    expect(parseDate('2020-02-29')).toBe('2020-02-29');
    expect(parseDate('2016年')).toBeNull();
  });

  it('splits 联系人/电话 and checks the phone', () => {
    expect(parseContact('王五/13912345678')).toEqual({ name: '王五', phone: '13912345678', problems: [] });
    expect(parseContact('王五 023-67891234')).toMatchObject({ name: '王五', phone: '023-67891234', problems: [] });
    expect(parseContact('13912345678')).toMatchObject({ name: null, phone: '13912345678' });
    expect(parseContact('')).toEqual({ name: null, phone: null, problems: [] });
    expect(parseContact('王五/12345').problems[0]?.code).toBe('contact.phoneInvalid');
  });
});
