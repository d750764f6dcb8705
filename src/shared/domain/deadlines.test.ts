import { describe, it, expect } from 'vitest';
import {
  DEFAULT_DEADLINE_RULES,
  DEADLINE_BY_STATE,
  addMonths,
  daysInMonth,
  daysLeft,
  isIsoDate,
  localIsoDate,
  nextDeadline,
  nextToxicAuditDue,
  roundDeadlines,
  validateDeadlineRules,
  type DeadlineRules,
} from './deadlines';
import { ROUND_STATES } from './roundStates';

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-03-31', 1)).toBe('2021-04-30');
    expect(addMonths('2021-08-31', 1)).toBe('2021-09-30');
    expect(addMonths('2021-01-30', 1)).toBe('2021-02-28');
    expect(addMonths('2021-01-28', 1)).toBe('2021-02-28');
  });

  it('handles leap days', () => {
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 48)).toBe('2024-02-29');
    expect(addMonths('2019-02-28', 12)).toBe('2020-02-28');
    expect(addMonths('2000-02-29', 1200)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29'); // 2000 is
    expect(addMonths('1900-01-31', 1)).toBe('1900-02-28'); // 1900 is not
  });

  it('crosses year ends in both directions', () => {
    expect(addMonths('2021-11-30', 2)).toBe('2022-01-30');
    expect(addMonths('2021-12-31', 1)).toBe('2022-01-31');
    expect(addMonths('2021-03-19', 12)).toBe('2022-03-19');
    expect(addMonths('2022-01-31', -2)).toBe('2021-11-30');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonths('2021-05-15', 0)).toBe('2021-05-15');
  });

  it('is not associative at month ends (clamping is per call)', () => {
    expect(addMonths(addMonths('2021-01-31', 1), 1)).toBe('2021-03-28');
    expect(addMonths('2021-01-31', 2)).toBe('2021-03-31');
  });

  it('rejects malformed or impossible dates and fractional months', () => {
    for (const bad of ['2021-02-29', '2021-13-01', '2021-00-10', '2021-1-5', '20210105', '2021-01-32', '', '2021-01-05T00:00']) {
      expect(() => addMonths(bad, 1), bad).toThrow(RangeError);
    }
    expect(() => addMonths('2021-01-05', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('knows month lengths and valid dates', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('counts days left, negative when overdue', () => {
    expect(daysLeft('2021-04-19', '2021-04-19')).toBe(0);
    expect(daysLeft('2021-04-19', '2021-04-18')).toBe(1);
    expect(daysLeft('2021-04-19', '2021-04-20')).toBe(-1);
    expect(daysLeft('2021-01-01', '2020-12-31')).toBe(1);
    expect(daysLeft('2020-12-31', '2021-01-01')).toBe(-1);
    expect(daysLeft('2020-03-01', '2020-02-28')).toBe(2);
    expect(daysLeft('2021-03-01', '2021-02-28')).toBe(1);
    expect(daysLeft('2021-01-01', '2020-01-01')).toBe(366);
    expect(daysLeft('2022-01-01', '2021-01-01')).toBe(365);
    // Across the dates European and American clocks change: no hour is lost or gained.
    expect(daysLeft('2021-04-01', '2021-03-01')).toBe(31);
    expect(daysLeft('2021-11-15', '2021-10-15')).toBe(31);
    expect(daysLeft('2030-01-01', '2021-01-01')).toBe(3287);
  });

  it('gives the local date at UTC+8 whatever the host time zone', () => {
    expect(localIsoDate(new Date('2020-12-31T16:00:00Z'))).toBe('2021-01-01');
    expect(localIsoDate(new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
    expect(localIsoDate(new Date('2021-03-28T01:30:00Z'), 0)).toBe('2021-03-28');
  });
});

describe('roundDeadlines', () => {
  it('counts from the list publication date with the default rules', () => {
    expect(roundDeadlines({ listPublishedOn: '2021-03-19', rules: DEFAULT_DEADLINE_RULES })).toEqual({
      disclose: '2021-04-19',
      start: '2021-05-19',
      report: '2022-03-19',
      acceptance: null,
    });
  });

  it('clamps month ends and counts acceptance from passing evaluation', () => {
    expect(
      roundDeadlines({ listPublishedOn: '2019-12-31', evaluationPassedOn: '2020-02-29', rules: DEFAULT_DEADLINE_RULES }),
    ).toEqual({ disclose: '2020-01-31', start: '2020-02-29', report: '2020-12-31', acceptance: '2021-02-28' });
    expect(
      roundDeadlines({ listPublishedOn: '2021-01-31', evaluationPassedOn: null, rules: DEFAULT_DEADLINE_RULES }).start,
    ).toBe('2021-03-31');
  });

  it('follows rules changed by the city', () => {
    const rules: DeadlineRules = {
      discloseMonths: 2,
      startMonths: 3,
      reportMonths: 10,
      acceptanceMonthsAfterEvaluation: 6,
      toxicIntervalYears: 3,
    };
    expect(roundDeadlines({ listPublishedOn: '2021-05-31', evaluationPassedOn: '2021-08-31', rules })).toEqual({
      disclose: '2021-07-31',
      start: '2021-08-31',
      report: '2022-03-31',
      acceptance: '2022-02-28',
    });
    expect(nextToxicAuditDue('2020-02-29', rules)).toBe('2023-02-28');
  });
});

describe('nextDeadline', () => {
  const deadlines = roundDeadlines({
    listPublishedOn: '2021-03-19',
    evaluationPassedOn: '2021-11-10',
    rules: DEFAULT_DEADLINE_RULES,
  });

  it('picks the deadline the round is working towards', () => {
    expect(nextDeadline('listed', deadlines)).toEqual({ kind: 'disclose', due: '2021-04-19' });
    expect(nextDeadline('notified', deadlines)).toEqual({ kind: 'disclose', due: '2021-04-19' });
    expect(nextDeadline('disclosed', deadlines)).toEqual({ kind: 'start', due: '2021-05-19' });
    expect(nextDeadline('audit_started', deadlines)).toEqual({ kind: 'report', due: '2022-03-19' });
    expect(nextDeadline('evaluation_failed', deadlines)).toEqual({ kind: 'report', due: '2022-03-19' });
    expect(nextDeadline('evaluated', deadlines)).toEqual({ kind: 'acceptance', due: '2022-11-10' });
    expect(nextDeadline('acceptance_rejected', deadlines)).toEqual({ kind: 'acceptance', due: '2022-11-10' });
  });

  it('has none while the bureau or the panel acts, when finished and in side states', () => {
    for (const s of ['plan_proposed', 'report_submitted', 'evaluation_review', 'accepted', 'closed', 'withdrawn', 'rolled_over', 'referred'] as const) {
      expect(nextDeadline(s, deadlines), s).toBeNull();
    }
  });

  it('has none for acceptance before evaluation is passed', () => {
    const early = roundDeadlines({ listPublishedOn: '2021-03-19', rules: DEFAULT_DEADLINE_RULES });
    expect(nextDeadline('evaluated', early)).toBeNull();
  });

  it('covers every state', () => {
    expect(Object.keys(DEADLINE_BY_STATE).sort()).toEqual([...ROUND_STATES].sort());
  });
});

describe('nextToxicAuditDue', () => {
  it('is five years after the last acceptance by default', () => {
    expect(nextToxicAuditDue('2017-06-30', DEFAULT_DEADLINE_RULES)).toBe('2022-06-30');
    expect(nextToxicAuditDue('2016-02-29', DEFAULT_DEADLINE_RULES)).toBe('2021-02-28');
  });
});

describe('validateDeadlineRules', () => {
  it('accepts the defaults', () => {
    expect(validateDeadlineRules(DEFAULT_DEADLINE_RULES)).toEqual({});
  });

  it('names each bad field', () => {
    expect(
      validateDeadlineRules({
        discloseMonths: 0,
        startMonths: 1.5,
        reportMonths: 12,
        acceptanceMonthsAfterEvaluation: Number.NaN,
        toxicIntervalYears: 11,
      }),
    ).toEqual({
      discloseMonths: { code: 'outOfRange', min: 1, max: 12 },
      startMonths: { code: 'notInteger' },
      acceptanceMonthsAfterEvaluation: { code: 'notInteger' },
      toxicIntervalYears: { code: 'outOfRange', min: 1, max: 10 },
    });
  });

  it('refuses disclosure or start deadlines later than the report deadline', () => {
    expect(validateDeadlineRules({ ...DEFAULT_DEADLINE_RULES, reportMonths: 3, startMonths: 4, discloseMonths: 3 })).toEqual({
      startMonths: { code: 'afterReport' },
    });
  });
});
