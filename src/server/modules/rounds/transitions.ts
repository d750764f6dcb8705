import type { RoundDetail, TransitionBody } from '../../../shared/contracts/rounds';
import { nextDeadline } from '../../../shared/domain/deadlines';
import type { AuditMode } from '../../../shared/contracts/roundMaterial';
import {
  DISCLOSURE_ITEMS,
  missingDisclosureItems,
  type DisclosureItem,
  type ListingReason,
} from '../../../shared/domain/listingReasons';
import type { Role } from '../../../shared/domain/roles';
import {
  GUARDS,
  ROUND_STATE_LABELS,
  canFire,
  targetNeeds,
  transitionDef,
  type GuardName,
  type RoundState,
  type TransitionName,
} from '../../../shared/domain/roundStates';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { applicationGaps, checkTransitionAttachments, isApplicationGuard } from './applicationGuards';
import { applicationFacts, syncAcceptanceDue, type ApplicationFacts } from './applicationRepository';
import { loadOptionFacts, optionGuardGaps, optionGuardNotMet, type OptionFacts } from '../options/guards';
import * as material from './materialRepository';
import * as repo from './repository';
import { getRound, ROUND_ENTITY, today } from './service';
import { loadReviewFacts, reviewGuardPasses, type ReviewFacts } from '../reviews/guards';
import { decideOutcome, outcomeComment } from '../reviews/outcome';
import { recordResultCredit } from '../enforcement/creditService';
import { loadSigningFacts, signingGuardNotMet, signingGuardPasses, type SigningFacts } from '../reviews/signing';
import { notifyTransition } from '../notifications/transitionNotices';

/** The stored material of a round that guards look at, loaded inside the transition's transaction. */
export interface RoundFacts {
  reasons: readonly ListingReason[];
  disclosure: { items: Readonly<Record<string, string>>; platformName: string | null; platformUrl: string | null } | null;
  auditMode: AuditMode | null;
  /** The agency of the round's active engagement. */
  engagedAgencyId: string | null;
  reportCount: number;
  /** Evaluation/acceptance files and review opinions (applicationRepository). */
  application?: ApplicationFacts;
  /** The round's options and the minimum count in force (options/guards). */
  options?: OptionFacts;
  /** The round's review panels (reviews/guards). */
  reviews?: ReviewFacts;
  /** Signatures of the open panel's result (reviews/signing). */
  signing?: SigningFacts;
}

/** What a guard may look at: the caller, the stored round, its material and the request. */
export interface GuardContext {
  role: Role;
  round: Pick<repo.RoundRow, 'listPublishedOn'>;
  comment: string | null;
  /** The caller's organisation (for an agency user: the agency). */
  orgId?: string;
  /** Absent facts fail every guard that needs them. */
  facts?: RoundFacts;
  /** How many files the transition carries (body.attachmentIds, checked). */
  attachmentCount?: number;
  /** Set by the batch publication of results: the one way a result is published. */
  resultBatch?: boolean;
}

export async function loadRoundFacts(db: Queryable, roundId: string, reasons: readonly ListingReason[]): Promise<RoundFacts> {
  const keys = await db.query<{ auditMode: AuditMode | null }>('SELECT audit_mode AS "auditMode" FROM audit_rounds WHERE id = $1', [
    roundId,
  ]);
  const disclosure = await material.findDisclosure(db, roundId);
  const engagement = await material.activeEngagement(db, roundId);
  return {
    reasons,
    disclosure: disclosure ?? null,
    auditMode: keys.rows[0]?.auditMode ?? null,
    engagedAgencyId: engagement?.agencyId ?? null,
    reportCount: await material.reportCount(db, roundId),
    application: await applicationFacts(db, roundId),
    options: await loadOptionFacts(db, roundId),
    reviews: await loadReviewFacts(db, roundId),
    signing: await loadSigningFacts(db, roundId),
  };
}

/** What a disclosure still lacks before it can be published: required items, then where it is published. */
export function disclosureGaps(facts: RoundFacts): { items: DisclosureItem[]; platformName: boolean; platformUrl: boolean } {
  const d = facts.disclosure;
  return {
    items: missingDisclosureItems(facts.reasons, d?.items ?? {}),
    platformName: (d?.platformName ?? '').trim() === '',
    platformUrl: (d?.platformUrl ?? '').trim() === '',
  };
}

/**
 * Whether a guard passes. Guards that depend on data later slices bring (uploads, engagements,
 * disclosures, panels, scores) answer false: a transition is refused rather than let through unchecked.
 */
