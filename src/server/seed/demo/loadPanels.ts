import { DEFAULT_GRADING_RULE, panelResult, type ExpertScores, type ScoreSheet } from '../../../shared/domain/scoring';
import type { Tx } from '../../db/types';
import { currentSheet, toDomainSheet } from '../../modules/reviews/configRepository';
import { CHONGQING_CODE } from '../reference/regions';
import { demoRounds, type DemoRound } from './demoRounds';

/** Expert totals per demo grade (deterministic), chosen so that the panel result gives that grade. */
const TOTALS: Record<string, readonly number[]> = {
  pass: [91, 92.5, 93],
  pass_with_revision: [83, 84, 85.5],
  fail: [62, 65, 66.5],
  accepted: [85, 86, 87],
  rejected: [60, 64, 66],
};
const EXPERTS = ['expert1', 'expert2', 'expert3'] as const;
const at = (date: string) => `${date}T09:30:00+08:00`;

/** One expert's scores reaching `total`: base items in proportion to their maximum, the rest on the first item. */
export function scoresForTotal(sheet: ScoreSheet, total: number): ExpertScores {
  const base = sheet.items.filter((i) => !i.veto && !i.bonus);
  const out: Record<string, number | boolean> = {};
  let tenths = Math.round(total * 10);
  for (const item of base) {
    const share = Math.floor((item.maxPoints * total) / 10);
    out[item.code] = share / 10;
    tenths -= share;
  }
  const first = base[0];
  if (first) out[first.code] = Math.round(((out[first.code] as number) * 10 + tenths)) / 10;
  for (const item of sheet.items) {
    if (item.veto) out[item.code] = false;
    else if (item.bonus) out[item.code] = 0;
  }
  return out;
}

async function formPanel(
  tx: Tx,
  round: { id: string; cityCode: string; districtCode: string },
  kind: 'evaluation' | 'acceptance',
  sheetId: string,
  formedBy: string | null,
  formedOn: string,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO review_panels (round_id, kind, sheet_id, formed_by, formed_at, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [round.id, kind, sheetId, formedBy, at(formedOn), round.cityCode, round.districtCode],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('demo panel not created');
  return id;
}

/**
 * Expert panels of the demo rounds: a decided panel with scores for every recorded evaluation and acceptance
 * (scores chosen to give the demo's grade), and an open panel for a round still under expert evaluation.
 */
export async function seedDemoPanels(tx: Tx, orgIds: ReadonlyMap<string, string>): Promise<number> {
  const { rows: users } = await tx.query<{ id: string; username: string; districtCode: string | null }>(
    `SELECT u.id, u.username, o.district_code AS "districtCode" FROM users u JOIN organizations o ON o.id = u.org_id
      WHERE u.username = ANY($1::text[]) OR u.role = 'district_staff' ORDER BY u.username`,
    [[...EXPERTS]],
  );
  const experts = EXPERTS.map((name) => users.find((u) => u.username === name)?.id);
  if (experts.some((id) => !id)) return 0;
  const expertIds = experts as string[];
  const sheets = {
    evaluation: await currentSheet(tx, CHONGQING_CODE, 'evaluation'),
    acceptance: await currentSheet(tx, CHONGQING_CODE, 'acceptance'),
  };
  const evaluationSheet = sheets.evaluation;
  if (!evaluationSheet || !sheets.acceptance) throw new Error('the city has no default score sheets');
  let count = 0;
  const rounds = async (demo: DemoRound) => {
    const enterpriseId = orgIds.get(demo.enterpriseKey);
    if (!enterpriseId) return undefined;
    const { rows } = await tx.query<{ id: string; cityCode: string; districtCode: string }>(
      `SELECT id, city_code AS "cityCode", district_code AS "districtCode" FROM audit_rounds
        WHERE enterprise_id = $1 AND listing_year = $2`,
      [enterpriseId, demo.year],
    );
    return rows[0];
  };
  for (const demo of demoRounds) {
    const round = await rounds(demo);
    if (!round) continue;
    const district = users.find((u) => u.districtCode === round.districtCode)?.id ?? null;
    let formedOn: string | null = null;
    for (const step of demo.steps) {
      if (step.transition === 'acceptEvaluationApplication' || step.transition === 'acceptAcceptanceApplication') formedOn = step.on;
      if ((step.transition !== 'recordEvaluation' && step.transition !== 'recordAcceptance') || !step.grade || !formedOn) continue;
      const kind = step.transition === 'recordEvaluation' ? 'evaluation' : 'acceptance';
      const stored = sheets[kind];
      if (!stored) continue;
      const sheet = toDomainSheet(stored);
      const scores = (TOTALS[step.grade] ?? []).map((total) => scoresForTotal(sheet, total));
      const result = kind === 'evaluation' ? panelResult('evaluation', sheet, scores, DEFAULT_GRADING_RULE) : panelResult('acceptance', sheet, scores, DEFAULT_GRADING_RULE);
      if (result.grade !== step.grade) throw new Error(`demo panel of ${demo.enterpriseKey}: ${result.grade} instead of ${step.grade}`);
      const panelId = await formPanel(tx, round, kind, stored.id, district, formedOn);
      await tx.query(
        `INSERT INTO panel_members (panel_id, expert_user_id, added_at, conflict_declared_at, has_conflict, scores, submitted_at)
         SELECT $1, x.expert, $2, $2, false, x.scores, $3 FROM json_to_recordset($4::json) AS x(expert uuid, scores jsonb)`,
        [panelId, at(formedOn), at(step.on), JSON.stringify(expertIds.map((expert, i) => ({ expert, scores: scores[i] })))],
      );
      await tx.query('UPDATE review_panels SET panel_score = $2, grade = $3, decided_at = $4 WHERE id = $1', [
        panelId, result.score, result.grade, at(step.on),
      ]);
      count += 1;
      formedOn = null;
    }
    const last = demo.steps.at(-1);
    if (last?.transition === 'acceptEvaluationApplication') {
      // Still under expert evaluation: an open panel; expert1 declared no conflict and saved a draft.
      const panelId = await formPanel(tx, round, 'evaluation', evaluationSheet.id, district, last.on);
      await tx.query(`INSERT INTO panel_members (panel_id, expert_user_id, added_at) SELECT $1, x, $2 FROM unnest($3::uuid[]) AS x`, [
        panelId, at(last.on), expertIds,
      ]);
      const draft = scoresForTotal(toDomainSheet(evaluationSheet), 80);
      await tx.query(
        `UPDATE panel_members SET conflict_declared_at = $3, has_conflict = false, scores = $4::jsonb
          WHERE panel_id = $1 AND expert_user_id = $2`,
        [panelId, expertIds[0] ?? null, at(last.on), JSON.stringify({ process_authenticity: draft.process_authenticity, balances: draft.balances })],
      );
      count += 1;
    }
  }
  return count;
}
