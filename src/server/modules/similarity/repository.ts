import type { RoundBaseline, RuleOption } from '../../../shared/domain/options';
import type { DataScope } from '../../../shared/domain/roles';
import type { TextSignature } from '../../../shared/domain/similarity';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';
import { roundScope, TS } from '../rounds/repository';

export type SourceKind = 'option' | 'report_summary';

/** The round's agency: its latest engagement (the active one first). */
export const ROUND_AGENCY = (round: string) =>
  `(SELECT g.agency_id FROM round_engagements g WHERE g.round_id = ${round} ORDER BY g.ended_at DESC NULLS FIRST, g.engaged_at DESC LIMIT 1)`;

/** Stores (or replaces) the signature of one text; a text too short to compare (null) removes it. */
export async function saveSignature(
  db: Queryable,
  source: { kind: SourceKind; id: string; roundId: string; cityCode: string },
  sig: TextSignature | null,
): Promise<void> {
  if (!sig) {
    await deleteSignature(db, source.kind, source.id);
    return;
  }
  await db.query(
    `INSERT INTO text_signatures (round_id, source_kind, source_id, city_code, shingles, signature, band_keys)
     VALUES ($1, $2, $3, $4, $5::text[], $6::int[], $7::int[])
     ON CONFLICT (source_kind, source_id) DO UPDATE SET shingles = EXCLUDED.shingles, signature = EXCLUDED.signature,
       band_keys = EXCLUDED.band_keys, computed_at = now()`,
    [source.roundId, source.kind, source.id, source.cityCode, sig.shingles, sig.signature, sig.bandKeys],
  );
}

export async function deleteSignature(db: Queryable, kind: SourceKind, sourceId: string): Promise<void> {
  await db.query('DELETE FROM text_signatures WHERE source_kind = $1 AND source_id = $2', [kind, sourceId]);
}

/** An option's text as compared (name + description) with its round's keys. */
export async function optionText(db: Queryable, optionId: string): Promise<{ roundId: string; cityCode: string; text: string } | undefined> {
  const { rows } = await db.query<{ roundId: string; cityCode: string; text: string }>(
    `SELECT round_id AS "roundId", city_code AS "cityCode", name || ' ' || COALESCE(description, '') AS text FROM round_options WHERE id = $1`,
    [optionId],
  );
  return rows[0];
}

/** One page of texts (keyset on the source id) for the backfill. */
export async function textsAfter(
  db: Queryable,
  kind: SourceKind,
  after: string,
  limit: number,
): Promise<{ id: string; roundId: string; cityCode: string; text: string }[]> {
  const sql =
    kind === 'option'
      ? `SELECT id, round_id AS "roundId", city_code AS "cityCode", name || ' ' || COALESCE(description, '') AS text
           FROM round_options WHERE id > $1::uuid ORDER BY id LIMIT $2`
      : `SELECT round_id AS id, round_id AS "roundId", city_code AS "cityCode", summary AS text
           FROM round_report_summaries WHERE round_id > $1::uuid ORDER BY round_id LIMIT $2`;
  const { rows } = await db.query<{ id: string; roundId: string; cityCode: string; text: string }>(sql, [after, limit]);
  return rows;
}