export function guardPasses(guard: GuardName, ctx: GuardContext): boolean {
  switch (guard) {
    case 'reasonGiven':
      return (ctx.comment ?? '').trim() !== '';
    case 'publishedInBatch':
      return ctx.resultBatch === true;
    case 'publicationDateSet':
      return ctx.round.listPublishedOn !== null;
    case 'agencyEngaged':
      // Enterprise users always pass; an agency user only on a round with an active engagement of their agency.
      return ctx.role !== 'agency_user' || (!!ctx.facts?.engagedAgencyId && ctx.facts.engagedAgencyId === ctx.orgId);
    case 'hasDisclosureItems': {
      if (!ctx.facts?.disclosure) return false;
      const gaps = disclosureGaps(ctx.facts);
      return gaps.items.length === 0 && !gaps.platformName && !gaps.platformUrl;
    }
    case 'auditModeChosen':
      return ctx.facts?.auditMode === 'self' || (ctx.facts?.auditMode === 'agency' && !!ctx.facts.engagedAgencyId);
    case 'reportUploaded':
      return (ctx.facts?.reportCount ?? 0) > 0;
    case 'evidenceAttached':
    case 'noticeIssued':
    case 'evaluationMaterialsAttached':
    case 'reviewOpinionAttached':
    case 'acceptanceMaterialsAttached':
    case 'acceptanceOpinionAttached':
    case 'rectificationEvidenceAttached':
      return applicationGaps(guard, ctx.facts, ctx.attachmentCount ?? 0).length === 0;
    case 'optionsReadyForEvaluation':
    case 'highCostOptionsSettled':
      return !!ctx.facts?.options && optionGuardGaps(guard, ctx.facts.options).length === 0;
    case 'panelComplete':
    case 'allScoresIn':
    case 'revisionConfirmed':
      return reviewGuardPasses(guard, ctx.facts?.reviews);
    case 'allMembersSigned':
      return signingGuardPasses(ctx.facts?.signing);
  }
}

/** The first guard of the transition that fails (the comment requirement counts as 'reasonGiven'). */
export function failingGuard(name: TransitionName, ctx: GuardContext): GuardName | null {
  const def = transitionDef(name);
  const guards: GuardName[] = def.requiresComment && !def.guards.includes('reasonGiven') ? ['reasonGiven', ...def.guards] : [...def.guards];
  return guards.find((g) => !guardPasses(g, ctx)) ?? null;
}

function stateConflict(state: RoundState, name: TransitionName): AppError {
  return new LocalizedError('ROUND_STATE_CONFLICT', { state: ROUND_STATE_LABELS[state], transition: transitionDef(name).label });
}

const PLATFORM_LABELS = {
  platformName: { 'zh-CN': '公开平台名称', en: 'Publication platform' },
  platformUrl: { 'zh-CN': '公开网址', en: 'Publication URL' },
} as const;

function guardNotMet(guard: GuardName, name: TransitionName, facts?: RoundFacts, attachmentCount = 0): AppError {
  if ((guard === 'optionsReadyForEvaluation' || guard === 'highCostOptionsSettled') && facts?.options) {
    return optionGuardNotMet(guard, name, facts.options);
  }
  if (guard === 'allMembersSigned') return signingGuardNotMet(name, facts?.signing);
  const field = guard === 'reasonGiven' ? 'comment' : `guards.${guard}`;
  const fields: FieldErrors = { [field]: (l) => GUARDS[guard][l] };
  let text: Record<Locale, string> = GUARDS[guard];
  if (isApplicationGuard(guard)) {
    // Name what is missing, in the message and one field per item.
    const gaps = applicationGaps(guard, facts, attachmentCount);
    const missing = { 'zh-CN': '尚未提供', en: 'missing' } as const;
    for (const gap of gaps) if (gap.field) fields[gap.field] = (l) => `${gap.label[l]}${l === 'zh-CN' ? '' : ': '}${missing[l]}`;
    if (gaps.length) {
      text = {
        'zh-CN': `${GUARDS[guard]['zh-CN']}（尚缺：${gaps.map((g) => g.label['zh-CN']).join('、')}）`,
        en: `${GUARDS[guard].en} (missing: ${gaps.map((g) => g.label.en).join(', ')})`,
      };
    }
  }
  if (guard === 'hasDisclosureItems' && facts) {
    // Name what is missing, in the message and one field per item.
    const gaps = disclosureGaps(facts);
    const labels: Readonly<Record<Locale, string>>[] = gaps.items.map((item) => DISCLOSURE_ITEMS[item]);
    if (gaps.platformName) labels.push(PLATFORM_LABELS.platformName);
    if (gaps.platformUrl) labels.push(PLATFORM_LABELS.platformUrl);
    const missing = { 'zh-CN': '尚未填写', en: 'missing' } as const;
    for (const item of gaps.items) fields[`disclosure.items.${item}`] = (l) => `${DISCLOSURE_ITEMS[item][l]}${l === 'zh-CN' ? '' : ': '}${missing[l]}`;
    if (gaps.platformName) fields['disclosure.platformName'] = (l) => `${PLATFORM_LABELS.platformName[l]}${l === 'zh-CN' ? '' : ': '}${missing[l]}`;
    if (gaps.platformUrl) fields['disclosure.platformUrl'] = (l) => `${PLATFORM_LABELS.platformUrl[l]}${l === 'zh-CN' ? '' : ': '}${missing[l]}`;
    if (labels.length) {
      text = {
        'zh-CN': `${GUARDS[guard]['zh-CN']}（尚缺：${labels.map((x) => x['zh-CN']).join('、')}）`,
        en: `${GUARDS[guard].en} (missing: ${labels.map((x) => x.en).join(', ')})`,
      };
    }
  }
  return new LocalizedError('GUARD_NOT_MET', { guard: text, transition: transitionDef(name).label }, fields);
}

