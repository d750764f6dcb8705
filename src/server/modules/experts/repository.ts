import type {
  AvailabilityInput,
  Expert,
  ExpertDetail,
  ExpertListQuery,
  ExpertPage,
  ExpertProfileInput,
  TiesInput,
} from '../../../shared/contracts/experts';
import { DEFAULT_DRAW_SETTINGS, type DrawSettings } from '../../../shared/domain/recusal';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';
import { TS } from '../rounds/repository';

/** SQL of the expert library: profiles, availability, ties, draw settings. Every query is bounded by the city. */

const SELECT = `SELECT x.id, x.user_id AS "userId", u.username, x.name, x.title, x.employer, x.industries, x.expertise,
  x.district_code AS "districtCode", d.name AS "districtName", x.phone, x.email, x.status, ${TS('x.updated_at')} AS "updatedAt"
  FROM experts x LEFT JOIN users u ON u.id = x.user_id LEFT JOIN regions d ON d.code = x.district_code`;

const SORT = { name: 'x.name', status: 'x.status', updatedAt: 'x.updated_at' } as const;

export async function listExperts(db: Queryable, cityCode: string, q: ExpertListQuery): Promise<ExpertPage> {
  const p = new Params();
  const where = [`x.city_code = ${p.add(cityCode)}`];
  if (q.q) {
    const like = p.add(`%${likeEscape(q.q)}%`);
    where.push(`(x.name ILIKE ${like} OR x.employer ILIKE ${like} OR u.username ILIKE ${like})`);
  }
  if (q.status) where.push(`x.status = ${p.add(q.status)}`);
  if (q.industry) where.push(`x.industries @> ARRAY[${p.add(q.industry)}]::text[]`);
  if (q.expertise) where.push(`x.expertise @> ARRAY[${p.add(q.expertise)}]::text[]`);
  if (q.districtCode) where.push(`x.district_code = ${p.add(q.districtCode)}`);
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<Expert>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT, 'x.id')}`,
    `SELECT count(*)::int AS total FROM experts x LEFT JOIN users u ON u.id = x.user_id ${filter}`,
  );
}

/** Keyset pages of the city's library for the export, by name then id. */
export async function exportPage(db: Queryable, cityCode: string, after: { name: string; id: string } | null, size: number): Promise<Expert[]> {
  const p = new Params();
  const where = [`x.city_code = ${p.add(cityCode)}`];
  if (after) where.push(`(x.name, x.id) > (${p.add(after.name)}, ${p.add(after.id)}::uuid)`);
  const { rows } = await db.query<Expert>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY x.name, x.id LIMIT ${p.add(size)}`, p.values);
  return rows;
}

/** One profile of the city (by id) or the expert's own (by user id), with availability and ties; locked when `lock`. */
export async function findExpert(
  db: Queryable,
  by: { cityCode: string; id: string } | { userId: string },
  lock = false,
): Promise<ExpertDetail | undefined> {
  const p = new Params();
  const where = 'userId' in by ? `x.user_id = ${p.add(by.userId)}` : `x.id = ${p.add(by.id)} AND x.city_code = ${p.add(by.cityCode)}`;
  const { rows } = await db.query<Expert>(`${SELECT} WHERE ${where} ${lock ? 'FOR UPDATE OF x' : ''}`, p.values);
  const expert = rows[0];
  if (!expert) return undefined;
  const [availability, ties] = await Promise.all([
    db.query<ExpertDetail['availability'][number]>(
      `SELECT id, to_char(from_on, 'YYYY-MM-DD') AS "fromOn", to_char(to_on, 'YYYY-MM-DD') AS "toOn", note
         FROM expert_availability WHERE expert_id = $1 ORDER BY from_on, id`,
      [expert.id],
    ),
    db.query<ExpertDetail['ties'][number]>(
      `SELECT t.id, t.kind, t.organization_id AS "organizationId", o.name AS "organizationName",
              t.employer_name AS "employerName", t.note
         FROM expert_ties t LEFT JOIN organizations o ON o.id = t.organization_id WHERE t.expert_id = $1 ORDER BY t.kind, t.id`,
      [expert.id],
    ),
  ]);
  return { ...expert, availability: availability.rows, ties: ties.rows };
}

/** An expert account of the city by username (role expert, enabled), with the profile it is linked to, if any. */
export async function expertAccounts(
  db: Queryable,
  cityCode: string,
  usernames: readonly string[],
): Promise<{ id: string; username: string; linkedExpertId: string | null }[]> {
  const { rows } = await db.query<{ id: string; username: string; linkedExpertId: string | null }>(
    `SELECT u.id, u.username, x.id AS "linkedExpertId"
       FROM users u JOIN organizations o ON o.id = u.org_id LEFT JOIN experts x ON x.user_id = u.id
      WHERE u.role = 'expert' AND o.city_code = $1 AND u.username = ANY($2::text[])`,
    [cityCode, [...usernames]],
  );
  return rows;
}

