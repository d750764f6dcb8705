import { describe, expect, it } from 'vitest';
import {
  isSummaryMilestone,
  SUMMARY_COLUMNS,
  SUMMARY_GROUPS,
  summaryColumn,
  summaryDiff,
} from './summaryColumns';

describe('the 附件3 column catalogue', () => {
  it('has unique keys, every group used in order, labels, units and definitions in both languages', () => {
    expect(new Set(SUMMARY_COLUMNS.map((c) => c.key)).size).toBe(SUMMARY_COLUMNS.length);
    const groups = SUMMARY_COLUMNS.map((c) => c.group).filter((g, i, all) => all.indexOf(g) === i);
    expect(groups).toEqual([...SUMMARY_GROUPS]);
    for (const c of SUMMARY_COLUMNS) {
      for (const text of [c.label, c.unit, c.definition]) {
        expect(text['zh-CN'].trim(), c.key).not.toBe('');
        expect(text.en.trim(), c.key).not.toBe('');
      }
      expect(c.source === 'round' ? c.decimals : 0, c.key).toBe(0);
    }
    expect(summaryColumn('heavyMetals')?.unit['zh-CN']).toBe('千克/年');
    expect(summaryColumn('nope')).toBeUndefined();
  });

  it('diffs live figures against a snapshot column by column', () => {
    const diff = summaryDiff({ listed: 2, economic: 40.5 }, { listed: 3, economic: 40.25, cod: 0.1 });
    expect(diff.listed).toBe(1);
    expect(diff.economic).toBe(-0.25);
    expect(diff.cod).toBe(0.1);
    expect(diff.started).toBe(0);
    expect(Object.keys(diff)).toHaveLength(SUMMARY_COLUMNS.length);
  });

  it('recognises the summary milestone of a campaign', () => {
    expect(isSummaryMilestone('报送本年度工作总结（附件3）及下一年度工作计划', 'district_staff')).toBe(true);
    expect(isSummaryMilestone('Submit the annual summary', 'district_staff')).toBe(true);
    expect(isSummaryMilestone('完成本年度评估工作', 'district_staff')).toBe(false);
    expect(isSummaryMilestone('报送工作总结', 'city_staff')).toBe(false);
  });
});
