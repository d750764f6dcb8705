import type { ApplicationFile, ApplicationPurpose, OpinionKind, ReviewOpinion } from '../../../shared/contracts/applications';
import { OPINION_STATES } from '../../../shared/contracts/applications';
import { DEADLINE_BY_STATE } from '../../../shared/domain/deadlines';
import { ROUND_STATES } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import type { RoundKeys } from './materialRepository';
import { TS } from './repository';

/** The states whose next deadline is the acceptance deadline. */
const ACCEPTANCE_DUE_STATES = ROUND_STATES.filter((s) => DEADLINE_BY_STATE[s] === 'acceptance');

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/** When the round last entered `state` (its latest history row), or -infinity when it never did. */
const lastEntered = (roundParam: string, state: string) =>
  `COALESCE((SELECT max(h.occurred_at) FROM round_history h WHERE h.round_id = ${roundParam} AND h.to_state = '${state}'),
            '-infinity'::timestamptz)`;

// --- files ---

export async function linkApplicationFile(db: Queryable, round: RoundKeys, fileId: string, purpose: ApplicationPurpose) {
  await db.query(
    `INSERT INTO round_files (round_id, file_id, purpose, city_code, district_code) VALUES ($1, $2, $3, $4, $5)`,
    [round.id, fileId, purpose, round.cityCode, round.districtCode],
  );
}

/** The application files of a round (every purpose this module owns), oldest first. */
export async function listApplicationFiles(
  db: Queryable,
  roundId: string,
  purposes: readonly ApplicationPurpose[],
): Promise<ApplicationFile[]> {
  const { rows } = await db.query<{
    purpose: ApplicationPurpose;
    uploadedBy: string | null;
    id: string;
    sha256: string;
    size: number;
    mediaType: string;
    originalName: string;
    createdAt: string;
  }>(
    `SELECT rf.purpose, u.username AS "uploadedBy", f.id, f.sha256, f.size::int AS size, f.media_type AS "mediaType",
            f.original_name AS "originalName", ${TS('f.created_at')} AS "createdAt"
       FROM round_files rf JOIN files f ON f.id = rf.file_id LEFT JOIN users u ON u.id = f.uploaded_by
      WHERE rf.round_id = $1 AND rf.purpose = ANY($2::text[])
      ORDER BY rf.created_at, f.id`,
    [roundId, [...purposes]],
  );
  return rows.map(({ purpose, uploadedBy, ...file }) => ({ purpose, uploadedBy, file }));
}

// --- facts for the guards ---

export interface ApplicationFacts {
  files: Record<Exclude<ApplicationPurpose, 'transition' | 'rectification'>, number>;
  /** 'rectification' files uploaded since the round last entered acceptance_rejected. */
  rectificationSinceRejected: number;
  hasEvaluationOpinion: boolean;
  /** An opinion of the kind recorded since the round last entered its review state. */
  currentOpinion: Record<OpinionKind, boolean>;
}

