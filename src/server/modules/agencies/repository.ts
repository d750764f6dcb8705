import type {
  Agency,
  AgencyInput,
  AgencyListQuery,
  AgencyPatch,
  AgencyRound,
  AgencyRoundsQuery,
  Auditor,
  AuditorInput,
  AuditorListQuery,
  AuditorPatch,
  Feedback,
  StatusChange,
} from '../../../shared/contracts/agencies';
import type { AgencyStatus } from '../../../shared/domain/agencies';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';
import { roundScope } from '../rounds/repository';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/**
 * The agency registry: organisations of kind 'agency' with their detail row (LEFT JOIN: an agency organisation
 * created before its detail row still shows, as 'normal' with an empty profile).
 */
const FROM = `FROM organizations o
  LEFT JOIN agencies a ON a.id = o.id
  LEFT JOIN regions d ON d.code = o.district_code`;

const COLUMNS = `o.id, o.name, o.credit_code AS "creditCode", o.district_code AS "districtCode", d.name AS "districtName",
  a.address, a.legal_representative AS "legalRepresentative", a.contact_name AS "contactName",
  a.contact_phone AS "contactPhone", a.contact_email AS "contactEmail",
  COALESCE(a.service_district_codes, '{}') AS "serviceDistrictCodes", COALESCE(a.status, 'normal') AS status,
  ${TS('a.status_changed_at')} AS "statusChangedAt",
  (SELECT count(*)::int FROM agency_auditors x WHERE x.agency_id = o.id AND x.active) AS "auditorCount",
  fb.n AS "feedbackCount", fb.average AS "averageRating",
  ${TS('GREATEST(o.updated_at, COALESCE(a.updated_at, o.updated_at))')} AS "updatedAt"`;

/** Feedback count and average rating of agency `o`, one lateral aggregate on the (agency_id, …) index. */
const FEEDBACK_JOIN = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS n, round(avg(f.rating), 2)::float8 AS average FROM agency_feedback f WHERE f.agency_id = o.id
  ) fb ON TRUE`;

/**
 * The caller's data scope over agencies `o`: the city and its districts see every agency of the city (agencies
 * serve across districts); an agency user sees only its own agency; enterprises and experts nothing.
 */
export function agencyScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
    case 'district':
      return `o.city_code = ${p.add(scope.cityCode)}`;
    case 'agency':
      return `o.id = ${p.add(scope.agencyId)}`;
    case 'enterprise':
    case 'expert':
      return 'FALSE';
  }
}

const SORT_COLUMNS = {
  name: 'o.name',
  creditCode: 'o.credit_code',
  status: `array_position(ARRAY['dishonest','warned','normal']::text[], COALESCE(a.status, 'normal'))`,
  roundsServed: 'served.n',
  averageRating: 'fb.average',
  updatedAt: 'GREATEST(o.updated_at, COALESCE(a.updated_at, o.updated_at))',
} as const;

export async function listAgencies(
  db: Queryable,
  scope: DataScope,
  q: AgencyListQuery,
): Promise<{ items: Agency[]; total: number }> {
  const p = new Params();
  const where = [`o.kind = 'agency'`, agencyScope(scope, p)];
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(o.name ILIKE ${p.add(`%${kw}%`)} OR o.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  if (q.status) where.push(`COALESCE(a.status, 'normal') = ${p.add(q.status)}`);
  if (q.districtCode) where.push(`a.service_district_codes @> ARRAY[${p.add(q.districtCode)}]::text[]`);
  const filter = `WHERE ${where.join(' AND ')}`;
  // Rounds served (of the chosen listing year) for sorting: one lateral count per listed agency.
  const yearCond = q.year !== undefined ? `AND r.listing_year = ${p.add(q.year)}` : '';
  const servedJoin = `LEFT JOIN LATERAL (
      SELECT count(DISTINCT g.round_id)::int AS n FROM round_engagements g JOIN audit_rounds r ON r.id = g.round_id
       WHERE g.agency_id = o.id ${yearCond}) served ON TRUE`;
  return queryPage<Agency>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT ${COLUMNS} ${FROM} ${FEEDBACK_JOIN} ${servedJoin} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'o.id')}`,
    // The count repeats the lateral join so that both statements take the same parameters.
    `SELECT count(*)::int AS total ${FROM} ${servedJoin} ${filter}`,
  );
}

