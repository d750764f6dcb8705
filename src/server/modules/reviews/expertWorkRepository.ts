import type { Assignment, MemberWork, PreReview, RatingListQuery, RatingRow, RatingSummary } from '../../../shared/contracts/expertWork';
import type { MyReviewsQuery } from '../../../shared/contracts/reviews';
import { DEFAULT_MATERIALS_LEAD_DAYS } from '../../../shared/domain/expertWork';
import type { DataScope } from '../../../shared/domain/roles';
import type { ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Queryable } from '../../db/types';
import { orderBy, Params, queryPage } from '../../platform/sql';
import { roundScope, TS } from '../rounds/repository';

/** SQL of expert work: settings, material timestamps, pre-reviews, signatures, ratings. */

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/** The city's materials lead time in working days (the default without a row). */
export async function leadDays(db: Queryable, cityCode: string): Promise<{ days: number; isDefault: boolean; updatedAt: string | null }> {
  const { rows } = await db.query<{ days: number; updatedAt: string }>(
    `SELECT materials_lead_working_days AS days, ${TS('updated_at')} AS "updatedAt" FROM expert_work_settings WHERE city_code = $1`,
    [cityCode],
  );
  const row = rows[0];
  return row ? { days: row.days, isDefault: false, updatedAt: row.updatedAt } : { days: DEFAULT_MATERIALS_LEAD_DAYS, isDefault: true, updatedAt: null };
}

export async function saveLeadDays(db: Queryable, cityCode: string, days: number, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO expert_work_settings (city_code, materials_lead_working_days, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (city_code) DO UPDATE SET materials_lead_working_days = $2, updated_by = $3, updated_at = now()`,
    [cityCode, days, userId],
  );
}

/** When the first file of each material item of panel `p` arrived, as a json object (item → timestamp | null). */
const firstFile = (purpose: string) =>
  TS(`(SELECT min(rf.created_at) FROM round_files rf WHERE rf.round_id = p.round_id AND rf.purpose = '${purpose}')`);
const firstReport = TS('(SELECT min(rr.uploaded_at) FROM round_reports rr WHERE rr.round_id = p.round_id)');
const MATERIALS = `CASE p.kind
    WHEN 'evaluation' THEN json_build_object('report', ${firstReport}, 'evaluation_evidence', ${firstFile('evaluation_evidence')},
                                             'capacity_proof', ${firstFile('capacity_proof')})
    ELSE json_build_object('acceptance_report', ${firstFile('acceptance_report')}, 'monitoring_before', ${firstFile('monitoring_before')},
                           'monitoring_after', ${firstFile('monitoring_after')}) END`;
const LEAD = `COALESCE((SELECT s.materials_lead_working_days FROM expert_work_settings s WHERE s.city_code = p.city_code), ${DEFAULT_MATERIALS_LEAD_DAYS})`;

export type MaterialTimes = Record<string, string | null>;

const STATUS = `CASE WHEN p.decided_at IS NOT NULL THEN 'decided' WHEN m.has_conflict IS NULL THEN 'undeclared'
  WHEN m.has_conflict THEN 'conflict' WHEN m.submitted_at IS NOT NULL THEN 'submitted' ELSE 'draft' END`;
const PRE_REVIEW_STATUS = `CASE WHEN pr.panel_id IS NULL THEN 'none' WHEN pr.submitted_at IS NULL THEN 'draft' ELSE 'submitted' END`;

export type AssignmentRow = Omit<Assignment, 'materials' | 'materialsDue' | 'overdue' | 'dueSoon'> & {
  leadDays: number;
  materialTimes: MaterialTimes;
};

/** The expert's active memberships, paged, newest panel first, with the meeting, material times, pre-review and signature. */
export async function assignments(db: Queryable, userId: string, q: MyReviewsQuery): Promise<{ items: AssignmentRow[]; total: number }> {
  const p = new Params();
  const where = [`m.expert_user_id = ${p.add(userId)}`, 'm.replaced_at IS NULL'];
  if (q.filter === 'open') where.push('p.decided_at IS NULL AND m.submitted_at IS NULL');
  if (q.filter === 'submitted') where.push('p.decided_at IS NULL AND m.submitted_at IS NOT NULL');
  if (q.filter === 'decided') where.push('p.decided_at IS NOT NULL');
  const from = `FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
    JOIN enterprises e ON e.id = r.enterprise_id JOIN regions d ON d.code = r.district_code WHERE ${where.join(' AND ')}`;
  return queryPage<AssignmentRow>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT p.id AS "panelId", r.id AS "roundId", e.name AS "enterpriseName", r.listing_year AS "listingYear",
            d.name AS "districtName", p.kind, ${TS('p.formed_at')} AS "formedAt", ${TS('p.decided_at')} AS "decidedAt",
            ${STATUS} AS status, ${DAY('p.meeting_on')} AS "meetingOn", p.meeting_place AS "meetingPlace",
            ${LEAD} AS "leadDays", ${MATERIALS} AS "materialTimes",
            COALESCE((SELECT ${PRE_REVIEW_STATUS} FROM pre_reviews pr
                       WHERE pr.panel_id = m.panel_id AND pr.expert_user_id = m.expert_user_id), 'none') AS "preReview",
            (SELECT ${TS('sg.signed_at')} FROM panel_signatures sg
              WHERE sg.panel_id = m.panel_id AND sg.expert_user_id = m.expert_user_id) AS "signedAt"
       ${from} ORDER BY p.formed_at DESC, p.id`,
    `SELECT count(*)::int AS total ${from}`,
  );
}