export async function applicationFacts(db: Queryable, roundId: string): Promise<ApplicationFacts> {
  const count = (purpose: ApplicationPurpose) =>
    `(SELECT count(*) FROM round_files WHERE round_id = $1 AND purpose = '${purpose}')::int`;
  const current = (kind: OpinionKind) =>
    `EXISTS (SELECT 1 FROM review_opinions o WHERE o.round_id = $1 AND o.kind = '${kind}'
                AND o.created_at >= ${lastEntered('$1', OPINION_STATES[kind])})`;
  const { rows } = await db.query<{
    evaluationEvidence: number;
    capacityProof: number;
    acceptanceReport: number;
    monitoringBefore: number;
    monitoringAfter: number;
    rectification: number;
    hasEvaluationOpinion: boolean;
    evaluationCurrent: boolean;
    acceptanceCurrent: boolean;
  }>(
    `SELECT ${count('evaluation_evidence')} AS "evaluationEvidence", ${count('capacity_proof')} AS "capacityProof",
            ${count('acceptance_report')} AS "acceptanceReport", ${count('monitoring_before')} AS "monitoringBefore",
            ${count('monitoring_after')} AS "monitoringAfter",
            (SELECT count(*) FROM round_files rf WHERE rf.round_id = $1 AND rf.purpose = 'rectification'
                AND rf.created_at >= ${lastEntered('$1', 'acceptance_rejected')})::int AS rectification,
            EXISTS (SELECT 1 FROM review_opinions o WHERE o.round_id = $1 AND o.kind = 'evaluation') AS "hasEvaluationOpinion",
            ${current('evaluation')} AS "evaluationCurrent", ${current('acceptance')} AS "acceptanceCurrent"`,
    [roundId],
  );
  const r = rows[0];
  if (!r) throw new Error('application facts not loaded');
  return {
    files: {
      evaluation_evidence: r.evaluationEvidence,
      capacity_proof: r.capacityProof,
      acceptance_report: r.acceptanceReport,
      monitoring_before: r.monitoringBefore,
      monitoring_after: r.monitoringAfter,
    },
    rectificationSinceRejected: r.rectification,
    hasEvaluationOpinion: r.hasEvaluationOpinion,
    currentOpinion: { evaluation: r.evaluationCurrent, acceptance: r.acceptanceCurrent },
  };
}

// --- review opinions ---

const OPINION_SELECT = `SELECT o.id, o.round_id AS "roundId", o.kind, o.opinion_no AS "opinionNo", ${DAY('o.issued_on')} AS "issuedOn",
  o.body, o.options_to_implement AS "optionsToImplement", ${DAY('o.acceptance_due')} AS "acceptanceDue",
  u.username AS "createdBy", ${TS('o.created_at')} AS "createdAt", ${TS('o.updated_at')} AS "updatedAt",
  o.created_at >= CASE o.kind WHEN 'evaluation' THEN ${lastEntered('o.round_id', OPINION_STATES.evaluation)}
                              ELSE ${lastEntered('o.round_id', OPINION_STATES.acceptance)} END AS current
  FROM review_opinions o LEFT JOIN users u ON u.id = o.created_by`;

/** The opinions of a round, newest first. */
export async function listOpinions(db: Queryable, roundId: string): Promise<ReviewOpinion[]> {
  const { rows } = await db.query<ReviewOpinion>(`${OPINION_SELECT} WHERE o.round_id = $1 ORDER BY o.created_at DESC, o.id`, [
    roundId,
  ]);
  return rows;
}

export async function findOpinion(db: Queryable, roundId: string, opinionId: string): Promise<ReviewOpinion | undefined> {
  const { rows } = await db.query<ReviewOpinion>(`${OPINION_SELECT} WHERE o.round_id = $1 AND o.id = $2`, [roundId, opinionId]);
  return rows[0];
}

/** The opinion of the kind recorded in the round's current review, if any. */
export async function currentOpinion(db: Queryable, roundId: string, kind: OpinionKind): Promise<ReviewOpinion | undefined> {
  const { rows } = await db.query<ReviewOpinion>(
    `${OPINION_SELECT} WHERE o.round_id = $1 AND o.kind = $2
        AND o.created_at >= ${lastEntered('$1', OPINION_STATES[kind])}
      ORDER BY o.created_at DESC, o.id LIMIT 1`,
    [roundId, kind],
  );
  return rows[0];
}

export interface OpinionValues {
  opinionNo: string;
  issuedOn: string;
  body: string;
  optionsToImplement: string | null;
  acceptanceDue: string | null;
}

