import type { Campaign, CampaignInput, CampaignPatch, MilestoneInput } from '../../../shared/contracts/campaigns';
import type { DeadlineRules } from '../../../shared/domain/deadlines';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT = `SELECT c.id, c.city_code AS "cityCode", c.year, c.notice_no AS "noticeNo", c.title,
  json_build_object('discloseMonths', c.disclose_months, 'startMonths', c.start_months,
    'reportMonths', c.report_months, 'acceptanceMonthsAfterEvaluation', c.acceptance_months_after_evaluation,
    'toxicIntervalYears', c.toxic_interval_years) AS "deadlineRules",
  c.key_industry_codes AS "keyIndustryCodes",
  COALESCE((SELECT json_agg(json_build_object('id', m.id, 'name', m.name, 'dueOn', to_char(m.due_on, 'YYYY-MM-DD'),
      'actorRole', m.actor_role) ORDER BY m.sort, m.due_on, m.id)
    FROM campaign_milestones m WHERE m.campaign_id = c.id), '[]'::json) AS milestones,
  ${TS('c.created_at')} AS "createdAt", ${TS('c.updated_at')} AS "updatedAt"
  FROM campaigns c`;

/** The caller's data scope on campaigns `c`: the bureaus of the city see its campaigns. */
export function campaignScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
    case 'district':
      return `c.city_code = ${p.add(scope.cityCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

export async function listCampaigns(
  db: Queryable,
  scope: DataScope,
  page: number,
  pageSize: number,
): Promise<{ items: Campaign[]; total: number }> {
  const p = new Params();
  const filter = `WHERE ${campaignScope(scope, p)}`;
  const { items, total } = await queryPage<Campaign>(
    db,
    p,
    page,
    pageSize,
    `${SELECT} ${filter} ORDER BY c.year DESC, c.id`,
    `SELECT count(*)::int AS total FROM campaigns c ${filter}`,
  );
  return { items, total };
}

export async function findCampaign(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<Campaign | undefined> {
  const p = new Params();
  const { rows } = await db.query<Campaign>(
    `${SELECT} WHERE c.id = ${p.add(id)} AND ${campaignScope(scope, p)}${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    p.values,
  );
  return rows[0];
}

export async function campaignIdOfYear(db: Queryable, cityCode: string, year: number): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM campaigns WHERE city_code = $1 AND year = $2', [
    cityCode,
    year,
  ]);
  return rows[0]?.id;
}

const RULE_COLUMNS: Record<keyof DeadlineRules, string> = {
  discloseMonths: 'disclose_months',
  startMonths: 'start_months',
  reportMonths: 'report_months',
  acceptanceMonthsAfterEvaluation: 'acceptance_months_after_evaluation',
  toxicIntervalYears: 'toxic_interval_years',
};
const RULE_KEYS = Object.keys(RULE_COLUMNS) as (keyof DeadlineRules)[];

export async function insertCampaign(db: Queryable, cityCode: string, input: CampaignInput): Promise<string> {
  const p = new Params();
  const values = [
    p.add(cityCode),
    p.add(input.year),
    p.add(input.noticeNo ?? null),
    p.add(input.title),
    p.add(input.keyIndustryCodes),
    ...RULE_KEYS.map((k) => p.add(input.deadlineRules[k])),
  ];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO campaigns (city_code, year, notice_no, title, key_industry_codes, ${RULE_KEYS.map((k) => RULE_COLUMNS[k]).join(', ')})
     VALUES (${values.join(', ')}) RETURNING id`,
    p.values,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('campaign insert returned no id');
  await replaceMilestones(db, id, cityCode, input.milestones);
  return id;
}

export async function updateCampaign(db: Queryable, id: string, cityCode: string, patch: CampaignPatch): Promise<void> {
  const p = new Params();
  const sets: string[] = [];
  if (patch.year !== undefined) sets.push(`year = ${p.add(patch.year)}`);
  if (patch.noticeNo !== undefined) sets.push(`notice_no = ${p.add(patch.noticeNo)}`);
  if (patch.title !== undefined) sets.push(`title = ${p.add(patch.title)}`);
  if (patch.keyIndustryCodes !== undefined) sets.push(`key_industry_codes = ${p.add(patch.keyIndustryCodes)}`);
  const rules = patch.deadlineRules;
  if (rules) for (const k of RULE_KEYS) sets.push(`${RULE_COLUMNS[k]} = ${p.add(rules[k])}`);
  await db.query(`UPDATE campaigns SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = ${p.add(id)}`, p.values);
  if (patch.milestones) await replaceMilestones(db, id, cityCode, patch.milestones);
}

/** Replace a campaign's milestones as a set, in one statement (the order given is the sort order). */
async function replaceMilestones(
  db: Queryable,
  campaignId: string,
  cityCode: string,
  milestones: readonly MilestoneInput[],
): Promise<void> {
  await db.query('DELETE FROM campaign_milestones WHERE campaign_id = $1', [campaignId]);
  if (!milestones.length) return;
  await db.query(
    `INSERT INTO campaign_milestones (campaign_id, city_code, name, due_on, actor_role, sort)
     SELECT $1, $2, m.name, m."dueOn", m."actorRole", m.sort
       FROM jsonb_to_recordset($3::jsonb) AS m(name text, "dueOn" date, "actorRole" text, sort int)`,
    [campaignId, cityCode, JSON.stringify(milestones.map((m, sort) => ({ ...m, sort })))],
  );
}

/** The key-industry codes among `codes` that do not exist. */
export async function unknownKeyIndustries(db: Queryable, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const { rows } = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM key_industries k WHERE k.code = c)`,
    [codes],
  );
  return rows.map((r) => r.code);
}
