import { describe, expect, it } from 'vitest';
import {
  assignmentFlags,
  isWorkingDay,
  materialsDeadline,
  materialsStatus,
  preReviewProblems,
  preReviewsVisible,
  signatureMatches,
  subtractWorkingDays,
  validateLeadDays,
} from './expertWork';

describe('subtractWorkingDays', () => {
  it('counts back working days within a week', () => {
    expect(subtractWorkingDays('2026-12-03', 3)).toBe('2026-11-30'); // Thu → Mon
    expect(subtractWorkingDays('2026-12-04', 1)).toBe('2026-12-03'); // Fri → Thu
  });

  it('skips Saturdays and Sundays', () => {
    expect(subtractWorkingDays('2026-12-07', 1)).toBe('2026-12-04'); // Mon → Fri
    expect(subtractWorkingDays('2026-12-08', 3)).toBe('2026-12-03'); // Tue → Thu of the week before
    expect(subtractWorkingDays('2026-12-14', 10)).toBe('2026-11-30'); // two whole weeks
  });

  it('counts from a meeting on a weekend day', () => {
    expect(subtractWorkingDays('2026-12-05', 3)).toBe('2026-12-02'); // Sat → Wed
    expect(subtractWorkingDays('2026-12-06', 1)).toBe('2026-12-04'); // Sun → Fri
  });

  it('crosses month and year ends, in leap and common years', () => {
    expect(subtractWorkingDays('2026-12-01', 3)).toBe('2026-11-26'); // Tue → Thu of November
    expect(subtractWorkingDays('2026-03-02', 3)).toBe('2026-02-25'); // common February
    expect(subtractWorkingDays('2024-03-04', 3)).toBe('2024-02-28'); // leap February: 29th counts
    expect(subtractWorkingDays('2027-01-04', 3)).toBe('2026-12-30'); // across the new year
  });

  it('gives the date itself for zero and refuses bad input', () => {
    expect(subtractWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
    expect(() => subtractWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => subtractWorkingDays('2026-12-05', -1)).toThrow(RangeError);
    expect(() => subtractWorkingDays('2026-12-05', 1.5)).toThrow(RangeError);
  });

  it('knows the working days', () => {
    expect(['2026-11-30', '2026-12-04', '2026-12-05', '2026-12-06'].map(isWorkingDay)).toEqual([true, true, false, false]);
  });
});

describe('materialsDeadline', () => {
  it('defaults to 3 working days before the meeting and follows the city setting', () => {
    expect(materialsDeadline('2026-12-03')).toBe('2026-11-30');
    expect(materialsDeadline('2026-12-03', 5)).toBe('2026-11-26');
    expect(materialsDeadline(null)).toBeNull();
  });

  it('validates the setting', () => {
    expect(validateLeadDays(3)).toBeNull();
    expect(validateLeadDays(0)).toBeNull();
    expect(validateLeadDays(21)).toBe('outOfRange');
    expect(validateLeadDays(-1)).toBe('outOfRange');
    expect(validateLeadDays(2.5)).toBe('notInteger');
  });
});

describe('materialsStatus', () => {
  it('compares the day the material was complete with the deadline', () => {
    expect(materialsStatus('2026-11-30', '2026-11-30', '2026-12-10')).toBe('inTime');
    expect(materialsStatus('2026-11-30', '2026-12-01', '2026-12-10')).toBe('late');
    expect(materialsStatus('2026-11-30', null, '2026-11-30')).toBe('pending');
    expect(materialsStatus('2026-11-30', null, '2026-12-01')).toBe('missing');
    expect(materialsStatus(null, '2026-11-01', '2026-12-01')).toBe('unscheduled');
  });
});

describe('assignmentFlags', () => {
  const base = { meetingOn: '2026-12-10', decided: false, conflict: false, workOpen: true };
  it('flags open work due soon before the meeting and overdue after it', () => {
    expect(assignmentFlags({ ...base, today: '2026-12-06' })).toEqual({ overdue: false, dueSoon: false });
    expect(assignmentFlags({ ...base, today: '2026-12-07' })).toEqual({ overdue: false, dueSoon: true });
    expect(assignmentFlags({ ...base, today: '2026-12-10' })).toEqual({ overdue: false, dueSoon: true });
    expect(assignmentFlags({ ...base, today: '2026-12-11' })).toEqual({ overdue: true, dueSoon: false });
  });
  it('flags nothing when the work is done, the panel decided, a conflict was declared or no meeting is set', () => {
    const none = { overdue: false, dueSoon: false };
    expect(assignmentFlags({ ...base, today: '2026-12-11', workOpen: false })).toEqual(none);
    expect(assignmentFlags({ ...base, today: '2026-12-11', decided: true })).toEqual(none);
    expect(assignmentFlags({ ...base, today: '2026-12-11', conflict: true })).toEqual(none);
    expect(assignmentFlags({ ...base, today: '2026-12-11', meetingOn: null })).toEqual(none);
  });
});

describe('preReviewsVisible', () => {
  it('opens pre-reviews from the meeting day, or once the panel decided', () => {
    expect(preReviewsVisible({ meetingOn: '2026-12-10', decided: false, today: '2026-12-09' })).toBe(false);
    expect(preReviewsVisible({ meetingOn: '2026-12-10', decided: false, today: '2026-12-10' })).toBe(true);
    expect(preReviewsVisible({ meetingOn: null, decided: false, today: '2026-12-10' })).toBe(false);
    expect(preReviewsVisible({ meetingOn: null, decided: true, today: '2026-12-10' })).toBe(true);
  });
});

describe('preReviewProblems', () => {
  it('lets drafts be incomplete but checks the conclusion against the kind', () => {
    expect(preReviewProblems('evaluation', { overallImpression: '较好' }, false)).toEqual({});
    expect(preReviewProblems('evaluation', { preliminaryConclusion: 'accepted' }, false)).toEqual({ preliminaryConclusion: 'conclusionOfOtherKind' });
    expect(preReviewProblems('acceptance', { preliminaryConclusion: 'accepted' }, false)).toEqual({});
  });
  it('names every required field missing on submission; questions are optional', () => {
    expect(preReviewProblems('evaluation', { overallImpression: ' ', questions: null }, true)).toEqual({
      overallImpression: 'required',
      mainProblems: 'required',
      suggestedRevisions: 'required',
      preliminaryConclusion: 'required',
    });
    const full = { overallImpression: 'a', mainProblems: 'b', suggestedRevisions: 'c', preliminaryConclusion: 'pass' };
    expect(preReviewProblems('evaluation', full, true)).toEqual({});
  });
});

describe('signatureMatches', () => {
  it('compares the typed name with the account name, ignoring outer and repeated spaces and case', () => {
    expect(signatureMatches(' 张 明 ', '张 明')).toBe(true);
    expect(signatureMatches('zhang  ming', 'Zhang Ming')).toBe(true);
    expect(signatureMatches('张明', '张敏')).toBe(false);
    expect(signatureMatches('  ', '')).toBe(false);
  });
});
