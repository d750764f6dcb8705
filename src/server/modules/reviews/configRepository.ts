import type { GradingRuleInput, ScoreSheetView, ScoreSheetVersions } from '../../../shared/contracts/reviews';
import { DEFAULT_ACCEPTANCE_SHEET, DEFAULT_EVALUATION_SHEET, DEFAULT_GRADING_RULE, type GradingRule, type ScoreItem, type ScoreSheet, type ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Queryable } from '../../db/types';
import { TS } from '../rounds/repository';

const SHEET = `SELECT s.id, s.kind, s.version, s.items, ${TS('s.created_at')} AS "createdAt", u.display_name AS "createdByName"
  FROM score_sheets s LEFT JOIN users u ON u.id = s.created_by`;

/** The city's default sheets (version 1) and grading rule; idempotent (used by the reference seed). */
export async function ensureReviewDefaults(db: Queryable, cityCode: string): Promise<void> {
  await db.query(
    `INSERT INTO score_sheets (city_code, kind, version, items)
     VALUES ($1, 'evaluation', 1, $2::jsonb), ($1, 'acceptance', 1, $3::jsonb)
     ON CONFLICT (city_code, kind, version) DO NOTHING`,
    [cityCode, JSON.stringify(DEFAULT_EVALUATION_SHEET.items), JSON.stringify(DEFAULT_ACCEPTANCE_SHEET.items)],
  );
  await db.query(`INSERT INTO grading_rules (city_code, rule) VALUES ($1, $2::jsonb) ON CONFLICT (city_code) DO NOTHING`, [
    cityCode,
    JSON.stringify(DEFAULT_GRADING_RULE),
  ]);
}

export async function currentSheet(db: Queryable, cityCode: string, kind: ScoreSheetKind): Promise<ScoreSheetView | undefined> {
  const { rows } = await db.query<ScoreSheetView>(
    `${SHEET} WHERE s.city_code = $1 AND s.kind = $2 ORDER BY s.version DESC LIMIT 1`,
    [cityCode, kind],
  );
  return rows[0];
}

export async function sheetVersion(
  db: Queryable,
  cityCode: string,
  kind: ScoreSheetKind,
  version: number,
): Promise<ScoreSheetView | undefined> {
  const { rows } = await db.query<ScoreSheetView>(`${SHEET} WHERE s.city_code = $1 AND s.kind = $2 AND s.version = $3`, [
    cityCode,
    kind,
    version,
  ]);
  return rows[0];
}

export async function sheetById(db: Queryable, id: string): Promise<ScoreSheetView | undefined> {
  const { rows } = await db.query<ScoreSheetView>(`${SHEET} WHERE s.id = $1`, [id]);
  return rows[0];
}

export async function sheetVersions(db: Queryable, cityCode: string, kind: ScoreSheetKind): Promise<ScoreSheetVersions['versions']> {
  const { rows } = await db.query<ScoreSheetVersions['versions'][number]>(
    `SELECT s.id, s.version, ${TS('s.created_at')} AS "createdAt",
            (SELECT count(*)::int FROM review_panels p WHERE p.sheet_id = s.id) AS "panelCount"
       FROM score_sheets s WHERE s.city_code = $1 AND s.kind = $2 ORDER BY s.version DESC`,
    [cityCode, kind],
  );
  return rows;
}

/** Inserts the next version of the city's sheet; returns its id (null when a concurrent edit took the number). */
export async function insertSheetVersion(
  db: Queryable,
  cityCode: string,
  kind: ScoreSheetKind,
  items: readonly ScoreItem[],
  userId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO score_sheets (city_code, kind, version, items, created_by)
     SELECT $1, $2, COALESCE(max(version), 0) + 1, $3::jsonb, $4 FROM score_sheets WHERE city_code = $1 AND kind = $2
     ON CONFLICT (city_code, kind, version) DO NOTHING RETURNING id`,
    [cityCode, kind, JSON.stringify(items), userId],
  );
  return rows[0]?.id ?? null;
}

/** The domain sheet of a stored version. */
export function toDomainSheet(view: Pick<ScoreSheetView, 'id' | 'kind' | 'version' | 'items'>): ScoreSheet {
  return { id: view.id, kind: view.kind, version: view.version, items: view.items };
}

export async function gradingRule(db: Queryable, cityCode: string): Promise<GradingRule> {
  const { rows } = await db.query<{ rule: GradingRuleInput }>('SELECT rule FROM grading_rules WHERE city_code = $1', [cityCode]);
  return rows[0]?.rule ?? DEFAULT_GRADING_RULE;
}

export async function saveGradingRule(db: Queryable, cityCode: string, rule: GradingRule, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO grading_rules (city_code, rule, updated_by) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (city_code) DO UPDATE SET rule = EXCLUDED.rule, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [cityCode, JSON.stringify(rule), userId],
  );
}
