import type { ScoreSheetKind } from '../../../shared/domain/scoring';
import { validatePanelSize } from '../../../shared/domain/scoring';
import type { Queryable } from '../../db/types';
import { gradingRule } from './configRepository';

/** What the review guards of the round state machine look at, loaded inside the transition's transaction. */
export interface ReviewFacts {
  /** The open panel of the kind the round's current state reviews (evaluation_review / acceptance_review). */
  openPanel: { sizeOk: boolean; allDeclaredNoConflict: boolean; allSubmitted: boolean } | null;
  /** False only when the latest decided evaluation passed after revision and the district has not confirmed the revised report. */
  revisionConfirmed: boolean;
}

export type ReviewGuard = 'panelComplete' | 'allScoresIn' | 'revisionConfirmed';

export async function loadReviewFacts(db: Queryable, roundId: string): Promise<ReviewFacts> {
  const { rows } = await db.query<{ state: string; cityCode: string }>(
    'SELECT state, city_code AS "cityCode" FROM audit_rounds WHERE id = $1',
    [roundId],
  );
  const round = rows[0];
  if (!round) return { openPanel: null, revisionConfirmed: false };
  const kind: ScoreSheetKind = round.state === 'acceptance_review' ? 'acceptance' : 'evaluation';
  const members = await db.query<{ active: number; declaredNone: number; submitted: number }>(
    `SELECT count(*)::int AS active,
            count(*) FILTER (WHERE m.has_conflict = false)::int AS "declaredNone",
            count(*) FILTER (WHERE m.submitted_at IS NOT NULL)::int AS submitted
       FROM review_panels p JOIN panel_members m ON m.panel_id = p.id AND m.replaced_at IS NULL
      WHERE p.round_id = $1 AND p.kind = $2 AND p.decided_at IS NULL`,
    [roundId, kind],
  );
  const open = await db.query('SELECT 1 FROM review_panels WHERE round_id = $1 AND kind = $2 AND decided_at IS NULL', [roundId, kind]);
  const latest = await db.query<{ grade: string; confirmed: boolean }>(
    `SELECT grade, revision_confirmed_at IS NOT NULL AS confirmed FROM review_panels
      WHERE round_id = $1 AND kind = 'evaluation' AND decided_at IS NOT NULL ORDER BY decided_at DESC, id DESC LIMIT 1`,
    [roundId],
  );
  const last = latest.rows[0];
  const revisionConfirmed = !last || last.grade !== 'pass_with_revision' || last.confirmed;
  if (open.rows.length === 0) return { openPanel: null, revisionConfirmed };
  const c = members.rows[0] ?? { active: 0, declaredNone: 0, submitted: 0 };
  const rule = await gradingRule(db, round.cityCode);
  return {
    openPanel: {
      sizeOk: validatePanelSize(c.active, rule).ok,
      allDeclaredNoConflict: c.active > 0 && c.declaredNone === c.active,
      allSubmitted: c.active > 0 && c.submitted === c.active,
    },
    revisionConfirmed,
  };
}

/** The review guards; absent facts fail. */
export function reviewGuardPasses(guard: ReviewGuard, facts: ReviewFacts | undefined): boolean {
  if (!facts) return false;
  switch (guard) {
    case 'panelComplete':
      return !!facts.openPanel && facts.openPanel.sizeOk && facts.openPanel.allDeclaredNoConflict;
    case 'allScoresIn':
      return !!facts.openPanel && facts.openPanel.allSubmitted;
    case 'revisionConfirmed':
      return facts.revisionConfirmed;
  }
}
