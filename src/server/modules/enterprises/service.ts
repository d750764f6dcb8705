import {
  ENTERPRISE_CONTACT_FIELDS,
  type Enterprise,
  type EnterpriseDetail,
  type EnterpriseInput,
  type EnterpriseListQuery,
  type EnterprisePatch,
} from '../../../shared/contracts/enterprises';
import { can } from '../../../shared/domain/permissions';
import type { FieldName } from '../../../shared/i18n/fields';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit, diff } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { districtCity, industryExists, keyIndustryExists } from '../reference/repository';
import * as repo from './repository';

export const ENTERPRISE_ENTITY = { 'zh-CN': '企业', en: 'Enterprise' } as const;

const UNKNOWN: Record<string, Record<Locale, string>> = {
  districtCode: { 'zh-CN': '不存在或不属于本市', en: 'is not a district of this city' },
  industryCode: { 'zh-CN': '不是有效的国民经济行业代码', en: 'is not a GB/T 4754 industry code' },
  keyIndustryCode: { 'zh-CN': '不在重点行业目录中', en: 'is not a key industry' },
};

function unknownReference(field: FieldName, value: string): AppError {
  return new AppError('VALIDATION_FAILED', { field, value }, { [field]: (l) => UNKNOWN[field]?.[l] ?? field });
}

function takenCode(code: string): AppError {
  return new AppError('CREDIT_CODE_TAKEN', { code }, {
    creditCode: (l) => (l === 'zh-CN' ? `${code} 已被其他企业使用` : `${code} is already registered`),
  });
}

function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city' || actor.scope.kind === 'district') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

/** Reference checks shared by create and update: every code must exist (and the district be in the caller's city). */
async function checkReferences(db: Queryable, actor: Actor, input: Partial<EnterpriseInput>): Promise<void> {
  if (input.districtCode !== undefined) {
    const city = await districtCity(db, input.districtCode);
    if (!city || city !== cityOf(actor)) throw unknownReference('districtCode', input.districtCode);
    if (actor.scope.kind === 'district' && input.districtCode !== actor.scope.districtCode) {
      throw new AppError('DISTRICT_OUT_OF_SCOPE', {}, {
        districtCode: (l) => (l === 'zh-CN' ? '只能选择本区县' : 'must be your own district'),
      });
    }
  }
  if (input.industryCode !== undefined && !(await industryExists(db, input.industryCode))) {
    throw unknownReference('industryCode', input.industryCode);
  }
  if (input.keyIndustryCode && !(await keyIndustryExists(db, input.keyIndustryCode))) {
    throw unknownReference('keyIndustryCode', input.keyIndustryCode);
  }
}

function abilities(actor: Actor) {
  return { update: can(actor.role, 'enterprise.update'), updateContacts: can(actor.role, 'enterprise.updateContacts') };
}

export function listEnterprises(db: Db, actor: Actor, query: EnterpriseListQuery) {
  return repo.listEnterprises(db, actor.scope, query);
}

export async function getEnterprise(db: Queryable, actor: Actor, id: string): Promise<EnterpriseDetail> {
  const found = await repo.findEnterprise(db, actor.scope, id);
  if (!found) throw notFound(ENTERPRISE_ENTITY);
  return { ...found, abilities: abilities(actor) };
}

export async function createEnterprise(
  db: Db,
  actor: Actor,
  input: EnterpriseInput,
  meta: RequestMeta,
): Promise<EnterpriseDetail> {
  await checkReferences(db, actor, input);
  if (await repo.creditCodeOwner(db, input.creditCode)) throw takenCode(input.creditCode);
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertEnterprise(tx, input, cityOf(actor));
      const created = await repo.findEnterprise(tx, actor.scope, id);
      if (!created) throw new Error('created enterprise is not visible to its creator');
      await recordAudit(tx, actor, meta, { action: 'enterprise.created', entityId: id, after: created });
      return { ...created, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'enterprises_credit_code_uq')) throw takenCode(input.creditCode);
    throw error;
  }
}

export async function updateEnterprise(
  db: Db,
  actor: Actor,
  id: string,
  patch: EnterprisePatch,
  meta: RequestMeta,
): Promise<EnterpriseDetail> {
  const changed = (Object.keys(patch) as (keyof EnterprisePatch)[]).filter((k) => patch[k] !== undefined);
  const onlyContacts = changed.every((k) => (ENTERPRISE_CONTACT_FIELDS as readonly string[]).includes(k));
  if (!can(actor.role, onlyContacts ? 'enterprise.updateContacts' : 'enterprise.update')) {
    // Out-of-scope records stay invisible even when the permission is missing.
    if (!(await repo.findEnterprise(db, actor.scope, id))) throw notFound(ENTERPRISE_ENTITY);
    throw new AppError('FORBIDDEN');
  }
  await checkReferences(db, actor, patch);
  if (patch.creditCode) {
    const owner = await repo.creditCodeOwner(db, patch.creditCode);
    if (owner && owner !== id) throw takenCode(patch.creditCode);
  }
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.findEnterprise(tx, actor.scope, id, true);
      if (!before) throw notFound(ENTERPRISE_ENTITY);
      await repo.updateEnterprise(tx, id, patch);
      const after = await repo.findEnterprise(tx, actor.scope, id);
      if (!after) throw new Error('updated enterprise left the caller scope');
      const changes = diff(before, after);
      if (changes) await recordAudit(tx, actor, meta, { action: 'enterprise.updated', entityId: id, ...changes });
      return { ...after, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'enterprises_credit_code_uq') && patch.creditCode) throw takenCode(patch.creditCode);
    throw error;
  }
}

export type { Enterprise };