/** Stores many signatures in one statement (backfill). */
export async function saveSignatures(
  db: Queryable,
  kind: SourceKind,
  rows: readonly { id: string; roundId: string; cityCode: string; sig: TextSignature }[],
): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO text_signatures (round_id, source_kind, source_id, city_code, shingles, signature, band_keys)
     SELECT x.round_id, $1, x.source_id, x.city_code,
            ARRAY(SELECT jsonb_array_elements_text(x.shingles)),
            ARRAY(SELECT jsonb_array_elements_text(x.signature)::int),
            ARRAY(SELECT jsonb_array_elements_text(x.band_keys)::int)
       FROM jsonb_to_recordset($2::jsonb) AS x(round_id uuid, source_id uuid, city_code text, shingles jsonb, signature jsonb, band_keys jsonb)
     ON CONFLICT (source_kind, source_id) DO UPDATE SET shingles = EXCLUDED.shingles, signature = EXCLUDED.signature,
       band_keys = EXCLUDED.band_keys, computed_at = now()`,
    [
      kind,
      JSON.stringify(
        rows.map((r) => ({
          round_id: r.roundId,
          source_id: r.id,
          city_code: r.cityCode,
          shingles: r.sig.shingles,
          signature: r.sig.signature,
          band_keys: r.sig.bandKeys,
        })),
      ),
    ],
  );
}

/** The summary of a round's audit report, if entered. */
export async function reportSummary(db: Queryable, roundId: string): Promise<{ summary: string; updatedAt: string } | undefined> {
  const { rows } = await db.query<{ summary: string; updatedAt: string }>(
    `SELECT summary, ${TS('updated_at')} AS "updatedAt" FROM round_report_summaries WHERE round_id = $1`,
    [roundId],
  );
  return rows[0];
}

export async function saveReportSummary(
  db: Queryable,
  round: { id: string; cityCode: string; districtCode: string },
  summary: string,
  userId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO round_report_summaries (round_id, summary, updated_by, city_code, district_code) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (round_id) DO UPDATE SET summary = EXCLUDED.summary, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [round.id, summary, userId, round.cityCode, round.districtCode],
  );
}

/** A scored pair: a text of the round and a text of another round of the city. */
export interface PairRow {
  kind: SourceKind;
  sourceId: string;
  otherSourceId: string;
  otherRoundId: string;
  score: number;
  text: string;
  label: string;
  otherText: string;
  otherLabel: string;
  otherEnterpriseName: string;
  otherListingYear: number;
  otherDistrictName: string;
  otherAgencyName: string | null;
  sameAgency: boolean;
  sameEnterprise: boolean;
  readable: boolean;
}

const TEXT_OF = (alias: string) => `CASE ${alias}.source_kind
    WHEN 'option' THEN (SELECT o.name || ' ' || COALESCE(o.description, '') FROM round_options o WHERE o.id = ${alias}.source_id)
    ELSE (SELECT s.summary FROM round_report_summaries s WHERE s.round_id = ${alias}.source_id) END`;
const LABEL_OF = (alias: string) => `CASE ${alias}.source_kind
    WHEN 'option' THEN (SELECT o.seq::text || '|' || o.name FROM round_options o WHERE o.id = ${alias}.source_id)
    ELSE '' END`;

/**
 * Candidate pairs by LSH banding (a shared band key, GIN index on band_keys), scored by the exact Jaccard of
 * the shingle sets in SQL, at or above `threshold`; best first, at most `limit`. `readable` says whether the
 * caller's scope reaches the other round.
 */
export async function similarPairs(
  db: Queryable,
  scope: DataScope,
  round: { id: string; cityCode: string; enterpriseId: string },
  threshold: number,
  limit: number,
): Promise<PairRow[]> {
  const p = new Params();
  const rid = p.add(round.id);
  const city = p.add(round.cityCode);
  const { rows } = await db.query<PairRow>(
    `WITH cand AS (
       SELECT DISTINCT m.id AS mine, t.id AS other
         FROM text_signatures m JOIN text_signatures t
           ON t.band_keys && m.band_keys AND t.source_kind = m.source_kind AND t.city_code = ${city} AND t.round_id <> m.round_id
        WHERE m.round_id = ${rid}),
     scored AS (
       SELECT c.mine, c.other,
              (SELECT count(*) FROM (SELECT unnest(m.shingles) INTERSECT SELECT unnest(t.shingles)) x)::float8 AS common,
              cardinality(m.shingles) AS na, cardinality(t.shingles) AS nb
         FROM cand c JOIN text_signatures m ON m.id = c.mine JOIN text_signatures t ON t.id = c.other),
     best AS (
       SELECT s.*, s.common / NULLIF(s.na + s.nb - s.common, 0) AS score FROM scored s
        WHERE s.common / NULLIF(s.na + s.nb - s.common, 0) >= ${p.add(threshold)}
        ORDER BY score DESC, s.mine, s.other LIMIT ${p.add(limit)})
     SELECT m.source_kind AS kind, m.source_id AS "sourceId", t.source_id AS "otherSourceId", t.round_id AS "otherRoundId",
            b.score, ${TEXT_OF('m')} AS text, ${LABEL_OF('m')} AS label, ${TEXT_OF('t')} AS "otherText", ${LABEL_OF('t')} AS "otherLabel",
            e.name AS "otherEnterpriseName", r.listing_year AS "otherListingYear", d.name AS "otherDistrictName",
            ao.name AS "otherAgencyName",
            (ao.id IS NOT NULL AND ao.id IS NOT DISTINCT FROM ${ROUND_AGENCY(rid)}) AS "sameAgency",
            (r.enterprise_id = ${p.add(round.enterpriseId)}) AS "sameEnterprise",
            EXISTS (SELECT 1 FROM audit_rounds r WHERE r.id = t.round_id AND ${roundScope(scope, p)}) AS readable
       FROM best b JOIN text_signatures m ON m.id = b.mine JOIN text_signatures t ON t.id = b.other
       JOIN audit_rounds r ON r.id = t.round_id JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions d ON d.code = r.district_code
       LEFT JOIN organizations ao ON ao.id = ${ROUND_AGENCY('r.id')}
      ORDER BY b.score DESC, m.source_kind, m.source_id, t.source_id`,
    p.values,
  );
  return rows;
}

// --- per agency ---

/** An agency organisation of the city. */
export async function findAgency(db: Queryable, cityCode: string, agencyId: string): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM organizations WHERE id = $1 AND kind = 'agency' AND city_code = $2`,
    [agencyId, cityCode],
  );
  return rows[0];
}

/** Rounds an agency served (any engagement), restricted to the caller's bureau scope. */
function agencyRounds(scope: DataScope, p: Params, agencyId: string): string {
  const region = scope.kind === 'district' ? `r.district_code = ${p.add(scope.districtCode)}` : scope.kind === 'city' ? `r.city_code = ${p.add(scope.cityCode)}` : 'false';
  return `SELECT r.id, r.city_code FROM audit_rounds r
           WHERE ${region} AND EXISTS (SELECT 1 FROM round_engagements g WHERE g.round_id = r.id AND g.agency_id = ${p.add(agencyId)})`;
}

