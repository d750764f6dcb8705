import type { Enterprise, EnterpriseInput, EnterpriseListQuery } from '../../../shared/contracts/enterprises';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';

const SELECT = `SELECT e.id, e.name, e.credit_code AS "creditCode", e.district_code AS "districtCode",
  d.name AS "districtName", e.address, e.legal_representative AS "legalRepresentative",
  e.industry_code AS "industryCode", i.name AS "industryName", e.key_industry_code AS "keyIndustryCode",
  k.name AS "keyIndustryName", e.industrial_park AS "industrialPark", e.discharge_permit_no AS "dischargePermitNo",
  e.contact_name AS "contactName", e.contact_phone AS "contactPhone", e.contact_email AS "contactEmail",
  to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
  FROM enterprises e
  JOIN regions d ON d.code = e.district_code
  JOIN industries i ON i.code = e.industry_code
  LEFT JOIN key_industries k ON k.code = e.key_industry_code`;

/** The caller's data scope as a SQL condition on enterprises `e`. */
export function enterpriseScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `e.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `e.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
      return `e.id = ${p.add(scope.enterpriseId)}`;
    case 'agency':
    case 'expert':
      // Reached only through audit rounds that engage them; no direct registry access.
      return 'FALSE';
  }
}

const SORT_COLUMNS = {
  name: 'e.name',
  creditCode: 'e.credit_code',
  districtCode: 'e.district_code',
  industryCode: 'e.industry_code',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
} as const;

export async function listEnterprises(
  db: Queryable,
  scope: DataScope,
  q: EnterpriseListQuery,
): Promise<{ items: Enterprise[]; total: number }> {
  const p = new Params();
  const where = [enterpriseScope(scope, p)];
  if (q.districtCode) where.push(`e.district_code = ${p.add(q.districtCode)}`);
  if (q.industryCode) where.push(`e.industry_code = ${p.add(q.industryCode)}`);
  if (q.keyIndustryCode) where.push(`e.key_industry_code = ${p.add(q.keyIndustryCode)}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const { items, total } = await queryPage<Enterprise>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'e.id')}`,
    `SELECT count(*)::int AS total FROM enterprises e ${filter}`,
  );
  return { items, total };
}

export async function findEnterprise(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<Enterprise | undefined> {
  const p = new Params();
  const { rows } = await db.query<Enterprise>(
    `${SELECT} WHERE e.id = ${p.add(id)} AND ${enterpriseScope(scope, p)}${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    p.values,
  );
  return rows[0];
}

export async function creditCodeOwner(db: Queryable, creditCode: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM enterprises WHERE credit_code = $1', [creditCode]);
  return rows[0]?.id;
}

type Row = Required<Omit<EnterpriseInput, never>>;

const COLUMNS: Record<keyof EnterpriseInput, string> = {
  name: 'name',
  creditCode: 'credit_code',
  districtCode: 'district_code',
  address: 'address',
  legalRepresentative: 'legal_representative',
  industryCode: 'industry_code',
  keyIndustryCode: 'key_industry_code',
  industrialPark: 'industrial_park',
  dischargePermitNo: 'discharge_permit_no',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
};

export async function insertEnterprise(db: Queryable, input: EnterpriseInput, cityCode: string): Promise<string> {
  const org = await db.query<{ id: string }>(
    `INSERT INTO organizations (kind, name, city_code, district_code, credit_code)
     VALUES ('enterprise', $1, $2, $3, $4) RETURNING id`,
    [input.name, cityCode, input.districtCode, input.creditCode],
  );
  const id = org.rows[0]?.id;
  if (!id) throw new Error('organisation insert returned no id');
  const row: Row = {
    ...input,
    keyIndustryCode: input.keyIndustryCode ?? null,
    industrialPark: input.industrialPark ?? null,
    dischargePermitNo: input.dischargePermitNo ?? null,
    contactEmail: input.contactEmail ?? null,
  };
  const keys = Object.keys(COLUMNS) as (keyof EnterpriseInput)[];
  const p = new Params();
  p.add(id);
  p.add(cityCode);
  const placeholders = keys.map((k) => p.add(row[k]));
  await db.query(
    `INSERT INTO enterprises (id, city_code, ${keys.map((k) => COLUMNS[k]).join(', ')})
     VALUES ($1, $2, ${placeholders.join(', ')})`,
    p.values,
  );
  return id;
}

export async function updateEnterprise(db: Queryable, id: string, changes: Partial<EnterpriseInput>): Promise<void> {
  const keys = (Object.keys(changes) as (keyof EnterpriseInput)[]).filter((k) => changes[k] !== undefined);
  if (!keys.length) return;
  const p = new Params();
  const sets = keys.map((k) => `${COLUMNS[k]} = ${p.add(changes[k] ?? null)}`);
  await db.query(`UPDATE enterprises SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  // Keep the organisation identity in step with the registry record.
  await db.query(
    `UPDATE organizations o SET name = e.name, district_code = e.district_code, credit_code = e.credit_code,
            updated_at = now() FROM enterprises e WHERE e.id = o.id AND o.id = $1`,
    [id],
  );
}
