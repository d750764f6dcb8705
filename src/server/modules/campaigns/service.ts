import type {
  CampaignDetail,
  CampaignInput,
  CampaignListQuery,
  CampaignPage,
  CampaignPatch,
} from '../../../shared/contracts/campaigns';
import {
  DEADLINE_RULE_PROBLEM_MESSAGES,
  validateDeadlineRules,
  type DeadlineRules,
} from '../../../shared/domain/deadlines';
import { can } from '../../../shared/domain/permissions';
import { interpolate } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import * as repo from './repository';

export const CAMPAIGN_ENTITY = { 'zh-CN': '年度工作', en: 'Campaign' } as const;

function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city' || actor.scope.kind === 'district') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

function yearTaken(year: number): AppError {
  return new AppError('CAMPAIGN_YEAR_TAKEN', { year }, {
    year: (l) => (l === 'zh-CN' ? `${year} 年度工作已存在` : `a campaign for ${year} already exists`),
  });
}

/** Cross-field rule checks (validateDeadlineRules) and key-industry references, as field errors. */
async function checkInput(db: Queryable, rules: DeadlineRules | undefined, keyIndustryCodes: readonly string[] | undefined) {
  const fields: FieldErrors = {};
  if (rules) {
    for (const [field, problem] of Object.entries(validateDeadlineRules(rules))) {
      fields[`deadlineRules.${field}`] = (l) =>
        interpolate(DEADLINE_RULE_PROBLEM_MESSAGES[problem.code][l], 'min' in problem ? { min: problem.min, max: problem.max } : {});
    }
  }
  if (keyIndustryCodes) {
    const unknown = await repo.unknownKeyIndustries(db, keyIndustryCodes);
    if (unknown.length) {
      fields.keyIndustryCodes = (l) => (l === 'zh-CN' ? `不在重点行业目录中：${unknown.join('、')}` : `unknown key industries: ${unknown.join(', ')}`);
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}

function abilities(actor: Actor) {
  return { update: can(actor.role, 'campaign.manage'), publish: can(actor.role, 'list.publish') };
}

export function listCampaigns(db: Db, actor: Actor, query: CampaignListQuery): Promise<CampaignPage> {
  return repo.listCampaigns(db, actor.scope, query.page, query.pageSize);
}

export async function getCampaign(db: Queryable, actor: Actor, id: string): Promise<CampaignDetail> {
  const found = await repo.findCampaign(db, actor.scope, id);
  if (!found) throw notFound(CAMPAIGN_ENTITY);
  return { ...found, abilities: abilities(actor) };
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, meta: RequestMeta): Promise<CampaignDetail> {
  await checkInput(db, input.deadlineRules, input.keyIndustryCodes);
  const cityCode = cityOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertCampaign(tx, cityCode, input);
      const created = await repo.findCampaign(tx, actor.scope, id);
      if (!created) throw new Error('created campaign is not visible to its creator');
      await recordAudit(tx, actor, meta, { action: 'campaign.created', entityId: id, after: created });
      return { ...created, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'campaigns_city_year_uq')) throw yearTaken(input.year);
    throw error;
  }
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  id: string,
  patch: CampaignPatch,
  meta: RequestMeta,
): Promise<CampaignDetail> {
  await checkInput(db, patch.deadlineRules, patch.keyIndustryCodes);
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.findCampaign(tx, actor.scope, id, true);
      if (!before) throw notFound(CAMPAIGN_ENTITY);
      await repo.updateCampaign(tx, id, before.cityCode, patch);
      const after = await repo.findCampaign(tx, actor.scope, id);
      if (!after) throw new Error('updated campaign left the caller scope');
      const changes = diff(before, after);
      if (changes) await recordAudit(tx, actor, meta, { action: 'campaign.updated', entityId: id, ...changes });
      return { ...after, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'campaigns_city_year_uq') && patch.year !== undefined) throw yearTaken(patch.year);
    throw error;
  }
}