/** A panel as expert work sees it: keys, meeting, decision and material times. */
export interface WorkPanelRow {
  id: string;
  roundId: string;
  kind: ScoreSheetKind;
  sheetId: string;
  cityCode: string;
  districtCode: string;
  formedAt: string;
  decidedAt: string | null;
  grade: string | null;
  panelScore: number | null;
  meetingOn: string | null;
  meetingPlace: string | null;
  leadDays: number;
  materialTimes: MaterialTimes;
}

const WORK_PANEL_COLUMNS = `p.id, p.round_id AS "roundId", p.kind, p.sheet_id AS "sheetId", p.city_code AS "cityCode",
  p.district_code AS "districtCode", ${TS('p.formed_at')} AS "formedAt", ${TS('p.decided_at')} AS "decidedAt", p.grade,
  p.panel_score::float8 AS "panelScore", ${DAY('p.meeting_on')} AS "meetingOn", p.meeting_place AS "meetingPlace",
  ${LEAD} AS "leadDays", ${MATERIALS} AS "materialTimes"`;
const WORK_PANEL = `SELECT ${WORK_PANEL_COLUMNS} FROM review_panels p`;

/** A member's own view of a panel: the panel, and the member's state (null: not an active member → 404). */
export interface MembershipRow {
  panel: WorkPanelRow;
  hasConflict: boolean | null;
  submittedAt: string | null;
  displayName: string;
  profileName: string | null;
}

