import { describe, expect, it } from 'vitest';
import { caseProblems, suggestedStep, violationForDeadline } from './enforcement';
import { reasonsFor } from './planSuggestions';

describe('caseProblems', () => {
  const fine = { violationType: 'not_audited', legalBasis: 'measures_art37', measure: 'fine' } as const;
  it('holds a fine for not auditing to ¥50,000–500,000', () => {
    expect(caseProblems({ ...fine, fineAmount: 50_000 })).toEqual([]);
    expect(caseProblems({ ...fine, fineAmount: 500_000 })).toEqual([]);
    expect(caseProblems({ ...fine, fineAmount: 49_999.99 }).map((p) => p.code)).toEqual(['fineOutOfRange']);
    expect(caseProblems({ ...fine, fineAmount: 500_000.01 }).map((p) => p.code)).toEqual(['fineOutOfRange']);
  });
  it('holds a fine for not disclosing to at most ¥100,000', () => {
    const c = { violationType: 'not_disclosed', legalBasis: 'law_art36', measure: 'order_correction_fine' } as const;
    expect(caseProblems({ ...c, fineAmount: 1 })).toEqual([]);
    expect(caseProblems({ ...c, fineAmount: 100_001 }).map((p) => p.field)).toEqual(['fineAmount']);
  });
  it('needs the amount of a fine only for the decision, and no amount without a fine', () => {
    expect(caseProblems({ ...fine, fineAmount: null })).toEqual([]);
    expect(caseProblems({ ...fine, fineAmount: null }, true).map((p) => p.code)).toEqual(['fineRequired']);
    expect(caseProblems({ ...fine, measure: 'order_correction', fineAmount: 1000 }).map((p) => p.code)).toEqual(['fineNotAllowed']);
  });
  it('matches the basis to the violation and the measure to the basis', () => {
    expect(caseProblems({ ...fine, legalBasis: 'law_art36', fineAmount: 60_000 }).map((p) => p.field)).toEqual(['legalBasis']);
    expect(caseProblems({ ...fine, measure: 'order_correction_fine', fineAmount: 60_000 }).map((p) => p.field)).toEqual(['measure']);
    expect(caseProblems({ violationType: 'other', legalBasis: 'other', measure: 'fine', fineAmount: 1_000_000 })).toEqual([]);
  });
});

describe('suggestedStep (order to correct → penalty → rollover)', () => {
  const none = { orderOpen: false, orderDecidedDue: null, penaltyOpen: false, penaltyDecidedOn: null };
  const today = '2026-06-15';
  it('starts with an order to correct', () => {
    expect(suggestedStep(none, today)).toBe('orderCorrection');
    expect(suggestedStep({ ...none, orderOpen: true }, today)).toBeNull();
  });
  it('proposes the penalty once the correction period has passed', () => {
    expect(suggestedStep({ ...none, orderDecidedDue: '2026-06-14' }, today)).toBe('penalty');
    expect(suggestedStep({ ...none, orderDecidedDue: '2026-06-15' }, today)).toBeNull();
    expect(suggestedStep({ ...none, orderDecidedDue: '' }, today)).toBe('penalty');
    expect(suggestedStep({ ...none, orderDecidedDue: '2026-01-01', penaltyOpen: true }, today)).toBeNull();
  });
  it('rolls over after the end of the year of the penalty', () => {
    expect(suggestedStep({ ...none, penaltyDecidedOn: '2026-03-01' }, today)).toBeNull();
    expect(suggestedStep({ ...none, penaltyDecidedOn: '2025-12-31' }, today)).toBe('rollover');
  });
  it('maps the late deadline to the violation', () => {
    expect(violationForDeadline('disclose')).toBe('not_disclosed');
    expect(violationForDeadline('report')).toBe('not_audited');
  });
});

describe('reasonsFor (附件4 suggestions)', () => {
  it('pre-fills the listing reasons from the rules', () => {
    expect(reasonsFor(['fiveYear'], [], false)).toEqual(['toxic']);
    expect(reasonsFor(['keyIndustryRisk'], [], true)).toEqual(['key_industry', 'dual_exceed']);
    expect(reasonsFor(['unfinished'], ['high_energy'], false)).toEqual(['high_energy']);
  });
});
