import {
  AGENCY_CONTACT_FIELDS,
  type AgencyDetail,
  type AgencyInput,
  type AgencyListQuery,
  type AgencyPage,
  type AgencyPatch,
  type AgencyPerformance,
  type AgencyRoundPage,
  type AgencyRoundsQuery,
} from '../../../shared/contracts/agencies';
import { can } from '../../../shared/domain/permissions';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { today } from '../rounds/service';
import { agencyMetricRows, EMPTY_METRICS, toMetrics } from './metricsRepository';
import * as repo from './repository';

export const AGENCY_ENTITY = { 'zh-CN': '咨询服务机构', en: 'Consulting agency' } as const;

const UNKNOWN: Record<string, Record<Locale, string>> = {
  districtCode: { 'zh-CN': '不是本市的区县', en: 'is not a district of this city' },
  serviceDistrictCodes: { 'zh-CN': '含有不是本市区县的代码', en: 'holds codes that are not districts of this city' },
  specialities: { 'zh-CN': '含有无效的国民经济行业代码', en: 'holds codes that are not GB/T 4754 industry codes' },
};

function unknownReference(field: string, values: readonly string[]): AppError {
  return new AppError('VALIDATION_FAILED', {}, { [field]: (l) => `${UNKNOWN[field]?.[l] ?? ''}: ${values.join(', ')}` });
}

export function takenCode(code: string): AppError {
  return new AppError('AGENCY_CREDIT_CODE_TAKEN', { code }, {
    creditCode: (l) => (l === 'zh-CN' ? `${code} 已被其他咨询服务机构使用` : `${code} is already registered to another agency`),
  });
}

/** The city an agency belongs to, for a bureau caller creating one. */
function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

export function abilities(actor: Actor) {
  return {
    update: can(actor.role, 'agency.manage'),
    updateContacts: can(actor.role, 'agency.maintain'),
    manageAuditors: can(actor.role, 'agency.maintain'),
    changeStatus: can(actor.role, 'agency.manage'),
    giveFeedback: can(actor.role, 'agency.feedback'),
  };
}

/** The agency in the caller's scope, or 404. */
export async function visibleAgency(db: Queryable, actor: Actor, id: string) {
  const found = await repo.findAgency(db, actor.scope, id);
  if (!found) throw notFound(AGENCY_ENTITY);
  return found;
}

async function checkReferences(db: Queryable, cityCode: string, input: Partial<AgencyInput>): Promise<void> {
  if (input.districtCode) {
    const bad = await repo.unknownDistricts(db, cityCode, [input.districtCode]);
    if (bad.length) throw unknownReference('districtCode', bad);
  }
  if (input.serviceDistrictCodes?.length) {
    const bad = await repo.unknownDistricts(db, cityCode, input.serviceDistrictCodes);
    if (bad.length) throw unknownReference('serviceDistrictCodes', bad);
  }
}

export async function listAgencies(db: Db, actor: Actor, query: AgencyListQuery): Promise<AgencyPage> {
  const page = await repo.listAgencies(db, actor.scope, query);
  // The figures of the whole page in one statement.
  const rows = await agencyMetricRows(db, page.items.map((a) => a.id), query.year, today());
  const totals = new Map(rows.filter((r) => r.isTotal).map((r) => [r.agencyId, toMetrics(r)]));
  return { total: page.total, items: page.items.map((a) => ({ ...a, metrics: totals.get(a.id) ?? EMPTY_METRICS })) };
}

export async function getAgency(db: Queryable, actor: Actor, id: string): Promise<AgencyDetail> {
  return { ...(await visibleAgency(db, actor, id)), abilities: abilities(actor) };
}

export async function createAgency(db: Db, actor: Actor, input: AgencyInput, meta: RequestMeta): Promise<AgencyDetail> {
  const cityCode = cityOf(actor);
  await checkReferences(db, cityCode, input);
  if (await repo.creditCodeOwner(db, input.creditCode)) throw takenCode(input.creditCode);
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertAgency(tx, input, cityCode);
      const created = await repo.findAgency(tx, actor.scope, id);
      if (!created) throw new Error('created agency is not visible to its creator');
      await recordAudit(tx, actor, meta, { action: 'agency.created', entityId: id, after: created });
      return { ...created, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_agency_credit_code_uq')) throw takenCode(input.creditCode);
    throw error;
  }
}

/** The city edits every field; an agency user (agency.maintain without agency.manage) only its contacts. */
export async function updateAgency(db: Db, actor: Actor, id: string, patch: AgencyPatch, meta: RequestMeta): Promise<AgencyDetail> {
  const changed = (Object.keys(patch) as (keyof AgencyPatch)[]).filter((k) => patch[k] !== undefined);
  const onlyContacts = changed.every((k) => (AGENCY_CONTACT_FIELDS as readonly string[]).includes(k));
  const existing = await visibleAgency(db, actor, id);
  if (!can(actor.role, onlyContacts ? 'agency.maintain' : 'agency.manage')) throw new AppError('FORBIDDEN');
  if (patch.creditCode) {
    const owner = await repo.creditCodeOwner(db, patch.creditCode);
    if (owner && owner !== id) throw takenCode(patch.creditCode);
  }
  try {
    return await db.transaction(async (tx) => {
      const locked = await repo.lockAgency(tx, actor.scope, id);
      if (!locked) throw notFound(AGENCY_ENTITY);
      await checkReferences(tx, locked.cityCode, patch);
      await repo.updateAgency(tx, id, patch);
      const after = await repo.findAgency(tx, actor.scope, id);
      if (!after) throw new Error('updated agency left the caller scope');
      const changes = diff(existing, after);
      if (changes) await recordAudit(tx, actor, meta, { action: 'agency.updated', entityId: id, ...changes });
      return { ...after, abilities: abilities(actor) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_agency_credit_code_uq') && patch.creditCode) throw takenCode(patch.creditCode);
    throw error;
  }
}

/** The agency user's own agency. */
export async function myAgency(db: Queryable, actor: Actor): Promise<AgencyDetail> {
  if (actor.scope.kind !== 'agency') throw new AppError('FORBIDDEN');
  return getAgency(db, actor, actor.scope.agencyId);
}

export async function agencyRounds(db: Db, actor: Actor, id: string, query: AgencyRoundsQuery): Promise<AgencyRoundPage> {
  await visibleAgency(db, actor, id);
  const page = await repo.listAgencyRounds(db, actor.scope, id, query);
  const now = today();
  const canRate = actor.scope.kind === 'district' && can(actor.role, 'agency.feedback');
  return {
    total: page.total,
    items: page.items.map((r) => ({
      ...r,
      overdue: r.nextDueOn !== null && r.nextDueOn < now && r.endedAt === null,
      canRate: canRate && actor.scope.kind === 'district' && r.districtCode === actor.scope.districtCode,
    })),
  };
}

/**
 * The agency's performance record over all its rounds in the city (aggregates: the same figures for the city,
 * its districts and the agency itself), per listing year and in total.
 */
export async function agencyPerformance(db: Db, actor: Actor, id: string, year: number | undefined): Promise<AgencyPerformance> {
  await visibleAgency(db, actor, id);
  const asOf = today();
  const rows = await agencyMetricRows(db, [id], year, asOf);
  const total = rows.find((r) => r.isTotal);
  return {
    agencyId: id,
    total: total ? toMetrics(total) : EMPTY_METRICS,
    years: rows.filter((r) => !r.isTotal && r.year !== null).map((r) => ({ year: r.year as number, ...toMetrics(r) })),
    asOf,
  };
}
