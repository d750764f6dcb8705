import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../../../shared/domain/summaryColumns';
import { buildSummarySql, SUMMARY_MEASURES } from './summaryRepository';

describe('the 附件3 SQL', () => {
  it('has one measure per catalogue column', () => {
    expect(Object.keys(SUMMARY_MEASURES).sort()).toEqual(SUMMARY_COLUMNS.map((c) => c.key).sort());
    for (const c of SUMMARY_COLUMNS.filter((x) => x.indicator)) expect(SUMMARY_MEASURES[c.key]).toContain(`b."${c.indicator}"`);
  });

  it('is one parameterised statement, with a total only for the whole city', () => {
    const city = buildSummarySql('500000', 2040);
    expect(city.text).toContain('GROUP BY ROLLUP (district_code)');
    expect(city.text).toContain('UNION ALL SELECT NULL');
    expect(city.values).toEqual(['500000', 2040, '2040-01-01T00:00:00+08:00', '2041-01-01T00:00:00+08:00', '2040-01-01', '2040-12-31', '500000']);
    const district = buildSummarySql('500000', 2040, '500112');
    expect(district.text).not.toContain('UNION ALL SELECT NULL');
    expect(district.values).toContain('500112');
    expect(district.text).not.toContain('500112');
  });
});
