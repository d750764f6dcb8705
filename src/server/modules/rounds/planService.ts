import type {
  PlanEntry,
  PlanEntryInput,
  PlanEntryListQuery,
  PlanEntryPage,
  PlanEntryRejectBody,
  PlanEntryStatus,
  Publication,
} from '../../../shared/contracts/rounds';
import { roundDeadlines } from '../../../shared/domain/deadlines';
import type { Db, Tx } from '../../db/types';
import { recordAudit, recordAuditMany, type AuditInput } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { getCampaign } from '../campaigns/service';
import { getEnterprise } from '../enterprises/service';
import { notifyListPublished } from '../notifications/service';
import * as plans from './planRepository';
import * as rounds from './repository';

export const PLAN_ENTRY_ENTITY = { 'zh-CN': '审核计划条目', en: 'Plan entry' } as const;

function duplicate(year: number): AppError {
  return new AppError('PLAN_ENTRY_DUPLICATE', { year }, {
    enterpriseId: (l) => (l === 'zh-CN' ? `已在 ${year} 年度计划或名单中` : `is already planned or listed for ${year}`),
  });
}

function stateConflict(status: PlanEntryStatus, published: boolean): AppError {
  return new AppError('PLAN_ENTRY_STATE_CONFLICT', { status: published ? 'published' : status });
}

export function listPlanEntries(db: Db, actor: Actor, query: PlanEntryListQuery): Promise<PlanEntryPage> {
  return plans.listPlanEntries(db, actor.scope, query);
}

export async function proposePlanEntry(db: Db, actor: Actor, input: PlanEntryInput, meta: RequestMeta): Promise<PlanEntry> {
  try {
    return await db.transaction((tx) => proposePlanEntryIn(tx, actor, input, meta));
  } catch (error) {
    if (isUniqueViolation(error, 'plan_entries_enterprise_year_uq')) throw duplicate(input.plannedYear);
    throw error;
  }
}

/** The proposal inside the caller's transaction (also used by the 附件4 suggestions' accept). */
export async function proposePlanEntryIn(tx: Tx, actor: Actor, input: PlanEntryInput, meta: RequestMeta): Promise<PlanEntry> {
  // The enterprise must be in the caller's scope (another district's enterprise answers 404).
  const enterprise = await getEnterprise(tx, actor, input.enterpriseId);
  const cityCode = actor.scope.kind === 'city' || actor.scope.kind === 'district' ? actor.scope.cityCode : null;
  if (!cityCode) throw new AppError('FORBIDDEN');
  if ((await plans.liveEntryExists(tx, enterprise.id, input.plannedYear)) || (await rounds.roundExists(tx, enterprise.id, input.plannedYear))) {
    throw duplicate(input.plannedYear);
  }
  const id = await plans.insertPlanEntry(tx, {
    ...input,
    contactName: input.contactName ?? enterprise.contactName,
    contactPhone: input.contactPhone ?? enterprise.contactPhone,
    cityCode,
    districtCode: enterprise.districtCode,
    proposedBy: actor.userId,
  });
  const created = await plans.findPlanEntry(tx, actor.scope, id);
  if (!created) throw new Error('proposed entry is not visible to its author');
  await recordAudit(tx, actor, meta, { action: 'planEntry.proposed', entityId: id, after: created });
  return created;
}

async function review(
  db: Db,
  actor: Actor,
  id: string,
  decision: { from: readonly PlanEntryStatus[]; to: PlanEntryStatus; rejectReason: string | null },
  meta: RequestMeta,
): Promise<PlanEntry> {
  return db.transaction(async (tx) => {
    const before = await plans.findPlanEntry(tx, actor.scope, id, true);
    if (!before) throw notFound(PLAN_ENTRY_ENTITY);
    const ok = await plans.reviewPlanEntry(tx, id, { ...decision, reviewedBy: actor.userId });
    if (!ok) throw stateConflict(before.status, before.roundId !== null);
    const after = await plans.findPlanEntry(tx, actor.scope, id);
    if (!after) throw new Error('reviewed entry left the caller scope');
    await recordAudit(tx, actor, meta, {
      action: decision.to === 'approved' ? 'planEntry.approved' : 'planEntry.rejected',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, rejectReason: after.rejectReason },
    });
    return after;
  });
}

export function approvePlanEntry(db: Db, actor: Actor, id: string, meta: RequestMeta): Promise<PlanEntry> {
  return review(db, actor, id, { from: ['proposed'], to: 'approved', rejectReason: null }, meta);
}

export function rejectPlanEntry(
  db: Db,
  actor: Actor,
  id: string,
  body: PlanEntryRejectBody,
  meta: RequestMeta,
): Promise<PlanEntry> {
  return review(db, actor, id, { from: ['proposed', 'approved'], to: 'rejected', rejectReason: body.reason.trim() }, meta);
}

/**
 * Publish the annual list (附件1) of a campaign: in one transaction, every approved entry of the
 * campaign's year becomes a round in state 'listed' with its due dates computed from the campaign's
 * rules, one history row per round, one audit event for the publication and one per round.
 */
export async function publishList(
  db: Db,
  actor: Actor,
  campaignId: string,
  publishedOn: string,
  meta: RequestMeta,
): Promise<Publication> {
  const campaign = await getCampaign(db, actor, campaignId);
  const deadlines = roundDeadlines({ listPublishedOn: publishedOn, rules: campaign.deadlineRules });
  try {
    return await db.transaction(async (tx) => {
      const created = await plans.publishApprovedEntries(tx, {
        campaignId,
        cityCode: campaign.cityCode,
        year: campaign.year,
        publishedOn,
        deadlines,
      });
      if (!created.length) throw new AppError('NOTHING_TO_PUBLISH', { year: campaign.year });
      const ids = created.map((r) => r.id);
      await rounds.insertHistory(tx, ids, actor, { transition: 'publish', from: 'plan_approved', to: 'listed', comment: null });
      const dueDates = { disclose: deadlines.disclose, start: deadlines.start, report: deadlines.report };
      await notifyListPublished(tx, ids, { year: campaign.year, publishedOn, dueDates });
      const events: AuditInput[] = [
        {
          action: 'list.published',
          entityId: campaignId,
          after: { year: campaign.year, publishedOn, rounds: created.length, dueDates },
        },
        ...created.map((r) => ({
          action: 'round.listed' as const,
          entityId: r.id,
          after: { enterpriseId: r.enterpriseId, planEntryId: r.planEntryId, listingYear: campaign.year, state: 'listed', publishedOn, dueDates },
        })),
      ];
      await recordAuditMany(tx, actor, meta, events);
      return { campaignId, year: campaign.year, publishedOn, roundIds: ids };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'audit_rounds_enterprise_year_uq')) throw duplicate(campaign.year);
    throw error;
  }
}
