import type { EnterpriseOverview } from '../../../shared/contracts/enterpriseOverview';
import type { Queryable } from '../../db/types';

/** Rows per section of the 360° view; an enterprise has a handful of rounds, so the cap only guards odd data. */
export const OVERVIEW_CAP = 500;

type Section<K extends keyof EnterpriseOverview> = EnterpriseOverview[K];

async function capped<T>(db: Queryable, sql: string, enterpriseId: string): Promise<{ rows: T[]; truncated: boolean }> {
  const { rows } = await db.query<T & object>(`${sql} LIMIT ${OVERVIEW_CAP + 1}`, [enterpriseId]);
  return { rows: rows.slice(0, OVERVIEW_CAP), truncated: rows.length > OVERVIEW_CAP };
}

/** Rounds with their latest decided evaluation and acceptance panel, the active agency and option counts. */
export const roundsOf = (db: Queryable, enterpriseId: string) =>
  capped<Section<'rounds'>[number]>(
    db,
    `SELECT r.id, r.listing_year AS "listingYear", r.state, r.reasons, r.audit_mode AS "auditMode",
            ag.name AS "agencyName", r.next_due_on::text AS "nextDueOn",
            ev.decision AS evaluation, ac.decision AS acceptance,
            COALESCE(o.total, 0)::int AS "optionCount", COALESCE(o.implemented, 0)::int AS "implementedCount"
       FROM audit_rounds r
       LEFT JOIN round_engagements en ON en.round_id = r.id AND en.ended_at IS NULL
       LEFT JOIN organizations ag ON ag.id = en.agency_id
       LEFT JOIN LATERAL (
         SELECT jsonb_build_object('score', p.panel_score::float8, 'grade', p.grade,
                                   'decidedOn', to_char(p.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')) AS decision
           FROM review_panels p WHERE p.round_id = r.id AND p.kind = 'evaluation' AND p.decided_at IS NOT NULL
          ORDER BY p.decided_at DESC LIMIT 1) ev ON TRUE
       LEFT JOIN LATERAL (
         SELECT jsonb_build_object('score', p.panel_score::float8, 'grade', p.grade,
                                   'decidedOn', to_char(p.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')) AS decision
           FROM review_panels p WHERE p.round_id = r.id AND p.kind = 'acceptance' AND p.decided_at IS NOT NULL
          ORDER BY p.decided_at DESC LIMIT 1) ac ON TRUE
       LEFT JOIN LATERAL (
         SELECT count(*) AS total, count(*) FILTER (WHERE status = 'implemented') AS implemented
           FROM round_options WHERE round_id = r.id) o ON TRUE
      WHERE r.enterprise_id = $1
      ORDER BY r.listing_year DESC, r.id`,
    enterpriseId,
  );

export const optionsOf = (db: Queryable, enterpriseId: string) =>
  capped<Section<'options'>[number]>(
    db,
    `SELECT o.id, o.round_id AS "roundId", r.listing_year AS "listingYear", o.seq, o.name, o.category, o.status,
            o.investment::float8 AS investment, o.actual_effective_on::text AS "actualEffectiveOn"
       FROM round_options o JOIN audit_rounds r ON r.id = o.round_id
      WHERE r.enterprise_id = $1
      ORDER BY r.listing_year DESC, o.seq`,
    enterpriseId,
  );

export const casesOf = (db: Queryable, enterpriseId: string) =>
  capped<Section<'cases'>[number]>(
    db,
    `SELECT id, round_id AS "roundId", violation_type AS "violationType", measure, opened_on::text AS "openedOn",
            decision_no AS "decisionNo", decided_on::text AS "decidedOn", fine_amount::float8 AS "fineAmount", status
       FROM enforcement_cases WHERE enterprise_id = $1
      ORDER BY opened_on DESC, id`,
    enterpriseId,
  );

export const creditRecordsOf = (db: Queryable, enterpriseId: string) =>
  capped<Section<'creditRecords'>[number]>(
    db,
    `SELECT id, kind, source, recorded_on::text AS "recordedOn", description_zh AS "descriptionZh",
            description_en AS "descriptionEn"
       FROM credit_records WHERE enterprise_id = $1
      ORDER BY recorded_on DESC, id`,
    enterpriseId,
  );

export const spotChecksOf = (db: Queryable, enterpriseId: string) =>
  capped<Section<'spotChecks'>[number]>(
    db,
    `SELECT i.id AS "itemId", s.id AS "spotCheckId", s.title, s.year, i.round_id AS "roundId",
            r.listing_year AS "listingYear", i.result, i.categories, i.checked_on::text AS "checkedOn",
            (s.status = 'published') AS published
       FROM spot_check_items i
       JOIN spot_checks s ON s.id = i.spot_check_id
       JOIN audit_rounds r ON r.id = i.round_id
      WHERE r.enterprise_id = $1
      ORDER BY s.year DESC, i.draw_order`,
    enterpriseId,
  );

export async function disclosureScopeOf(db: Queryable, enterpriseId: string): Promise<EnterpriseOverview['disclosureScope']> {
  const { rows } = await db.query<NonNullable<EnterpriseOverview['disclosureScope']>>(
    `SELECT in_scope AS "inScope", since::text AS since, reason, source FROM disclosure_scope_marks WHERE enterprise_id = $1`,
    [enterpriseId],
  );
  return rows[0] ?? null;
}
