import { describe, expect, it } from 'vitest';
import type { RuleOption } from '../../../shared/domain/options';
import { renderError } from '../../platform/errors';
import { guardPasses, type GuardContext } from '../rounds/transitions';
import { optionGuardNotMet, type OptionFacts } from './guards';

const base: RuleOption = {
  id: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  optionName: '冷凝水回收',
  description: null,
  category: 'low_cost',
  status: 'implemented',
  dropReason: null,
  investment: 2,
  feasibility: null,
  predicted: { water: 100 },
  actual: {},
};
const high: RuleOption = { ...base, id: '00000000-0000-4000-8000-000000000002', seq: 2, optionName: '膜处理回用', category: 'high_cost', status: 'proposed', investment: 300, feasibility: 'feasible' };

const ctx = (options: OptionFacts | undefined): GuardContext => ({
  role: 'enterprise_user',
  round: { listPublishedOn: '2021-02-26' },
  comment: null,
  facts: { reasons: [], disclosure: null, auditMode: 'self', engagedAgencyId: null, reportCount: 1, options },
});

describe('option guards in the transition command', () => {
  it('fail without option facts, and follow the register otherwise', () => {
    expect(guardPasses('optionsReadyForEvaluation', ctx(undefined))).toBe(false);
    expect(guardPasses('highCostOptionsSettled', ctx(undefined))).toBe(false);
    expect(guardPasses('optionsReadyForEvaluation', ctx({ options: [base, high], minOptions: 2 }))).toBe(true);
    expect(guardPasses('optionsReadyForEvaluation', ctx({ options: [base, high], minOptions: 3 }))).toBe(false);
    expect(guardPasses('highCostOptionsSettled', ctx({ options: [base, high], minOptions: 0 }))).toBe(false);
    expect(guardPasses('highCostOptionsSettled', ctx({ options: [base, { ...high, status: 'implemented' }], minOptions: 0 }))).toBe(true);
  });

  it('renders a 422 naming every gap in both languages', () => {
    const error = optionGuardNotMet('highCostOptionsSettled', 'applyForAcceptance', { options: [base, high], minOptions: 0 });
    expect(error.status).toBe(422);
    const zh = renderError(error, 'zh-CN', 'r1').error;
    expect(zh.code).toBe('GUARD_NOT_MET');
    expect(Object.keys(zh.fields ?? {})).toEqual(['guards.highCostOptionsSettled', 'options.2.status']);
    expect(zh.message).toBe(
      '不满足“申请验收”的前提条件：中/高费方案均已实施或已说明放弃理由（尚缺：第2项方案“膜处理回用”为“已提出”，须已实施或说明放弃理由）',
    );
    const en = renderError(error, 'en', 'r1').error;
    expect(en.message).toContain('option 2 "膜处理回用" is "Proposed"; it must be implemented or dropped with a reason');
  });
});
