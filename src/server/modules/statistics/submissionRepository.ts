import type { SubmissionState } from '../../../shared/domain/summaryColumns';
import type { SummarySnapshot } from '../../../shared/contracts/statistics';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface StoredSubmission {
  id: string;
  cityCode: string;
  districtCode: string;
  year: number;
  state: SubmissionState;
  mainPractices: string | null;
  problems: string | null;
  nextSteps: string | null;
  snapshot: SummarySnapshot | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  version: number;
}

const COLUMNS = `s.id, s.city_code AS "cityCode", s.district_code AS "districtCode", s.year, s.state,
  s.main_practices AS "mainPractices", s.problems, s.next_steps AS "nextSteps", s.snapshot,
  ${TS('s.first_submitted_at')} AS "firstSubmittedAt", ${TS('s.submitted_at')} AS "submittedAt",
  ${TS('s.reviewed_at')} AS "reviewedAt", s.review_comment AS "reviewComment", s.version`;

/** The submission of a district and year (optionally locked for a change). */
export async function findSubmission(
  db: Queryable,
  districtCode: string,
  year: number,
  lock = false,
): Promise<StoredSubmission | undefined> {
  const { rows } = await db.query<StoredSubmission>(
    `SELECT ${COLUMNS} FROM summary_submissions s WHERE s.district_code = $1 AND s.year = $2${lock ? ' FOR UPDATE' : ''}`,
    [districtCode, year],
  );
  return rows[0];
}

/** A submission by id within a city (the reviewer's scope), locked. */
export async function findSubmissionById(db: Queryable, cityCode: string, id: string, lock = false): Promise<StoredSubmission | undefined> {
  const { rows } = await db.query<StoredSubmission>(
    `SELECT ${COLUMNS} FROM summary_submissions s WHERE s.id = $1 AND s.city_code = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, cityCode],
  );
  return rows[0];
}

/** Create the draft or save the narrative of an editable submission; returns its id. */
export async function upsertNarrative(
  db: Queryable,
  input: { cityCode: string; districtCode: string; year: number; mainPractices: string | null; problems: string | null; nextSteps: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO summary_submissions (city_code, district_code, year, main_practices, problems, next_steps)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (district_code, year) DO UPDATE
       SET main_practices = EXCLUDED.main_practices, problems = EXCLUDED.problems, next_steps = EXCLUDED.next_steps,
           version = summary_submissions.version + 1, updated_at = now()
     WHERE summary_submissions.state IN ('draft', 'returned')
     RETURNING id`,
    [input.cityCode, input.districtCode, input.year, input.mainPractices, input.problems, input.nextSteps],
  );
  return rows[0]?.id ?? '';
}

/** Conditional state change (`WHERE state = ANY(from)`); false when the state moved meanwhile. */
export async function changeState(
  db: Queryable,
  id: string,
  from: readonly SubmissionState[],
  change:
    | { to: 'submitted'; snapshot: SummarySnapshot; userId: string }
    | { to: 'accepted' | 'returned'; comment: string | null; userId: string },
): Promise<boolean> {
  const p = new Params();
  const sets =
    change.to === 'submitted'
      ? `snapshot = ${p.add(JSON.stringify(change.snapshot))}::jsonb, submitted_at = now(), submitted_by = ${p.add(change.userId)},
         first_submitted_at = COALESCE(first_submitted_at, now()), reviewed_at = NULL, reviewed_by = NULL`
      : `reviewed_at = now(), reviewed_by = ${p.add(change.userId)}, review_comment = ${p.add(change.comment)}`;
  const { rows } = await db.query(
    `UPDATE summary_submissions SET state = ${p.add(change.to)}, ${sets}, version = version + 1, updated_at = now()
      WHERE id = ${p.add(id)} AND state = ANY(${p.add([...from])}::text[]) RETURNING id`,
    p.values,
  );
  return rows.length > 0;
}

export async function insertHistory(
  db: Queryable,
  input: {
    submissionId: string;
    action: 'submit' | 'resubmit' | 'accept' | 'return';
    from: SubmissionState;
    to: SubmissionState;
    comment: string | null;
    snapshot: SummarySnapshot | null;
    userId: string;
    username: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO summary_submission_history (submission_id, action, from_state, to_state, comment, snapshot, actor_user_id, actor_username)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      input.submissionId, input.action, input.from, input.to, input.comment,
      input.snapshot ? JSON.stringify(input.snapshot) : null, input.userId, input.username,
    ],
  );
}

