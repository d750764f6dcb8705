import type { Industry, KeyIndustry, Reference, Region } from '../../../shared/contracts/reference';
import type { Queryable } from '../../db/types';

export async function loadReference(db: Queryable): Promise<Reference> {
  const [regions, industries, keyIndustries] = await Promise.all([
    db.query<Region>(
      `SELECT code, name, name_en AS "nameEn", level, kind, parent_code AS "parentCode"
         FROM regions ORDER BY level, sort, code`,
    ),
    db.query<Industry>(
      `SELECT code, name, name_en AS "nameEn", level, parent_code AS "parentCode"
         FROM industries WHERE level IN ('section', 'division') ORDER BY code`,
    ),
    db.query<KeyIndustry>(`SELECT code, name, name_en AS "nameEn" FROM key_industries ORDER BY sort, code`),
  ]);
  return { regions: regions.rows, industries: industries.rows, keyIndustries: keyIndustries.rows };
}

/** The city a district belongs to, or null when the code is not a district. */
export async function districtCity(db: Queryable, districtCode: string): Promise<string | null> {
  const { rows } = await db.query<{ parent_code: string }>(
    `SELECT parent_code FROM regions WHERE code = $1 AND level = 'district'`,
    [districtCode],
  );
  return rows[0]?.parent_code ?? null;
}

export async function industryExists(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM industries WHERE code = $1 AND level <> $2', [code, 'section']);
  return rows.length > 0;
}

export async function keyIndustryExists(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM key_industries WHERE code = $1', [code]);
  return rows.length > 0;
}
