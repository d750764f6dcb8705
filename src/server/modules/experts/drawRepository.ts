import type { ExpertRecord, PanelDraw } from '../../../shared/contracts/experts';
import type { ExclusionReason, ExpertFacts } from '../../../shared/domain/recusal';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';
import { roundScope, TS } from '../rounds/repository';

/** SQL of panel draws: the facts of the pool (set-based, one statement), draw records, the expert record. */

export interface PoolRow extends ExpertFacts {
  expertId: string;
  name: string;
}

/** The round's side: enterprise and its active consulting agency. */
export interface RoundParties {
  enterpriseId: string;
  enterpriseName: string;
  agencyId: string | null;
  agencyName: string | null;
  cityCode: string;
  districtCode: string;
}

export async function roundParties(db: Queryable, roundId: string): Promise<RoundParties> {
  const { rows } = await db.query<RoundParties>(
    `SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", g.agency_id AS "agencyId", o.name AS "agencyName",
            r.city_code AS "cityCode", r.district_code AS "districtCode"
       FROM audit_rounds r JOIN enterprises e ON e.id = r.enterprise_id
       LEFT JOIN round_engagements g ON g.round_id = r.id AND g.ended_at IS NULL
       LEFT JOIN organizations o ON o.id = g.agency_id
      WHERE r.id = $1`,
    [roundId],
  );
  const row = rows[0];
  if (!row) throw new Error(`round ${roundId} vanished`);
  return row;
}

/** The accepted GB/T 4754 codes for required codes: each code, its section, and (for a section) its divisions. */
export async function acceptedIndustries(db: Queryable, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const { rows } = await db.query<{ code: string }>(
    `SELECT code FROM industries WHERE code = ANY($1::text[]) OR parent_code = ANY($1::text[])
     UNION SELECT parent_code FROM industries WHERE code = ANY($1::text[]) AND parent_code IS NOT NULL ORDER BY 1`,
    [[...codes]],
  );
  return rows.map((r) => r.code);
}

/**
 * The draw pool with its facts: every active expert of the city with an enabled expert account, one row each, in one
 * statement (correlated aggregates over indexed tables). "Engaged by the agency" = an active seat on a panel of another
 * round the agency served (any engagement, ended or not), dated by the panel's formation (China date).
 */
export async function poolFacts(
  db: Queryable,
  q: { cityCode: string; reviewOn: string; agencyId: string | null; roundId: string; panelId: string | null },
): Promise<PoolRow[]> {
  const { rows } = await db.query<PoolRow>(
    `SELECT u.id::text AS "userId", x.id AS "expertId", x.name, x.employer, x.industries, x.expertise,
            EXISTS (SELECT 1 FROM expert_availability a
                     WHERE a.expert_id = x.id AND $2::date BETWEEN a.from_on AND a.to_on) AS "unavailableOnReviewDate",
            COALESCE((SELECT array_agg(t.employer_name ORDER BY t.id) FROM expert_ties t
                       WHERE t.expert_id = x.id AND t.kind = 'employer'), '{}') AS "employerTies",
            COALESCE((SELECT array_agg(t.organization_id::text ORDER BY t.id) FROM expert_ties t
                       WHERE t.expert_id = x.id AND t.organization_id IS NOT NULL), '{}') AS "tiedOrgIds",
            (SELECT to_char(max((p.formed_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD')
               FROM panel_members m JOIN review_panels p ON p.id = m.panel_id
              WHERE m.expert_user_id = u.id AND m.replaced_at IS NULL AND p.round_id <> $4::uuid
                AND EXISTS (SELECT 1 FROM round_engagements g WHERE g.round_id = p.round_id AND g.agency_id = $3::uuid)
            ) AS "lastAgencyPanelOn",
            (SELECT count(*)::int FROM panel_members m JOIN review_panels p ON p.id = m.panel_id
              WHERE m.expert_user_id = u.id AND m.replaced_at IS NULL AND p.decided_at IS NULL) AS "openPanels",
            EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = $5::uuid AND m.expert_user_id = u.id) AS "onThisPanel"
       FROM experts x JOIN users u ON u.id = x.user_id
      WHERE x.city_code = $1 AND x.status = 'active' AND u.role = 'expert' AND u.disabled_at IS NULL
      ORDER BY u.id`,
    [q.cityCode, q.reviewOn, q.agencyId, q.roundId, q.panelId],
  );
  return rows;
}