/** Every option of the agency's rounds in scope (one query), with the round's baseline and city. */
export async function agencyOptions(
  db: Queryable,
  scope: DataScope,
  agencyId: string,
): Promise<{ rounds: { id: string; cityCode: string; baseline: RoundBaseline }[]; options: (RuleOption & { roundId: string })[] }> {
  const p = new Params();
  const ar = agencyRounds(scope, p, agencyId);
  const [rounds, options] = await Promise.all([
    db.query<{ id: string; cityCode: string; baseline: RoundBaseline }>(
      `SELECT ar.id, ar.city_code AS "cityCode",
              json_build_object('energyTce', b.energy_tce::float8, 'electricity10kKwh', b.electricity_10k_kwh::float8,
                                'waterTonnes', b.water_tonnes::float8) AS baseline
         FROM (${ar}) ar LEFT JOIN round_baselines b ON b.round_id = ar.id ORDER BY ar.id`,
      p.values,
    ),
    db.query<RuleOption & { roundId: string }>(
      `SELECT o.id, o.round_id AS "roundId", o.seq, o.name AS "optionName", o.description, o.category, o.status,
              o.drop_reason AS "dropReason", o.investment::float8 AS investment, o.feasibility,
              COALESCE((SELECT jsonb_object_agg(x.indicator, x.predicted::float8) FROM round_option_benefits x
                         WHERE x.option_id = o.id AND x.predicted IS NOT NULL), '{}'::jsonb) AS predicted,
              COALESCE((SELECT jsonb_object_agg(x.indicator, x.actual::float8) FROM round_option_benefits x
                         WHERE x.option_id = o.id AND x.actual IS NOT NULL), '{}'::jsonb) AS actual
         FROM round_options o WHERE o.round_id IN (SELECT id FROM (${ar}) ar2) ORDER BY o.round_id, o.seq`,
      p.values,
    ),
  ]);
  return { rounds: rounds.rows, options: options.rows };
}

/** Similar pairs (exact Jaccard ≥ threshold) touching the agency's rounds in scope, and those where both rounds are its. */
export async function agencyPairCounts(
  db: Queryable,
  scope: DataScope,
  agencyId: string,
  threshold: number,
): Promise<{ pairs: number; sameAgencyPairs: number }> {
  const p = new Params();
  const ar = agencyRounds(scope, p, agencyId);
  const agency = p.add(agencyId);
  const { rows } = await db.query<{ pairs: number; sameAgencyPairs: number }>(
    `WITH mine AS (SELECT t.* FROM text_signatures t WHERE t.round_id IN (SELECT id FROM (${ar}) ar)),
     cand AS (
       SELECT DISTINCT LEAST(m.id, t.id) AS a, GREATEST(m.id, t.id) AS b
         FROM mine m JOIN text_signatures t
           ON t.band_keys && m.band_keys AND t.source_kind = m.source_kind AND t.city_code = m.city_code AND t.round_id <> m.round_id),
     scored AS (
       SELECT c.a, c.b, ta.round_id AS ra, tb.round_id AS rb,
              (SELECT count(*) FROM (SELECT unnest(ta.shingles) INTERSECT SELECT unnest(tb.shingles)) x)::float8 AS common,
              cardinality(ta.shingles) + cardinality(tb.shingles) AS total
         FROM cand c JOIN text_signatures ta ON ta.id = c.a JOIN text_signatures tb ON tb.id = c.b)
     SELECT count(*)::int AS pairs,
            count(*) FILTER (WHERE ${ROUND_AGENCY('s.ra')} = ${agency} AND ${ROUND_AGENCY('s.rb')} = ${agency})::int AS "sameAgencyPairs"
       FROM scored s WHERE s.common / NULLIF(s.total - s.common, 0) >= ${p.add(threshold)}`,
    p.values,
  );
  return rows[0] ?? { pairs: 0, sameAgencyPairs: 0 };
}

/** A round in the caller's scope with what the comparison needs. */
export async function findRound(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<{ id: string; state: string; cityCode: string; districtCode: string; enterpriseId: string; agencyName: string | null } | undefined> {
  const p = new Params();
  const { rows } = await db.query<{ id: string; state: string; cityCode: string; districtCode: string; enterpriseId: string; agencyName: string | null }>(
    `SELECT r.id, r.state, r.city_code AS "cityCode", r.district_code AS "districtCode", r.enterprise_id AS "enterpriseId",
            (SELECT o.name FROM organizations o WHERE o.id = ${ROUND_AGENCY('r.id')}) AS "agencyName"
       FROM audit_rounds r WHERE r.id = ${p.add(id)} AND ${roundScope(scope, p)} ${lock ? 'FOR UPDATE OF r' : ''}`,
    p.values,
  );
  return rows[0];
}