export async function findAgency(db: Queryable, scope: DataScope, id: string): Promise<Agency | undefined> {
  const p = new Params();
  const { rows } = await db.query<Agency>(
    `SELECT ${COLUMNS} ${FROM} ${FEEDBACK_JOIN}
      WHERE o.kind = 'agency' AND o.id = ${p.add(id)} AND ${agencyScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

/** The agency's city; the organisation row is locked (and its detail row created if missing) for a change. */
export async function lockAgency(db: Queryable, scope: DataScope, id: string): Promise<{ cityCode: string; status: AgencyStatus } | undefined> {
  const p = new Params();
  const { rows } = await db.query<{ cityCode: string }>(
    `SELECT o.city_code AS "cityCode" FROM organizations o
      WHERE o.kind = 'agency' AND o.id = ${p.add(id)} AND ${agencyScope(scope, p)} FOR UPDATE OF o`,
    p.values,
  );
  const found = rows[0];
  if (!found) return undefined;
  await db.query(`INSERT INTO agencies (id, city_code) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [id, found.cityCode]);
  const { rows: detail } = await db.query<{ status: AgencyStatus }>('SELECT status FROM agencies WHERE id = $1 FOR UPDATE', [id]);
  return { cityCode: found.cityCode, status: detail[0]?.status ?? 'normal' };
}

export async function creditCodeOwner(db: Queryable, creditCode: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM organizations WHERE kind = 'agency' AND credit_code = $1`,
    [creditCode],
  );
  return rows[0]?.id;
}

/** District codes among `codes` that are not districts of `cityCode`. */
export async function unknownDistricts(db: Queryable, cityCode: string, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const { rows } = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) AS c
      WHERE NOT EXISTS (SELECT 1 FROM regions g WHERE g.code = c AND g.level = 'district' AND g.parent_code = $2)`,
    [codes, cityCode],
  );
  return rows.map((r) => r.code);
}