export interface HistoryRow {
  action: 'submit' | 'resubmit' | 'accept' | 'return';
  fromState: string;
  toState: string;
  comment: string | null;
  actorUsername: string | null;
  occurredAt: string;
}

export async function listHistory(db: Queryable, submissionId: string): Promise<HistoryRow[]> {
  const { rows } = await db.query<HistoryRow>(
    `SELECT action, from_state AS "fromState", to_state AS "toState", comment, actor_username AS "actorUsername",
            ${TS('occurred_at')} AS "occurredAt"
       FROM summary_submission_history WHERE submission_id = $1 ORDER BY occurred_at, id`,
    [submissionId],
  );
  return rows;
}

export interface DistrictStatusRow {
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  id: string | null;
  state: SubmissionState | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  /** China-time date of the first submission. */
  firstSubmittedOn: string | null;
}

/** Every district of the city (or the one district) with its submission for the year, in one query. */
export async function districtStatuses(
  db: Queryable,
  cityCode: string,
  year: number,
  districtCode: string | null,
): Promise<DistrictStatusRow[]> {
  const p = new Params();
  const where = [`d.parent_code = ${p.add(cityCode)}`];
  if (districtCode) where.push(`d.code = ${p.add(districtCode)}`);
  const { rows } = await db.query<DistrictStatusRow>(
    `SELECT d.code AS "districtCode", d.name AS "districtName", d.name_en AS "districtNameEn", s.id, s.state,
            ${TS('s.first_submitted_at')} AS "firstSubmittedAt", ${TS('s.submitted_at')} AS "submittedAt",
            to_char((s.first_submitted_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "firstSubmittedOn"
       FROM regions d
       LEFT JOIN summary_submissions s ON s.district_code = d.code AND s.year = ${p.add(year)}
      WHERE ${where.join(' AND ')}
      ORDER BY d.sort, d.code`,
    p.values,
  );
  return rows;
}

/** The submission states of the year by district (for the table's status column). */
export async function statesByDistrict(db: Queryable, cityCode: string, year: number): Promise<Map<string, SubmissionState>> {
  const { rows } = await db.query<{ districtCode: string; state: SubmissionState }>(
    `SELECT district_code AS "districtCode", state FROM summary_submissions WHERE city_code = $1 AND year = $2`,
    [cityCode, year],
  );
  return new Map(rows.map((r) => [r.districtCode, r.state]));
}

/** The summary milestone of the year's campaign: the latest district milestone about the summary. */
export async function summaryMilestones(
  db: Queryable,
  cityCode: string,
  year: number,
): Promise<{ name: string; dueOn: string; actorRole: string }[]> {
  const { rows } = await db.query<{ name: string; dueOn: string; actorRole: string }>(
    `SELECT m.name, to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", m.actor_role AS "actorRole"
       FROM campaign_milestones m JOIN campaigns c ON c.id = m.campaign_id
      WHERE c.city_code = $1 AND c.year = $2
      ORDER BY m.due_on DESC, m.sort DESC`,
    [cityCode, year],
  );
  return rows;
}

/** The organisations to notify: the city bureau, or a district bureau. */
export async function bureauOrgId(db: Queryable, cityCode: string, districtCode: string | null): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    districtCode
      ? `SELECT id FROM organizations WHERE kind = 'district_bureau' AND city_code = $1 AND district_code = $2 ORDER BY created_at LIMIT 1`
      : `SELECT id FROM organizations WHERE kind = 'city_bureau' AND city_code = $1 ORDER BY created_at LIMIT 1`,
    districtCode ? [cityCode, districtCode] : [cityCode],
  );
  return rows[0]?.id ?? null;
}

/** Every submission of a city and year (the export's source of snapshots and narratives), by district. */
export async function submissionsOfYear(db: Queryable, cityCode: string, year: number): Promise<Map<string, StoredSubmission>> {
  const { rows } = await db.query<StoredSubmission>(
    `SELECT ${COLUMNS} FROM summary_submissions s WHERE s.city_code = $1 AND s.year = $2`,
    [cityCode, year],
  );
  return new Map(rows.map((r) => [r.districtCode, r]));
}
