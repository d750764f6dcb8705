import { describe, expect, it } from 'vitest';
import { mean, ratio, statusChangeProblem } from './agencies';

describe('agency performance arithmetic', () => {
  it('rounds shares to 4 decimals and has no share of nothing', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(0, 0)).toBeNull();
  });

  it('averages panel scores to one decimal', () => {
    expect(mean(300, 4)).toBe(75);
    expect(mean(65 + 91 + 84.5, 3)).toBe(80.2); // 240.5 / 3 = 80.1666…
    expect(mean(0, 0)).toBeNull();
  });

  it('refuses a status decision that changes nothing', () => {
    expect(statusChangeProblem('warned', 'warned')).toBe('unchanged');
    expect(statusChangeProblem('normal', 'dishonest')).toBeNull();
    expect(statusChangeProblem('dishonest', 'normal')).toBeNull();
  });
});
