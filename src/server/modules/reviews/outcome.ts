import { addMonths } from '../../../shared/domain/deadlines';
import { resolveTarget, targetNeeds, type RoundState, type TransitionName } from '../../../shared/domain/roundStates';
import { GRADE_LABELS, panelResult, type ExpertScores, type ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Tx } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import { LocalizedError } from '../../platform/errors';
import type { Actor, RequestMeta } from '../../platform/context';
import { today } from '../rounds/service';
import { gradingRule, sheetById, toDomainSheet } from './configRepository';
import * as repo from './panelRepository';

/** The decision of a grade-decided transition (recordEvaluation / recordAcceptance). */
export interface ReviewOutcome {
  to: RoundState;
  panelId: string;
  score: number;
  grade: string;
  vetoItems: string[];
  /** Set when the evaluation passed (with or without revision): acceptance is due from then on. */
  evaluation?: { passedOn: string; acceptanceDue: string };
}

/**
 * Computes the open panel's result (its sheet version, the city's grading rule), stores the score, grade and
 * decision time on the panel, and returns the state the round goes to. Runs inside the transition's
 * transaction after the guards (panelComplete, allScoresIn) passed.
 */
export async function decideOutcome(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  round: { id: string; campaignId: string },
  name: TransitionName,
): Promise<ReviewOutcome> {
  const kind: ScoreSheetKind = targetNeeds(name) === 'acceptanceGrade' ? 'acceptance' : 'evaluation';
  const { rows } = await tx.query<{ id: string; sheetId: string; cityCode: string }>(
    `SELECT id, sheet_id AS "sheetId", city_code AS "cityCode" FROM review_panels
      WHERE round_id = $1 AND kind = $2 AND decided_at IS NULL FOR UPDATE`,
    [round.id, kind],
  );
  const panel = rows[0];
  if (!panel) throw new Error(`${name}: no open ${kind} panel although the guards passed`);
  const stored = await sheetById(tx, panel.sheetId);
  if (!stored) throw new Error(`panel ${panel.id} has no sheet`);
  const members = (await repo.panelMembers(tx, panel.id)).filter((m) => m.replacedAt === null);
  // Re-checked under the panel lock: a replacement may have committed after the guards were evaluated.
  if (members.length === 0 || members.some((m) => m.hasConflict !== false || !m.submittedAt || !m.scores)) {
    throw new LocalizedError('REVIEW_CONFLICT', {
      reason: { 'zh-CN': '专家组成员刚有变动，尚有专家未提交评分', en: 'the panel just changed and not every member has submitted scores' },
    });
  }
  const scores: ExpertScores[] = members.map((m) => m.scores ?? {});
  const sheet = toDomainSheet(stored);
  const rule = await gradingRule(tx, panel.cityCode);
  const result = kind === 'evaluation' ? panelResult('evaluation', sheet, scores, rule) : panelResult('acceptance', sheet, scores, rule);
  await repo.decidePanel(tx, panel.id, result.score, result.grade);
  const to = resolveTarget(name, result.grade);
  let evaluation: ReviewOutcome['evaluation'];
  if (kind === 'evaluation' && result.grade !== 'fail') {
    const campaign = await tx.query<{ months: number }>(
      'SELECT acceptance_months_after_evaluation AS months FROM campaigns WHERE id = $1',
      [round.campaignId],
    );
    const months = campaign.rows[0]?.months;
    if (!months) throw new Error(`round ${round.id} has no campaign`);
    const passedOn = today();
    evaluation = { passedOn, acceptanceDue: addMonths(passedOn, months) };
  }
  await recordAudit(tx, actor, meta, {
    action: 'panel.decided',
    entityId: panel.id,
    after: {
      roundId: round.id,
      kind,
      sheetVersion: sheet.version,
      score: result.score,
      grade: result.grade,
      vetoItems: result.vetoItems,
      expertTotals: result.expertTotals,
    },
  });
  return { to, panelId: panel.id, score: result.score, grade: result.grade, vetoItems: result.vetoItems, evaluation };
}

/** The history comment of a decided transition: the panel score and grade, then the district's comment. */
export function outcomeComment(outcome: ReviewOutcome, comment: string | null): string {
  const label = GRADE_LABELS[outcome.grade as keyof typeof GRADE_LABELS];
  const veto = outcome.vetoItems.length ? `（否决项：${outcome.vetoItems.join('、')}）` : '';
  const head = `专家组评分 ${outcome.score.toFixed(1)} 分，${label['zh-CN']}${veto}`;
  return comment ? `${head}。${comment}` : head;
}
