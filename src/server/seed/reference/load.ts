import type { Queryable } from '../../db/types';
import { ensureReviewDefaults } from '../../modules/reviews/configRepository';
import { industries } from './industries';
import { keyIndustries } from './keyIndustries';
import { CHONGQING_CODE, regions, type RegionSeed } from './regions';

/** Insert or refresh rows from a JSON array in one statement (no query per row). */
async function upsertJson(db: Queryable, sql: string, rows: readonly object[]): Promise<void> {
  await db.query(sql, [JSON.stringify(rows)]);
}

/** The bureau of a district-level unit, by the naming the city uses. */
export function bureauName(region: RegionSeed): { name: string; nameEn: string } {
  if (region.code === '500191') return { name: '重庆市生态环境局两江新区分局', nameEn: 'Liangjiang New Area Branch, Chongqing Ecology and Environment Bureau' };
  if (region.kind === 'functional_zone') {
    return { name: `${region.name}生态环境局`, nameEn: `${region.nameEn} Ecology and Environment Bureau` };
  }
  return { name: `重庆市${region.name}生态环境局`, nameEn: `${region.nameEn} Ecology and Environment Bureau` };
}

/**
 * Reference data (regions, GB/T 4754 industries, key industries) and the regulators' own
 * organisations: the city bureau, one bureau per district and the city's expert library.
 * Idempotent: runs at every start and only adds or refreshes.
 */
export async function seedReference(db: Queryable): Promise<void> {
  await upsertJson(
    db,
    `INSERT INTO regions (code, name, name_en, level, kind, parent_code, sort)
     SELECT code, name, "nameEn", level, kind, "parentCode", sort
       FROM json_to_recordset($1::json) AS x(code text, name text, "nameEn" text, level text, kind text, "parentCode" text, sort int)
      ORDER BY "parentCode" NULLS FIRST
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
       kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, sort = EXCLUDED.sort`,
    regions,
  );
  await upsertJson(
    db,
    `INSERT INTO industries (code, name, name_en, level, parent_code)
     SELECT code, name, "nameEn", level, "parentCode"
       FROM json_to_recordset($1::json) AS x(code text, name text, "nameEn" text, level text, "parentCode" text)
      ORDER BY "parentCode" NULLS FIRST
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
       parent_code = EXCLUDED.parent_code`,
    industries,
  );
  await upsertJson(
    db,
    `INSERT INTO key_industries (code, name, name_en, sort)
     SELECT code, name, "nameEn", sort FROM json_to_recordset($1::json) AS x(code text, name text, "nameEn" text, sort int)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, sort = EXCLUDED.sort`,
    keyIndustries,
  );

  const city = regions.find((r) => r.code === CHONGQING_CODE);
  if (!city) throw new Error('reference data lacks the city');
  const bureaus = [
    { kind: 'city_bureau', name: '重庆市生态环境局', nameEn: 'Chongqing Municipal Ecology and Environment Bureau', districtCode: null },
    { kind: 'expert_library', name: '重庆市清洁生产审核专家库', nameEn: 'Chongqing Cleaner Production Audit Expert Library', districtCode: null },
    ...regions
      .filter((r) => r.parentCode === CHONGQING_CODE)
      .map((r) => ({ kind: 'district_bureau', ...bureauName(r), districtCode: r.code })),
  ];
  // One of each kind per city / district; existing ones are left as they are.
  await db.query(
    `INSERT INTO organizations (kind, name, name_en, city_code, district_code)
     SELECT x.kind, x.name, x."nameEn", $2, x."districtCode"
       FROM json_to_recordset($1::json) AS x(kind text, name text, "nameEn" text, "districtCode" text)
      WHERE NOT EXISTS (
        SELECT 1 FROM organizations o WHERE o.kind = x.kind AND o.city_code = $2
           AND o.district_code IS NOT DISTINCT FROM x."districtCode")`,
    [JSON.stringify(bureaus), city.code],
  );
  // The city's default score sheets (version 1) and grading rule.
  await ensureReviewDefaults(db, city.code);
}
