import { describe, expect, it } from 'vitest';
import { applicationGaps, isApplicationGuard } from './applicationGuards';
import type { ApplicationFacts } from './applicationRepository';

const complete: ApplicationFacts = {
  files: { evaluation_evidence: 1, capacity_proof: 2, acceptance_report: 1, monitoring_before: 1, monitoring_after: 1 },
  rectificationSinceRejected: 1,
  hasEvaluationOpinion: true,
  currentOpinion: { evaluation: true, acceptance: true },
};
const fields = (gaps: ReturnType<typeof applicationGaps>) => gaps.map((g) => g.field ?? g.label['zh-CN']);

describe('application guards', () => {
  it('pass with complete facts', () => {
    for (const guard of ['evaluationMaterialsAttached', 'reviewOpinionAttached', 'acceptanceMaterialsAttached', 'acceptanceOpinionAttached', 'rectificationEvidenceAttached'] as const) {
      expect(applicationGaps(guard, { application: complete, reportCount: 1 }, 0)).toEqual([]);
    }
    expect(applicationGaps('noticeIssued', undefined, 1)).toEqual([]);
    expect(applicationGaps('evidenceAttached', undefined, 2)).toEqual([]);
  });

  it('name every missing item, in order', () => {
    const empty: ApplicationFacts = {
      files: { evaluation_evidence: 0, capacity_proof: 0, acceptance_report: 0, monitoring_before: 0, monitoring_after: 0 },
      rectificationSinceRejected: 0,
      hasEvaluationOpinion: false,
      currentOpinion: { evaluation: false, acceptance: false },
    };
    expect(fields(applicationGaps('evaluationMaterialsAttached', { application: empty, reportCount: 0 }, 0))).toEqual([
      'files.report',
      'files.evaluation_evidence',
      'files.capacity_proof',
    ]);
    expect(fields(applicationGaps('acceptanceMaterialsAttached', { application: empty, reportCount: 3 }, 0))).toEqual([
      'opinions.evaluation',
      'files.acceptance_report',
      'files.monitoring_before',
      'files.monitoring_after',
    ]);
    expect(fields(applicationGaps('reviewOpinionAttached', { application: empty }, 0))).toEqual(['opinions.evaluation']);
    expect(fields(applicationGaps('acceptanceOpinionAttached', { application: empty }, 0))).toEqual(['opinions.acceptance']);
    expect(fields(applicationGaps('rectificationEvidenceAttached', { application: empty }, 0))).toEqual(['files.rectification']);
    expect(fields(applicationGaps('noticeIssued', { application: complete }, 0))).toEqual(['本次操作的附件']);
  });

  it('miss everything without facts (a guard never passes by default)', () => {
    expect(applicationGaps('evaluationMaterialsAttached', undefined, 0)).toHaveLength(3);
    expect(applicationGaps('acceptanceOpinionAttached', undefined, 0)).toHaveLength(1);
    expect(isApplicationGuard('panelComplete')).toBe(false);
    expect(isApplicationGuard('rectificationEvidenceAttached')).toBe(true);
  });
});
