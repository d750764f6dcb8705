import type {
  PlanSuggestion,
  PlanSuggestionAcceptBody,
  PlanSuggestionDismissBody,
  PlanSuggestionPage,
  PlanSuggestionQuery,
} from '../../../shared/contracts/planSuggestions';
import type { PlanEntry } from '../../../shared/contracts/rounds';
import { reasonsFor, suggestionDetail } from '../../../shared/domain/planSuggestions';
import { ROUND_STATE_LABELS, type RoundState } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getEnterprise } from '../enterprises/service';
import { proposePlanEntryIn } from '../rounds/planService';
import * as repo from './repository';

function detailOf(row: repo.SuggestionRow, locale: Locale): string {
  return suggestionDetail(
    {
      rules: row.rules,
      lastAcceptedYear: row.lastAcceptedOn ? Number(row.lastAcceptedOn.slice(0, 4)) : null,
      lastPenaltyOn: row.lastPenaltyOn,
      lastExceedYear: row.lastExceedYear,
      unfinishedYear: row.latestRoundYear,
      unfinishedState: row.latestRoundState,
    },
    locale,
    (state) => ROUND_STATE_LABELS[state as RoundState][locale],
  );
}

function toSuggestion(row: repo.SuggestionRow, locale: Locale): PlanSuggestion {
  const { latestRoundReasons, ...rest } = row;
  return {
    ...rest,
    reasons: reasonsFor(row.rules, latestRoundReasons ?? [], row.lastExceedYear !== null),
    detail: detailOf(row, locale),
  };
}

export async function listSuggestions(db: Db, actor: Actor, query: PlanSuggestionQuery, locale: Locale): Promise<PlanSuggestionPage> {
  const page = await repo.listSuggestions(db, actor.scope, query);
  return { items: page.items.map((r) => toSuggestion(r, locale)), total: page.total };
}

function notAvailable(): AppError {
  return new AppError('SUGGESTION_NOT_AVAILABLE');
}

/**
 * Accept a suggestion: in one transaction the plan entry is proposed through the plan service (reasons, 具体原因说明
 * and 上轮审核时间 pre-filled from the rule) and the decision is recorded, so the enterprise is not suggested again.
 */
export async function acceptSuggestion(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  body: PlanSuggestionAcceptBody,
  meta: RequestMeta,
): Promise<PlanEntry> {
  await getEnterprise(db, actor, enterpriseId);
  return db.transaction(async (tx) => {
    await repo.lockEnterprise(tx, enterpriseId);
    const row = await repo.suggestionFor(tx, actor.scope, enterpriseId, body.year);
    if (!row) throw notAvailable();
    const entry = await proposePlanEntryIn(
      tx,
      actor,
      {
        enterpriseId,
        plannedYear: body.year,
        reasons: reasonsFor(row.rules, row.latestRoundReasons ?? [], row.lastExceedYear !== null),
        reasonDetails: detailOf(row, 'zh-CN').slice(0, 1000),
        lastAuditOn: row.lastAcceptedOn,
        remarks: body.remarks ?? null,
      },
      meta,
    );
    const id = await repo.insertDecision(tx, {
      enterpriseId,
      year: body.year,
      decision: 'accepted',
      rules: row.rules,
      reason: null,
      planEntryId: entry.id,
      userId: actor.userId,
    });
    await recordAudit(tx, actor, meta, {
      action: 'planSuggestion.accepted',
      entityId: id,
      after: { enterpriseId, plannedYear: body.year, rules: row.rules, planEntryId: entry.id },
    });
    return entry;
  });
}

/** Dismiss a suggestion with a reason (recorded; the enterprise is not suggested again for that year). */
export async function dismissSuggestion(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  body: PlanSuggestionDismissBody,
  meta: RequestMeta,
): Promise<{ ok: true }> {
  await getEnterprise(db, actor, enterpriseId);
  const reason = body.reason.trim();
  await db.transaction(async (tx) => {
    await repo.lockEnterprise(tx, enterpriseId);
    const row = await repo.suggestionFor(tx, actor.scope, enterpriseId, body.year);
    if (!row) throw notAvailable();
    const id = await repo.insertDecision(tx, {
      enterpriseId,
      year: body.year,
      decision: 'dismissed',
      rules: row.rules,
      reason,
      planEntryId: null,
      userId: actor.userId,
    });
    await recordAudit(tx, actor, meta, {
      action: 'planSuggestion.dismissed',
      entityId: id,
      after: { enterpriseId, plannedYear: body.year, rules: row.rules, reason },
    });
  });
  return { ok: true };
}