export async function districtsOfCity(db: Queryable, cityCode: string): Promise<{ code: string; name: string }[]> {
  const { rows } = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM regions WHERE level = 'district' AND parent_code = $1`,
    [cityCode],
  );
  return rows;
}

export async function knownIndustries(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>('SELECT code FROM industries WHERE code = ANY($1::text[])', [[...codes]]);
  return new Set(rows.map((r) => r.code));
}

type ProfileRow = ExpertProfileInput & { userId: string | null; status: 'active' | 'inactive' };

export async function insertExpert(db: Queryable, cityCode: string, input: ProfileRow): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO experts (user_id, name, title, employer, industries, expertise, district_code, phone, email, status, city_code)
     VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7, $8, $9, $10, $11) RETURNING id`,
    [
      input.userId,
      input.name,
      input.title ?? null,
      input.employer ?? null,
      [...input.industries],
      [...input.expertise],
      input.districtCode ?? null,
      input.phone ?? null,
      input.email ?? null,
      input.status,
      cityCode,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('expert not created');
  return id;
}

/** Many profiles in one statement (import). */
export async function insertExperts(db: Queryable, cityCode: string, items: readonly ProfileRow[]): Promise<number> {
  if (!items.length) return 0;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO experts (user_id, name, title, employer, industries, expertise, district_code, phone, email, status, city_code)
     SELECT r."userId", r.name, r.title, r.employer, ARRAY(SELECT jsonb_array_elements_text(r.industries)),
            ARRAY(SELECT jsonb_array_elements_text(r.expertise)), r."districtCode", r.phone, r.email, r.status, $2
       FROM jsonb_to_recordset($1::jsonb) AS r("userId" uuid, name text, title text, employer text, industries jsonb,
            expertise jsonb, "districtCode" text, phone text, email text, status text)
     RETURNING id`,
    [JSON.stringify(items), cityCode],
  );
  return rows.length;
}

export async function updateExpert(db: Queryable, id: string, input: ProfileRow): Promise<void> {
  await db.query(
    `UPDATE experts SET user_id = $2, name = $3, title = $4, employer = $5, industries = $6::text[], expertise = $7::text[],
            district_code = $8, phone = $9, email = $10, status = $11, updated_at = now() WHERE id = $1`,
    [
      id,
      input.userId,
      input.name,
      input.title ?? null,
      input.employer ?? null,
      [...input.industries],
      [...input.expertise],
      input.districtCode ?? null,
      input.phone ?? null,
      input.email ?? null,
      input.status,
    ],
  );
}

export async function replaceAvailability(db: Queryable, expertId: string, input: AvailabilityInput): Promise<void> {
  await db.query('DELETE FROM expert_availability WHERE expert_id = $1', [expertId]);
  await db.query(
    `INSERT INTO expert_availability (expert_id, from_on, to_on, note)
     SELECT $1, r."fromOn", r."toOn", r.note FROM jsonb_to_recordset($2::jsonb) AS r("fromOn" date, "toOn" date, note text)`,
    [expertId, JSON.stringify(input.periods)],
  );
  await db.query('UPDATE experts SET updated_at = now() WHERE id = $1', [expertId]);
}

export async function replaceTies(db: Queryable, expertId: string, input: TiesInput): Promise<void> {
  await db.query('DELETE FROM expert_ties WHERE expert_id = $1', [expertId]);
  await db.query(
    `INSERT INTO expert_ties (expert_id, kind, organization_id, employer_name, note)
     SELECT $1, r.kind, r."organizationId", r."employerName", r.note
       FROM jsonb_to_recordset($2::jsonb) AS r(kind text, "organizationId" uuid, "employerName" text, note text)`,
    [
      expertId,
      JSON.stringify(
        input.ties.map((t) => ({
          kind: t.kind,
          organizationId: t.kind === 'employer' ? null : (t.organizationId ?? null),
          employerName: t.kind === 'employer' ? (t.employerName ?? null) : null,
          note: t.note ?? null,
        })),
      ),
    ],
  );
  await db.query('UPDATE experts SET updated_at = now() WHERE id = $1', [expertId]);
}

/** Which of `ids` are organisations of the given kind in the city (tie targets). */
export async function tieTargets(db: Queryable, cityCode: string, ids: readonly string[]): Promise<{ id: string; kind: string }[]> {
  const { rows } = await db.query<{ id: string; kind: string }>(
    `SELECT id, kind FROM organizations WHERE id = ANY($1::uuid[]) AND city_code = $2 AND kind IN ('agency', 'enterprise')`,
    [[...ids], cityCode],
  );
  return rows;
}

export async function tieOptions(db: Queryable, cityCode: string, kind: 'agency' | 'enterprise', q: string | undefined): Promise<{ id: string; name: string }[]> {
  const p = new Params();
  const where = [`city_code = ${p.add(cityCode)}`, `kind = ${p.add(kind)}`];
  if (q) where.push(`name ILIKE ${p.add(`%${likeEscape(q)}%`)}`);
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM organizations WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT 20`,
    p.values,
  );
  return rows;
}

export async function drawSettings(db: Queryable, cityCode: string): Promise<DrawSettings> {
  const { rows } = await db.query<DrawSettings>(
    `SELECT agency_lookback_months AS "agencyLookbackMonths", max_open_panels AS "maxOpenPanels"
       FROM expert_draw_settings WHERE city_code = $1`,
    [cityCode],
  );
  return rows[0] ?? DEFAULT_DRAW_SETTINGS;
}

export async function saveDrawSettings(db: Queryable, cityCode: string, s: DrawSettings, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO expert_draw_settings (city_code, agency_lookback_months, max_open_panels, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (city_code) DO UPDATE SET agency_lookback_months = EXCLUDED.agency_lookback_months,
       max_open_panels = EXCLUDED.max_open_panels, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [cityCode, s.agencyLookbackMonths, s.maxOpenPanels, userId],
  );
}