/** Industry codes among `codes` that do not exist. */
export async function unknownIndustries(db: Queryable, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const { rows } = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM industries i WHERE i.code = c)`,
    [codes],
  );
  return rows.map((r) => r.code);
}

export async function insertAgency(db: Queryable, input: AgencyInput, cityCode: string): Promise<string> {
  const org = await db.query<{ id: string }>(
    `INSERT INTO organizations (kind, name, city_code, district_code, credit_code)
     VALUES ('agency', $1, $2, $3, $4) RETURNING id`,
    [input.name, cityCode, input.districtCode ?? null, input.creditCode],
  );
  const id = org.rows[0]?.id;
  if (!id) throw new Error('organisation insert returned no id');
  await db.query(
    `INSERT INTO agencies (id, city_code, address, legal_representative, contact_name, contact_phone, contact_email,
                           service_district_codes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])`,
    [id, cityCode, input.address, input.legalRepresentative, input.contactName, input.contactPhone,
      input.contactEmail ?? null, input.serviceDistrictCodes],
  );
  return id;
}

const ORG_COLUMNS = { name: 'name', creditCode: 'credit_code', districtCode: 'district_code' } as const;
const DETAIL_COLUMNS = {
  address: 'address',
  legalRepresentative: 'legal_representative',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  serviceDistrictCodes: 'service_district_codes',
} as const;

export async function updateAgency(db: Queryable, id: string, patch: AgencyPatch): Promise<void> {
  const orgKeys = (Object.keys(ORG_COLUMNS) as (keyof typeof ORG_COLUMNS)[]).filter((k) => patch[k] !== undefined);
  if (orgKeys.length) {
    const p = new Params();
    const sets = orgKeys.map((k) => `${ORG_COLUMNS[k]} = ${p.add(patch[k] ?? null)}`);
    await db.query(`UPDATE organizations SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }
  const detailKeys = (Object.keys(DETAIL_COLUMNS) as (keyof typeof DETAIL_COLUMNS)[]).filter((k) => patch[k] !== undefined);
  if (detailKeys.length) {
    const p = new Params();
    const sets = detailKeys.map((k) => `${DETAIL_COLUMNS[k]} = ${p.add(patch[k] ?? null)}`);
    await db.query(`UPDATE agencies SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }
}

// --- auditors ---

const AUDITOR_COLUMNS = `x.id, x.agency_id AS "agencyId", x.name, x.certificate_no AS "certificateNo", x.specialities,
  x.phone, x.active, ${TS('x.updated_at')} AS "updatedAt"`;

export async function listAuditors(db: Queryable, agencyId: string, q: AuditorListQuery): Promise<{ items: Auditor[]; total: number }> {
  const p = new Params();
  const where = [`x.agency_id = ${p.add(agencyId)}`];
  if (q.active) where.push(`x.active = ${p.add(q.active === 'true')}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(x.name ILIKE ${p.add(`%${kw}%`)} OR x.certificate_no ILIKE ${p.add(`%${kw}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<Auditor>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT ${AUDITOR_COLUMNS} FROM agency_auditors x ${filter} ORDER BY x.active DESC, x.name, x.id`,
    `SELECT count(*)::int AS total FROM agency_auditors x ${filter}`,
  );
}

export async function findAuditor(db: Queryable, agencyId: string, auditorId: string, forUpdate = false): Promise<Auditor | undefined> {
  const { rows } = await db.query<Auditor>(
    `SELECT ${AUDITOR_COLUMNS} FROM agency_auditors x WHERE x.id = $1 AND x.agency_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [auditorId, agencyId],
  );
  return rows[0];
}

export async function certificateOwner(db: Queryable, agencyId: string, certificateNo: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM agency_auditors WHERE agency_id = $1 AND certificate_no = $2',
    [agencyId, certificateNo],
  );
  return rows[0]?.id;
}

export async function insertAuditor(db: Queryable, agencyId: string, cityCode: string, input: AuditorInput): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO agency_auditors (agency_id, city_code, name, certificate_no, specialities, phone, active)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING id`,
    [agencyId, cityCode, input.name, input.certificateNo, input.specialities, input.phone ?? null, input.active],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('auditor insert returned no id');
  return id;
}

const AUDITOR_FIELDS = { name: 'name', certificateNo: 'certificate_no', specialities: 'specialities', phone: 'phone', active: 'active' } as const;

export async function updateAuditor(db: Queryable, auditorId: string, patch: AuditorPatch): Promise<void> {
  const keys = (Object.keys(AUDITOR_FIELDS) as (keyof typeof AUDITOR_FIELDS)[]).filter((k) => patch[k] !== undefined);
  if (!keys.length) return;
  const p = new Params();
  const sets = keys.map((k) => `${AUDITOR_FIELDS[k]} = ${p.add(patch[k] ?? null)}`);
  await db.query(`UPDATE agency_auditors SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(auditorId)}`, p.values);
}

// --- rounds served ---

const ROUND_SORTS = {
  engagedAt: 'g.engaged_at',
  listingYear: 'r.listing_year',
  enterpriseName: 'e.name',
  state: 'r.state',
  nextDueOn: 'r.next_due_on',
} as const;

/**
 * Every engagement of the agency (ended ones included) with its round, in the caller's round scope (bureaus:
 * their city or district; the agency itself: all its engagements). `canOpen` is the caller's round scope as a
 * column: an agency no longer engaged cannot open the round any more.
 */
export async function listAgencyRounds(
  db: Queryable,
  scope: DataScope,
  agencyId: string,
  q: AgencyRoundsQuery,
): Promise<{ items: Omit<AgencyRound, 'canRate' | 'overdue'>[]; total: number }> {
  const p = new Params();
  const where = [`g.agency_id = ${p.add(agencyId)}`];
  // Bureaus see the rounds of their city or district (and may open them); the agency sees all its engagements
  // but opens only the rounds it is still engaged on.
  const canOpen =
    scope.kind === 'agency'
      ? `EXISTS (SELECT 1 FROM round_engagements g2 WHERE g2.round_id = r.id AND g2.agency_id = g.agency_id AND g2.ended_at IS NULL)`
      : 'TRUE';
  if (scope.kind !== 'agency') where.push(roundScope(scope, p));
  if (q.year !== undefined) where.push(`r.listing_year = ${p.add(q.year)}`);
  if (q.districtCode) where.push(`r.district_code = ${p.add(q.districtCode)}`);
  if (q.active === 'true') where.push('g.ended_at IS NULL');
  if (q.active === 'false') where.push('g.ended_at IS NOT NULL');
  const filter = `WHERE ${where.join(' AND ')}`;
  const from = `FROM round_engagements g JOIN audit_rounds r ON r.id = g.round_id`;
  return queryPage(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT r.id AS "roundId", r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", r.listing_year AS "listingYear",
            r.district_code AS "districtCode", dn.name AS "districtName", r.state,
            ${TS('g.engaged_at')} AS "engagedAt", ${TS('g.ended_at')} AS "endedAt", ${DAY('r.next_due_on')} AS "nextDueOn",
            ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn", f.rating::int AS rating, ${canOpen} AS "canOpen"
       ${from} JOIN enterprises e ON e.id = r.enterprise_id JOIN regions dn ON dn.code = r.district_code
       LEFT JOIN agency_feedback f ON f.agency_id = g.agency_id AND f.round_id = r.id
       ${filter} ${orderBy(q.sort, ROUND_SORTS, 'g.id')}`,
    `SELECT count(*)::int AS total ${from} ${filter}`,
  );
}

// --- feedback ---

/** The round in the district's scope with whether the agency ever served it; undefined when out of scope. */
export async function roundForFeedback(
  db: Queryable,
  scope: DataScope,
  agencyId: string,
  roundId: string,
): Promise<{ cityCode: string; districtCode: string; served: boolean } | undefined> {
  const p = new Params();
  const { rows } = await db.query<{ cityCode: string; districtCode: string; served: boolean }>(
    `SELECT r.city_code AS "cityCode", r.district_code AS "districtCode",
            EXISTS (SELECT 1 FROM round_engagements g WHERE g.round_id = r.id AND g.agency_id = ${p.add(agencyId)}) AS served
       FROM audit_rounds r WHERE r.id = ${p.add(roundId)} AND ${roundScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

const FEEDBACK_COLUMNS = `f.id, f.round_id AS "roundId", e.name AS "enterpriseName", r.listing_year AS "listingYear",
  f.district_code AS "districtCode", dn.name AS "districtName", f.rating::int AS rating, f.comment,
  u.display_name AS "updatedBy", ${TS('f.updated_at')} AS "updatedAt"`;
const FEEDBACK_FROM = `FROM agency_feedback f JOIN audit_rounds r ON r.id = f.round_id JOIN enterprises e ON e.id = r.enterprise_id
  JOIN regions dn ON dn.code = f.district_code LEFT JOIN users u ON u.id = f.updated_by`;

export async function findFeedback(db: Queryable, agencyId: string, roundId: string, forUpdate = false) {
  const { rows } = await db.query<Omit<Feedback, 'editable'>>(
    `SELECT ${FEEDBACK_COLUMNS} ${FEEDBACK_FROM} WHERE f.agency_id = $1 AND f.round_id = $2${forUpdate ? ' FOR UPDATE OF f' : ''}`,
    [agencyId, roundId],
  );
  return rows[0];
}

export async function upsertFeedback(
  db: Queryable,
  row: { agencyId: string; roundId: string; cityCode: string; districtCode: string; rating: number; comment: string | null; userId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO agency_feedback (agency_id, round_id, city_code, district_code, rating, comment, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (agency_id, round_id) DO UPDATE
       SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [row.agencyId, row.roundId, row.cityCode, row.districtCode, row.rating, row.comment, row.userId],
  );
}

export async function listFeedback(
  db: Queryable,
  agencyId: string,
  page: number,
  pageSize: number,
): Promise<{ items: Omit<Feedback, 'editable'>[]; total: number; averageRating: number | null }> {
  const p = new Params();
  const filter = `WHERE f.agency_id = ${p.add(agencyId)}`;
  const [pageRows, avg] = await Promise.all([
    queryPage<Omit<Feedback, 'editable'>>(
      db,
      p,
      page,
      pageSize,
      `SELECT ${FEEDBACK_COLUMNS} ${FEEDBACK_FROM} ${filter} ORDER BY f.updated_at DESC, f.id`,
      `SELECT count(*)::int AS total FROM agency_feedback f ${filter}`,
    ),
    db.query<{ average: number | null }>(
      'SELECT round(avg(rating), 2)::float8 AS average FROM agency_feedback WHERE agency_id = $1',
      [agencyId],
    ),
  ]);
  return { ...pageRows, averageRating: avg.rows[0]?.average ?? null };
}

// --- status ---

export async function insertStatusChange(
  db: Queryable,
  row: { agencyId: string; cityCode: string; from: AgencyStatus; to: AgencyStatus; reason: string; decisionNo: string; decidedOn: string; userId: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO agency_status_changes (agency_id, city_code, from_status, to_status, reason, decision_no, decided_on, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8) RETURNING id`,
    [row.agencyId, row.cityCode, row.from, row.to, row.reason, row.decisionNo, row.decidedOn, row.userId],
  );
  await db.query(`UPDATE agencies SET status = $2, status_changed_at = now(), updated_at = now() WHERE id = $1`, [
    row.agencyId,
    row.to,
  ]);
  const id = rows[0]?.id;
  if (!id) throw new Error('status change insert returned no id');
  return id;
}

export async function statusHistory(db: Queryable, agencyId: string): Promise<StatusChange[]> {
  const { rows } = await db.query<StatusChange>(
    `SELECT c.id, c.from_status AS "fromStatus", c.to_status AS "toStatus", c.reason, c.decision_no AS "decisionNo",
            ${DAY('c.decided_on')} AS "decidedOn", u.display_name AS "decidedBy", ${TS('c.created_at')} AS "createdAt"
       FROM agency_status_changes c LEFT JOIN users u ON u.id = c.decided_by
      WHERE c.agency_id = $1 ORDER BY c.created_at DESC, c.id`,
    [agencyId],
  );
  return rows;
}