export async function membership(db: Queryable, panelId: string, userId: string, lock = false): Promise<MembershipRow | undefined> {
  const { rows } = await db.query<WorkPanelRow & Omit<MembershipRow, 'panel'>>(
    `SELECT ${WORK_PANEL_COLUMNS}, m.has_conflict AS "hasConflict", ${TS('m.submitted_at')} AS "submittedAt",
            u.display_name AS "displayName", (SELECT x.name FROM experts x WHERE x.user_id = u.id) AS "profileName"
       FROM review_panels p JOIN panel_members m ON m.panel_id = p.id JOIN users u ON u.id = m.expert_user_id
      WHERE p.id = $1 AND m.expert_user_id = $2 AND m.replaced_at IS NULL ${lock ? 'FOR UPDATE OF m, p' : ''}`,
    [panelId, userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { hasConflict, submittedAt, displayName, profileName, ...panel } = row;
  return { panel, hasConflict, submittedAt, displayName, profileName };
}

/** The panels of a round (newest first), for the bureau's view. */
export async function roundWorkPanels(db: Queryable, roundId: string): Promise<WorkPanelRow[]> {
  const { rows } = await db.query<WorkPanelRow>(`${WORK_PANEL} WHERE p.round_id = $1 ORDER BY p.formed_at DESC, p.id`, [roundId]);
  return rows;
}

/** A panel of a round in the caller's scope (404 otherwise), locked when `lock`. */
export async function scopedPanel(db: Queryable, scope: DataScope, panelId: string, lock = false): Promise<WorkPanelRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<WorkPanelRow>(
    `${WORK_PANEL} JOIN audit_rounds r ON r.id = p.round_id WHERE p.id = ${p.add(panelId)} AND ${roundScope(scope, p)}
     ${lock ? 'FOR UPDATE OF p' : ''}`,
    p.values,
  );
  return rows[0];
}

type StoredSignature = { signedName: string; signedAt: string; panelScore: number; grade: string };
export type MemberWorkRow = Omit<MemberWork, 'signature'> & { panelId: string; signature: StoredSignature | null };

/** Every member of the given panels with pre-review status, scores submission, signature and rating (one query). */
export async function memberWork(db: Queryable, panelIds: readonly string[]): Promise<MemberWorkRow[]> {
  const { rows } = await db.query<MemberWorkRow>(
    `SELECT m.panel_id AS "panelId", m.expert_user_id AS "expertUserId", u.display_name AS "displayName",
            ${TS('m.replaced_at')} AS "replacedAt",
            CASE WHEN m.has_conflict IS NULL THEN 'undeclared' WHEN m.has_conflict THEN 'conflict' ELSE 'none' END AS conflict,
            ${PRE_REVIEW_STATUS} AS "preReview", ${TS('m.submitted_at')} AS "submittedAt",
            CASE WHEN sg.panel_id IS NULL THEN NULL ELSE json_build_object('signedName', sg.signed_name, 'signedAt', ${TS('sg.signed_at')},
              'panelScore', sg.panel_score::float8, 'grade', sg.grade) END AS signature,
            CASE WHEN er.panel_id IS NULL THEN NULL ELSE json_build_object('rating', er.rating, 'comment', er.comment,
              'ratedAt', ${TS('er.rated_at')}, 'ratedByName', ru.display_name) END AS rating
       FROM panel_members m JOIN users u ON u.id = m.expert_user_id
       LEFT JOIN pre_reviews pr ON pr.panel_id = m.panel_id AND pr.expert_user_id = m.expert_user_id
       LEFT JOIN panel_signatures sg ON sg.panel_id = m.panel_id AND sg.expert_user_id = m.expert_user_id
       LEFT JOIN expert_ratings er ON er.panel_id = m.panel_id AND er.expert_user_id = m.expert_user_id
       LEFT JOIN users ru ON ru.id = er.rated_by
      WHERE m.panel_id = ANY($1::uuid[])
      ORDER BY m.replaced_at NULLS FIRST, m.added_at, u.username`,
    [[...panelIds]],
  );
  return rows;
}

// --- pre-reviews ---

const PRE_REVIEW = `SELECT pr.expert_user_id AS "expertUserId", u.display_name AS "expertName",
  pr.overall_impression AS "overallImpression", pr.main_problems AS "mainProblems", pr.questions,
  pr.suggested_revisions AS "suggestedRevisions", pr.preliminary_conclusion AS "preliminaryConclusion",
  ${TS('pr.submitted_at')} AS "submittedAt", ${TS('pr.updated_at')} AS "updatedAt"
  FROM pre_reviews pr JOIN users u ON u.id = pr.expert_user_id`;

export async function ownPreReview(db: Queryable, panelId: string, userId: string): Promise<PreReview | undefined> {
  const { rows } = await db.query<PreReview>(`${PRE_REVIEW} WHERE pr.panel_id = $1 AND pr.expert_user_id = $2`, [panelId, userId]);
  return rows[0];
}

/** Submitted pre-reviews of the panels, optionally without one author's (one query). */
export async function submittedPreReviews(
  db: Queryable,
  panelIds: readonly string[],
  exceptUserId: string | null = null,
): Promise<(PreReview & { panelId: string })[]> {
  if (panelIds.length === 0) return [];
  const { rows } = await db.query<PreReview & { panelId: string }>(
    `${PRE_REVIEW.replace('SELECT ', 'SELECT pr.panel_id AS "panelId", ')}
      WHERE pr.panel_id = ANY($1::uuid[]) AND pr.submitted_at IS NOT NULL AND ($2::uuid IS NULL OR pr.expert_user_id <> $2::uuid)
      ORDER BY pr.submitted_at, u.username`,
    [[...panelIds], exceptUserId],
  );
  return rows;
}

export interface PreReviewValues {
  overallImpression: string | null;
  mainProblems: string | null;
  questions: string | null;
  suggestedRevisions: string | null;
  preliminaryConclusion: string | null;
}

export async function savePreReview(
  db: Queryable,
  panel: Pick<WorkPanelRow, 'id' | 'cityCode' | 'districtCode'>,
  userId: string,
  v: PreReviewValues,
  submit: boolean,
): Promise<void> {
  await db.query(
    `INSERT INTO pre_reviews (panel_id, expert_user_id, overall_impression, main_problems, questions, suggested_revisions,
       preliminary_conclusion, submitted_at, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::boolean THEN now() END, $9, $10)
     ON CONFLICT (panel_id, expert_user_id) DO UPDATE SET overall_impression = $3, main_problems = $4, questions = $5,
       suggested_revisions = $6, preliminary_conclusion = $7, submitted_at = CASE WHEN $8::boolean THEN now() END, updated_at = now()`,
    [
      panel.id, userId, v.overallImpression, v.mainProblems, v.questions, v.suggestedRevisions, v.preliminaryConclusion, submit,
      panel.cityCode, panel.districtCode,
    ],
  );
}

// --- signatures ---

export interface ActiveMember {
  expertUserId: string;
  displayName: string;
  hasConflict: boolean | null;
  submittedAt: string | null;
  scores: Record<string, number | boolean> | null;
  signature: StoredSignature | null;
}

/** The active members of a panel with scores and signature, in panel order. */
export async function activeMembers(db: Queryable, panelId: string): Promise<ActiveMember[]> {
  const { rows } = await db.query<ActiveMember>(
    `SELECT m.expert_user_id AS "expertUserId", u.display_name AS "displayName", m.has_conflict AS "hasConflict",
            ${TS('m.submitted_at')} AS "submittedAt", m.scores,
            CASE WHEN sg.panel_id IS NULL THEN NULL ELSE json_build_object('signedName', sg.signed_name, 'signedAt', ${TS('sg.signed_at')},
              'panelScore', sg.panel_score::float8, 'grade', sg.grade) END AS signature
       FROM panel_members m JOIN users u ON u.id = m.expert_user_id
       LEFT JOIN panel_signatures sg ON sg.panel_id = m.panel_id AND sg.expert_user_id = m.expert_user_id
      WHERE m.panel_id = $1 AND m.replaced_at IS NULL ORDER BY m.added_at, u.username`,
    [panelId],
  );
  return rows;
}

export async function saveSignature(
  db: Queryable,
  panel: Pick<WorkPanelRow, 'id' | 'cityCode' | 'districtCode'>,
  userId: string,
  name: string,
  result: { score: number; grade: string },
): Promise<void> {
  await db.query(
    `INSERT INTO panel_signatures (panel_id, expert_user_id, signed_name, panel_score, grade, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (panel_id, expert_user_id) DO UPDATE SET signed_name = $3, panel_score = $4, grade = $5, signed_at = now()`,
    [panel.id, userId, name, result.score, result.grade, panel.cityCode, panel.districtCode],
  );
}

/** The open panel of the kind a round in review is reviewed by (signing guard). */
export async function openPanelOf(db: Queryable, roundId: string): Promise<WorkPanelRow | undefined> {
  const { rows } = await db.query<WorkPanelRow>(
    `${WORK_PANEL} JOIN audit_rounds r ON r.id = p.round_id
      WHERE p.round_id = $1 AND p.decided_at IS NULL
        AND p.kind = CASE r.state WHEN 'acceptance_review' THEN 'acceptance' ELSE 'evaluation' END`,
    [roundId],
  );
  return rows[0];
}

// --- ratings ---

export async function rating(db: Queryable, panelId: string, expertUserId: string): Promise<{ rating: number; comment: string | null } | undefined> {
  const { rows } = await db.query<{ rating: number; comment: string | null }>(
    'SELECT rating, comment FROM expert_ratings WHERE panel_id = $1 AND expert_user_id = $2 FOR UPDATE',
    [panelId, expertUserId],
  );
  return rows[0];
}

export async function saveRating(
  db: Queryable,
  panel: Pick<WorkPanelRow, 'id' | 'cityCode' | 'districtCode'>,
  expertUserId: string,
  value: { rating: number; comment: string | null },
  userId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO expert_ratings (panel_id, expert_user_id, rating, comment, rated_by, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (panel_id, expert_user_id) DO UPDATE SET rating = $3, comment = $4, rated_by = $5, rated_at = now()`,
    [panel.id, expertUserId, value.rating, value.comment, userId, panel.cityCode, panel.districtCode],
  );
}

const RATING_SORT = { ratedAt: 'er.rated_at', rating: 'er.rating' } as const;

/** The city's ratings, paged, optionally of one expert. */
export async function listRatings(db: Queryable, cityCode: string, q: RatingListQuery): Promise<{ items: RatingRow[]; total: number }> {
  const p = new Params();
  const where = [`er.city_code = ${p.add(cityCode)}`];
  if (q.expertUserId) where.push(`er.expert_user_id = ${p.add(q.expertUserId)}`);
  const from = `FROM expert_ratings er WHERE ${where.join(' AND ')}`;
  return queryPage<RatingRow>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT er.panel_id AS "panelId", r.id AS "roundId", rp.kind, e.name AS "enterpriseName", r.listing_year AS "listingYear",
            d.name AS "districtName", er.expert_user_id AS "expertUserId", xu.display_name AS "expertName", er.rating,
            er.comment, ${TS('er.rated_at')} AS "ratedAt", ru.display_name AS "ratedByName"
       FROM expert_ratings er JOIN review_panels rp ON rp.id = er.panel_id JOIN audit_rounds r ON r.id = rp.round_id
       JOIN enterprises e ON e.id = r.enterprise_id JOIN regions d ON d.code = er.district_code
       JOIN users xu ON xu.id = er.expert_user_id LEFT JOIN users ru ON ru.id = er.rated_by
      WHERE ${where.join(' AND ')} ${orderBy(q.sort, RATING_SORT, 'er.panel_id')}`,
    `SELECT count(*)::int AS total ${from}`,
  );
}

/** Average rating (one decimal) and count per expert of the city, for the given experts (one query). */
export async function ratingSummaries(db: Queryable, cityCode: string, expertUserIds: readonly string[]): Promise<Map<string, RatingSummary>> {
  const { rows } = await db.query<{ expertUserId: string; average: number; count: number }>(
    `SELECT expert_user_id AS "expertUserId", round(avg(rating), 1)::float8 AS average, count(*)::int AS count
       FROM expert_ratings WHERE city_code = $1 AND expert_user_id = ANY($2::uuid[]) GROUP BY expert_user_id`,
    [cityCode, [...expertUserIds]],
  );
  const out = new Map<string, RatingSummary>(expertUserIds.map((id) => [id, { average: null, count: 0 }]));
  for (const row of rows) out.set(row.expertUserId, { average: row.average, count: row.count });
  return out;
}
