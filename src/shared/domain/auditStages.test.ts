import { describe, expect, it } from 'vitest';
import { AUDIT_STAGES, AUDIT_STAGE_HINTS, AUDIT_STAGE_LABELS, STAGE_RECORDING_STATES, nextAuditStage } from './auditStages';
import { ROUND_STATES } from './roundStates';

describe('audit stages', () => {
  it('are the seven stages of DOMAIN §4 in order', () => {
    expect(AUDIT_STAGES.map((s) => AUDIT_STAGE_LABELS[s]['zh-CN'])).toEqual([
      '审核准备', '预审核', '审核', '方案产生和筛选', '可行性分析', '方案实施', '持续清洁生产',
    ]);
    for (const s of AUDIT_STAGES) {
      expect(AUDIT_STAGE_LABELS[s].en).not.toBe('');
      expect(AUDIT_STAGE_HINTS[s]['zh-CN']).not.toBe('');
    }
  });

  it('names the next stage from the number completed', () => {
    expect(nextAuditStage(0)).toBe('preparation');
    expect(nextAuditStage(3)).toBe('options');
    expect(nextAuditStage(6)).toBe('continuous');
    expect(nextAuditStage(7)).toBeNull();
  });

  it('are recorded from the audit start until acceptance', () => {
    const allowed = new Set<string>(STAGE_RECORDING_STATES);
    expect(allowed.has('audit_started')).toBe(true);
    expect(allowed.has('acceptance_rejected')).toBe(true);
    for (const s of ['listed', 'notified', 'disclosed', 'accepted', 'closed', 'withdrawn', 'rolled_over', 'referred']) {
      expect(allowed.has(s)).toBe(false);
    }
    expect(STAGE_RECORDING_STATES.every((s) => (ROUND_STATES as readonly string[]).includes(s))).toBe(true);
  });
});