export async function insertOpinion(
  db: Queryable,
  round: Pick<RoundKeys, 'id' | 'cityCode' | 'districtCode'>,
  kind: OpinionKind,
  v: OpinionValues,
  userId: string | null,
  /** Defaults to now (the demo seed back-dates its opinions). */
  createdAt: string | null = null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO review_opinions (round_id, kind, opinion_no, issued_on, body, options_to_implement, acceptance_due,
       created_by, updated_by, city_code, district_code, created_at, updated_at)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7::date, $8, $8, $9, $10, COALESCE($11::timestamptz, now()),
             COALESCE($11::timestamptz, now()))
     RETURNING id`,
    [
      round.id, kind, v.opinionNo, v.issuedOn, v.body, v.optionsToImplement, v.acceptanceDue, userId, round.cityCode,
      round.districtCode, createdAt,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('opinion not written');
  return id;
}

export async function updateOpinion(db: Queryable, id: string, v: OpinionValues, userId: string): Promise<void> {
  await db.query(
    `UPDATE review_opinions SET opinion_no = $2, issued_on = $3::date, body = $4, options_to_implement = $5,
            acceptance_due = $6::date, updated_by = $7, updated_at = now()
      WHERE id = $1`,
    [id, v.opinionNo, v.issuedOn, v.body, v.optionsToImplement, v.acceptanceDue, userId],
  );
}

/** The campaign's months from passing evaluation to the acceptance deadline. */
export async function acceptanceMonths(db: Queryable, roundId: string): Promise<number> {
  const { rows } = await db.query<{ months: number }>(
    `SELECT c.acceptance_months_after_evaluation AS months
       FROM audit_rounds r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1`,
    [roundId],
  );
  const months = rows[0]?.months;
  if (months === undefined) throw new Error('campaign of the round not found');
  return months;
}

/**
 * The acceptance deadline rule: once a round has passed evaluation, its acceptance_due is the
 * deadline of its latest evaluation opinion when that opinion names one (the district's explicit date
 * wins over the default the evaluation result sets). The next deadline follows while acceptance is
 * what the round waits for. Returns whether the round changed.
 */
export async function syncAcceptanceDue(db: Queryable, roundId: string): Promise<boolean> {
  const { rows } = await db.query(
    `WITH o AS (SELECT acceptance_due FROM review_opinions
                 WHERE round_id = $1 AND kind = 'evaluation' AND acceptance_due IS NOT NULL
                 ORDER BY created_at DESC, id LIMIT 1)
     UPDATE audit_rounds r
        SET acceptance_due = o.acceptance_due,
            next_due_on = CASE WHEN r.state = ANY($2::text[]) THEN o.acceptance_due ELSE r.next_due_on END,
            updated_at = now()
       FROM o
      WHERE r.id = $1 AND r.evaluation_passed_on IS NOT NULL AND r.acceptance_due IS DISTINCT FROM o.acceptance_due
      RETURNING r.id`,
    [roundId, ACCEPTANCE_DUE_STATES],
  );
  return rows.length > 0;
}

/** The enterprise and round data a document names. */
export interface DocumentRound {
  enterpriseName: string;
  creditCode: string;
  districtName: string;
  listingYear: number;
  cityName: string;
}

export async function documentRound(db: Queryable, roundId: string): Promise<DocumentRound | undefined> {
  const { rows } = await db.query<DocumentRound>(
    `SELECT e.name AS "enterpriseName", e.credit_code AS "creditCode", d.name AS "districtName",
            r.listing_year AS "listingYear", c.name AS "cityName"
       FROM audit_rounds r JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions d ON d.code = r.district_code JOIN regions c ON c.code = r.city_code
      WHERE r.id = $1`,
    [roundId],
  );
  return rows[0];
}

/**
 * The panel result of an opinion's review: the first panel of the kind decided after the opinion was
 * recorded (the result is recorded after its opinion), or undefined while none is.
 */
export async function panelResultFor(
  db: Queryable,
  opinion: Pick<ReviewOpinion, 'roundId' | 'kind' | 'createdAt'>,
): Promise<{ score: number; grade: string } | undefined> {
  const { rows } = await db.query<{ score: string | number; grade: string }>(
    `SELECT panel_score AS score, grade FROM review_panels
      WHERE round_id = $1 AND kind = $2 AND decided_at IS NOT NULL AND decided_at >= $3::timestamptz
      ORDER BY decided_at, id LIMIT 1`,
    [opinion.roundId, opinion.kind, opinion.createdAt],
  );
  const row = rows[0];
  return row ? { score: Number(row.score), grade: row.grade } : undefined;
}
