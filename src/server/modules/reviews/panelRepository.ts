import type { MyReviewPage, MyReviewsQuery, Panel } from '../../../shared/contracts/reviews';
import type { DataScope } from '../../../shared/domain/roles';
import type { ExpertScores, ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';
import { roundScope, TS } from '../rounds/repository';

/** A panel as the commands see it, with its round's keys. */
export interface PanelRow {
  id: string;
  roundId: string;
  kind: ScoreSheetKind;
  sheetId: string;
  grade: string | null;
  decidedAt: string | null;
  revisionConfirmedAt: string | null;
  cityCode: string;
  districtCode: string;
  roundState: string;
}

const PANEL_ROW = `SELECT p.id, p.round_id AS "roundId", p.kind, p.sheet_id AS "sheetId", p.grade,
  ${TS('p.decided_at')} AS "decidedAt", ${TS('p.revision_confirmed_at')} AS "revisionConfirmedAt",
  p.city_code AS "cityCode", p.district_code AS "districtCode", r.state AS "roundState"
  FROM review_panels p JOIN audit_rounds r ON r.id = p.round_id`;

/** A panel of a round in the caller's data scope, locked for the rest of the transaction when `lock`. */
export async function findPanel(db: Queryable, scope: DataScope, panelId: string, lock = false): Promise<PanelRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<PanelRow>(
    `${PANEL_ROW} WHERE p.id = ${p.add(panelId)} AND ${roundScope(scope, p)} ${lock ? 'FOR UPDATE OF p' : ''}`,
    p.values,
  );
  return rows[0];
}

/** Every panel of a round, newest first, with its members (active first) and sheet version. */
export async function roundPanels(db: Queryable, roundId: string): Promise<Panel[]> {
  const { rows } = await db.query<Panel>(
    `SELECT p.id, p.round_id AS "roundId", p.kind, p.sheet_id AS "sheetId", s.version AS "sheetVersion",
            ${TS('p.formed_at')} AS "formedAt", fu.display_name AS "formedByName",
            p.panel_score::float8 AS "panelScore", p.grade, ${TS('p.decided_at')} AS "decidedAt",
            ${TS('p.revision_confirmed_at')} AS "revisionConfirmedAt",
            to_char(p.meeting_on, 'YYYY-MM-DD') AS "meetingOn", p.meeting_place AS "meetingPlace",
            COALESCE((SELECT json_agg(json_build_object(
                'expertUserId', m.expert_user_id, 'username', u.username, 'displayName', u.display_name,
                'conflict', CASE WHEN m.has_conflict IS NULL THEN 'undeclared' WHEN m.has_conflict THEN 'conflict' ELSE 'none' END,
                'conflictNote', m.conflict_note,
                'submittedAt', ${TS('m.submitted_at')}, 'replacedAt', ${TS('m.replaced_at')}, 'scores', m.scores)
                ORDER BY m.replaced_at NULLS FIRST, m.added_at, u.username)
              FROM panel_members m JOIN users u ON u.id = m.expert_user_id WHERE m.panel_id = p.id), '[]'::json) AS members
       FROM review_panels p JOIN score_sheets s ON s.id = p.sheet_id LEFT JOIN users fu ON fu.id = p.formed_by
      WHERE p.round_id = $1 ORDER BY p.formed_at DESC, p.id`,
    [roundId],
  );
  return rows;
}

export async function openPanelId(db: Queryable, roundId: string, kind: ScoreSheetKind): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM review_panels WHERE round_id = $1 AND kind = $2 AND decided_at IS NULL',
    [roundId, kind],
  );
  return rows[0]?.id ?? null;
}

/** Active, enabled expert users of the city; restricted to `ids` when given. */
export async function cityExperts(
  db: Queryable,
  cityCode: string,
  ids?: readonly string[],
): Promise<{ id: string; username: string; displayName: string }[]> {
  const p = new Params();
  const where = [`u.role = 'expert'`, 'u.disabled_at IS NULL', `o.city_code = ${p.add(cityCode)}`];
  if (ids) where.push(`u.id = ANY(${p.add([...ids])}::uuid[])`);
  const { rows } = await db.query<{ id: string; username: string; displayName: string }>(
    `SELECT u.id, u.username, u.display_name AS "displayName" FROM users u JOIN organizations o ON o.id = u.org_id
      WHERE ${where.join(' AND ')} ORDER BY u.display_name, u.username`,
    p.values,
  );
  return rows;
}

export async function insertPanel(
  db: Queryable,
  round: { id: string; cityCode: string; districtCode: string },
  kind: ScoreSheetKind,
  sheetId: string,
  formedBy: string,
  expertIds: readonly string[],
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO review_panels (round_id, kind, sheet_id, formed_by, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [round.id, kind, sheetId, formedBy, round.cityCode, round.districtCode],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('panel not created');
  await db.query(
    `INSERT INTO panel_members (panel_id, expert_user_id) SELECT $1, x FROM unnest($2::uuid[]) AS x`,
    [id, [...expertIds]],
  );
  return id;
}

export interface MemberRow {
  expertUserId: string;
  hasConflict: boolean | null;
  scores: Record<string, number | boolean> | null;
  submittedAt: string | null;
  replacedAt: string | null;
}

export async function panelMembers(db: Queryable, panelId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `SELECT expert_user_id AS "expertUserId", has_conflict AS "hasConflict", scores,
            ${TS('submitted_at')} AS "submittedAt", ${TS('replaced_at')} AS "replacedAt"
       FROM panel_members WHERE panel_id = $1 ORDER BY added_at, expert_user_id`,
    [panelId],
  );
  return rows;
}