export interface NewDraw {
  roundId: string;
  kind: 'evaluation' | 'acceptance';
  purpose: 'initial' | 'replacement';
  replacedUserId: string | null;
  size: number;
  requiredIndustries: readonly string[];
  requiredExpertise: readonly string[];
  reviewOn: string;
  criteria: { agencyLookbackMonths: number; maxOpenPanels: number; agencyName: string | null };
  candidates: readonly { id: string; expertId: string; name: string; employer: string | null }[];
  exclusions: readonly { id: string; expertId: string; name: string; employer: string | null; reasons: readonly ExclusionReason[] }[];
  seedHash: string | null;
  manualReason: string | null;
  createdBy: string;
  cityCode: string;
  districtCode: string;
}

/** Step 1: the record with its commitment (created_at = clock time) and the exclusions per expert. */
export async function insertDraw(db: Queryable, d: NewDraw): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO panel_draws (round_id, kind, purpose, replaced_user_id, size, required_industries, required_expertise,
       review_on, criteria, candidates, exclusions, seed_hash, manual, manual_reason, created_by, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17)
     RETURNING id`,
    [
      d.roundId,
      d.kind,
      d.purpose,
      d.replacedUserId,
      d.size,
      [...d.requiredIndustries],
      [...d.requiredExpertise],
      d.reviewOn,
      JSON.stringify(d.criteria),
      JSON.stringify(d.candidates),
      JSON.stringify(d.exclusions),
      d.seedHash,
      d.manualReason !== null,
      d.manualReason,
      d.createdBy,
      d.cityCode,
      d.districtCode,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('draw not created');
  if (d.exclusions.length) {
    await db.query(
      `INSERT INTO panel_draw_exclusions (draw_id, expert_id, reasons)
       SELECT $1, r."expertId", ARRAY(SELECT jsonb_array_elements_text(r.reasons))
         FROM jsonb_to_recordset($2::jsonb) AS r("expertId" uuid, reasons jsonb)`,
      [id, JSON.stringify(d.exclusions.map((x) => ({ expertId: x.expertId, reasons: x.reasons })))],
    );
  }
  return id;
}

/** Step 2: reveal the seed (null for a manual choice), store the result and link the panel (executed_at = clock time). */
export async function executeDraw(db: Queryable, drawId: string, seed: string | null, drawnIds: readonly string[], panelId: string): Promise<void> {
  await db.query(
    `UPDATE panel_draws SET seed = $2, drawn_ids = $3::uuid[], panel_id = $4, executed_at = clock_timestamp()
      WHERE id = $1 AND executed_at IS NULL`,
    [drawId, seed, [...drawnIds], panelId],
  );
}

const DRAW_SELECT = `SELECT d.id, d.round_id AS "roundId", d.panel_id AS "panelId", d.kind, d.purpose,
  d.replaced_user_id AS "replacedUserId", ru.display_name AS "replacedName", d.size,
  d.required_industries AS "requiredIndustries", d.required_expertise AS "requiredExpertise",
  to_char(d.review_on, 'YYYY-MM-DD') AS "reviewOn", d.criteria, d.candidates, d.exclusions, d.seed_hash AS "seedHash", d.seed,
  COALESCE(d.drawn_ids::text[], '{}') AS "drawnIds",
  COALESCE((SELECT json_agg(json_build_object('id', du.id, 'name', COALESCE(dx.name, du.display_name)) ORDER BY k.n)
              FROM unnest(d.drawn_ids) WITH ORDINALITY AS k(uid, n) JOIN users du ON du.id = k.uid
              LEFT JOIN experts dx ON dx.user_id = du.id), '[]'::json) AS drawn,
  d.manual, d.manual_reason AS "manualReason", cu.display_name AS "createdByName",
  ${TS('d.created_at')} AS "createdAt", ${TS('d.executed_at')} AS "executedAt"
  FROM panel_draws d JOIN audit_rounds r ON r.id = d.round_id
  LEFT JOIN users ru ON ru.id = d.replaced_user_id LEFT JOIN users cu ON cu.id = d.created_by`;

/**
 * A draw the caller may see: experts only the draws of a panel they sit on (active member); everyone else the draws of
 * rounds in their scope.
 */
export async function findDraw(db: Queryable, scope: DataScope, drawId: string): Promise<PanelDraw | undefined> {
  const p = new Params();
  const visible =
    scope.kind === 'expert'
      ? `EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = d.panel_id AND m.expert_user_id = ${p.add(scope.userId)}
                  AND m.replaced_at IS NULL)`
      : roundScope(scope, p);
  const { rows } = await db.query<PanelDraw>(`${DRAW_SELECT} WHERE d.id = ${p.add(drawId)} AND ${visible}`, p.values);
  return rows[0];
}

/** The draws of a round (the caller's scope on the round was checked), newest first; experts only their panels'. */
export async function roundDraws(db: Queryable, scope: DataScope, roundId: string): Promise<PanelDraw[]> {
  const p = new Params();
  const where = [`d.round_id = ${p.add(roundId)}`];
  if (scope.kind === 'expert') {
    where.push(`EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = d.panel_id AND m.expert_user_id = ${p.add(scope.userId)}
                 AND m.replaced_at IS NULL)`);
  }
  const { rows } = await db.query<PanelDraw>(`${DRAW_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id`, p.values);
  return rows;
}

/** The expert record: reviews sat on, recusals per draw, declines and replacements, ratings when recorded. */
export async function expertRecord(db: Queryable, expertId: string, userId: string | null): Promise<Omit<ExpertRecord, 'expert'>> {
  const uid = userId ?? '00000000-0000-0000-0000-000000000000';
  const [reviews, recusals, declines, ratings] = await Promise.all([
    db.query<ExpertRecord['reviews'][number]>(
      `SELECT p.id AS "panelId", r.id AS "roundId", e.name AS "enterpriseName", p.kind, ${TS('p.formed_at')} AS "formedAt",
              ${TS('p.decided_at')} AS "decidedAt", p.grade,
              CASE WHEN m.replaced_at IS NULL THEN 'active' WHEN m.has_conflict THEN 'declined' ELSE 'replaced' END AS status
         FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
         JOIN enterprises e ON e.id = r.enterprise_id
        WHERE m.expert_user_id = $1 ORDER BY p.formed_at DESC, p.id LIMIT 200`,
      [uid],
    ),
    db.query<ExpertRecord['recusals'][number]>(
      `SELECT d.id AS "drawId", r.id AS "roundId", e.name AS "enterpriseName", ${TS('d.created_at')} AS "createdAt", x.reasons
         FROM panel_draw_exclusions x JOIN panel_draws d ON d.id = x.draw_id JOIN audit_rounds r ON r.id = d.round_id
         JOIN enterprises e ON e.id = r.enterprise_id
        WHERE x.expert_id = $1 ORDER BY d.created_at DESC, d.id LIMIT 200`,
      [expertId],
    ),
    db.query<ExpertRecord['declines'][number]>(
      `SELECT p.id AS "panelId", r.id AS "roundId", e.name AS "enterpriseName", m.conflict_note AS "conflictNote",
              ${TS('m.replaced_at')} AS "replacedAt",
              (SELECT d.id FROM panel_draws d WHERE d.panel_id = p.id AND d.replaced_user_id = m.expert_user_id
                ORDER BY d.created_at DESC LIMIT 1) AS "replacementDrawId"
         FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
         JOIN enterprises e ON e.id = r.enterprise_id
        WHERE m.expert_user_id = $1 AND (m.has_conflict OR m.replaced_at IS NOT NULL)
        ORDER BY p.formed_at DESC, p.id LIMIT 200`,
      [uid],
    ),
    db.query<ExpertRecord['ratings']>(
      'SELECT avg(rating)::float8 AS average, count(*)::int AS count FROM expert_ratings WHERE expert_user_id = $1',
      [uid],
    ),
  ]);
  return {
    reviews: reviews.rows,
    recusals: recusals.rows,
    declines: declines.rows,
    ratings: ratings.rows[0] ?? { average: null, count: 0 },
  };
}