/**
 * Fire a transition on a round (DESIGN "Round state machine"): scoped load (404) → permission
 * (wrong role 403) → state (409 ROUND_STATE_CONFLICT) → guards (422 GUARD_NOT_MET) → conditional
 * UPDATE … WHERE state = expected (a lost race: 409) → history row → audit event, in one transaction.
 */
export async function fireTransition(
  db: Db,
  actor: Actor,
  id: string,
  name: TransitionName,
  body: TransitionBody,
  meta: RequestMeta,
): Promise<RoundDetail> {
  const comment = body.comment?.trim() || null;
  await db.transaction(async (tx) => {
    const round = await repo.findRound(tx, actor.scope, id);
    if (!round) throw notFound(ROUND_ENTITY);
    const check = canFire(name, round.state, actor.role);
    if (!check.ok && check.reason === 'wrongRole') throw new AppError('FORBIDDEN');
    if (!check.ok || round.state !== body.expectedState) throw stateConflict(round.state, name);
    const attachmentIds = await checkTransitionAttachments(tx, id, body.attachmentIds);
    const facts = await loadRoundFacts(tx, id, round.reasons);
    const attachmentCount = attachmentIds.length;
    const guard = failingGuard(name, { role: actor.role, round, comment, orgId: actor.orgId, facts, attachmentCount });
    if (guard) throw guardNotMet(guard, name, facts, attachmentCount);
    // Grade-decided transitions: the open panel's result decides the target (reviews/outcome).
    const outcome = targetNeeds(name) === 'nothing' ? null : await decideOutcome(tx, actor, meta, round, name);
    const to = outcome?.to ?? (transitionDef(name).to as RoundState);
    const acceptance = outcome?.evaluation?.acceptanceDue ?? round.acceptanceDue;
    const next =
      round.discloseDue && round.startDue && round.reportDue
        ? nextDeadline(to, { disclose: round.discloseDue, start: round.startDue, report: round.reportDue, acceptance })
        : null;
    const version = await repo.changeState(tx, id, { from: body.expectedState, to, nextDueOn: next?.due ?? null, evaluation: outcome?.evaluation });
    if (version === null) {
      // Lost a race: another request changed the state between our read and our write.
      const current = await repo.findRound(tx, actor.scope, id);
      throw stateConflict(current?.state ?? round.state, name);
    }
    const historyComment = outcome ? outcomeComment(outcome, comment) : comment;
    await repo.insertHistory(tx, [id], actor, { transition: name, from: round.state, to, comment: historyComment, attachmentIds });
    // The district's explicit acceptance deadline (evaluation opinion) wins over the default.
    if (to === 'evaluated') await syncAcceptanceDue(tx, id);
    // A notable acceptance result becomes a positive credit record (enforcement/creditService), same transaction.
    if (to === 'accepted' && outcome) await recordResultCredit(tx, actor, meta, { roundId: id, score: outcome.score, acceptedOn: today() });
    if (to === 'disclosed') await material.markDisclosurePublished(tx, id);
    await notifyTransition(tx, id, name, { grade: outcome?.grade, score: outcome?.score, comment });
    await recordAudit(tx, actor, meta, {
      action: 'round.transitioned',
      entityId: id,
      before: { state: round.state, version: round.version },
      after: { state: to, version, transition: name, comment, ...(outcome ? { score: outcome.score, grade: outcome.grade } : {}) },
    });
  });
  return getRound(db, actor, id);
}