export async function replaceMember(db: Queryable, panelId: string, outgoing: string, incoming: string, by: string): Promise<void> {
  await db.query('UPDATE panel_members SET replaced_at = now(), replaced_by = $3 WHERE panel_id = $1 AND expert_user_id = $2', [
    panelId,
    outgoing,
    by,
  ]);
  await db.query('INSERT INTO panel_members (panel_id, expert_user_id) VALUES ($1, $2)', [panelId, incoming]);
}

export async function declareConflict(db: Queryable, panelId: string, userId: string, hasConflict: boolean, note: string | null): Promise<void> {
  await db.query(
    `UPDATE panel_members SET conflict_declared_at = now(), has_conflict = $3, conflict_note = $4
      WHERE panel_id = $1 AND expert_user_id = $2`,
    [panelId, userId, hasConflict, note],
  );
}

export async function saveScores(db: Queryable, panelId: string, userId: string, scores: ExpertScores, submit: boolean): Promise<void> {
  await db.query(
    `UPDATE panel_members SET scores = $3::jsonb, submitted_at = CASE WHEN $4::boolean THEN now() ELSE NULL END
      WHERE panel_id = $1 AND expert_user_id = $2`,
    [panelId, userId, JSON.stringify(scores), submit],
  );
}

export async function decidePanel(db: Queryable, panelId: string, score: number, grade: string): Promise<void> {
  await db.query('UPDATE review_panels SET panel_score = $2, grade = $3, decided_at = now() WHERE id = $1 AND decided_at IS NULL', [
    panelId,
    score,
    grade,
  ]);
}

export async function confirmRevision(db: Queryable, panelId: string, userId: string): Promise<void> {
  await db.query('UPDATE review_panels SET revision_confirmed_at = now(), revision_confirmed_by = $2 WHERE id = $1', [panelId, userId]);
}

/** Whether a report version of the round was uploaded after the instant `after`. */
export async function reportUploadedAfter(db: Queryable, roundId: string, after: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM round_reports WHERE round_id = $1 AND uploaded_at > $2::timestamptz LIMIT 1', [
    roundId,
    after,
  ]);
  return rows.length > 0;
}

const STATUS = `CASE WHEN p.decided_at IS NOT NULL THEN 'decided' WHEN m.has_conflict IS NULL THEN 'undeclared'
  WHEN m.has_conflict THEN 'conflict' WHEN m.submitted_at IS NOT NULL THEN 'submitted' ELSE 'draft' END`;

/** The expert's reviews (active memberships), paged, newest panel first. */
export async function myReviews(db: Queryable, userId: string, q: MyReviewsQuery): Promise<MyReviewPage> {
  const p = new Params();
  const where = [`m.expert_user_id = ${p.add(userId)}`, 'm.replaced_at IS NULL'];
  if (q.filter === 'open') where.push('p.decided_at IS NULL AND m.submitted_at IS NULL');
  if (q.filter === 'submitted') where.push('p.decided_at IS NULL AND m.submitted_at IS NOT NULL');
  if (q.filter === 'decided') where.push('p.decided_at IS NOT NULL');
  const from = `FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
    JOIN enterprises e ON e.id = r.enterprise_id JOIN regions d ON d.code = r.district_code WHERE ${where.join(' AND ')}`;
  return queryPage(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT p.id AS "panelId", r.id AS "roundId", e.name AS "enterpriseName", r.listing_year AS "listingYear",
            d.name AS "districtName", p.kind, ${TS('p.formed_at')} AS "formedAt", ${TS('p.decided_at')} AS "decidedAt",
            ${STATUS} AS status
       ${from} ORDER BY p.formed_at DESC, p.id`,
    `SELECT count(*)::int AS total ${from}`,
  );
}

export interface ScoringRow {
  panelId: string;
  kind: ScoreSheetKind;
  sheetId: string;
  roundId: string;
  enterpriseName: string;
  listingYear: number;
  districtName: string;
  formedAt: string;
  decidedAt: string | null;
  status: 'undeclared' | 'conflict' | 'draft' | 'submitted' | 'decided';
  conflictNote: string | null;
  scores: Record<string, number | boolean> | null;
  submittedAt: string | null;
}

/** The caller's active membership of a panel (null: not a member → 404), locked when `lock`. */
export async function myMembership(db: Queryable, panelId: string, userId: string, lock = false): Promise<ScoringRow | undefined> {
  const { rows } = await db.query<ScoringRow>(
    `SELECT p.id AS "panelId", p.kind, p.sheet_id AS "sheetId", r.id AS "roundId", e.name AS "enterpriseName",
            r.listing_year AS "listingYear", d.name AS "districtName", ${TS('p.formed_at')} AS "formedAt",
            ${TS('p.decided_at')} AS "decidedAt", ${STATUS} AS status, m.conflict_note AS "conflictNote", m.scores,
            ${TS('m.submitted_at')} AS "submittedAt"
       FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
       JOIN enterprises e ON e.id = r.enterprise_id JOIN regions d ON d.code = r.district_code
      WHERE m.panel_id = $1 AND m.expert_user_id = $2 AND m.replaced_at IS NULL ${lock ? 'FOR UPDATE OF m, p' : ''}`,
    [panelId, userId],
  );
  return rows[0];
}

export async function scheduleMeeting(db: Queryable, panelId: string, meetingOn: string | null, place: string | null): Promise<void> {
  await db.query('UPDATE review_panels SET meeting_on = $2::date, meeting_place = $3 WHERE id = $1', [panelId, meetingOn, place]);
}
