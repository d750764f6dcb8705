import type { AgencyQuality, ReportSummary, ReportSummaryInput, SimilarTexts } from '../../../shared/contracts/similarity';
import { computeOptionWarnings, OPTION_RULE_CODES, type OptionRuleCode, type RuleOption } from '../../../shared/domain/options';
import { can } from '../../../shared/domain/permissions';
import type { RoundState } from '../../../shared/domain/roundStates';
import { commonShingles, highlightSegments, REPORT_THRESHOLD, textSignature } from '../../../shared/domain/similarity';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { cityRules } from '../options/repository';
import { OPTION_EDITABLE_STATES } from '../options/service';
import { ROUND_ENTITY } from '../rounds/service';
import { ROUND_STATE_LABELS } from '../../../shared/domain/roundStates';
import * as repo from './repository';

export const AGENCY_ENTITY = { 'zh-CN': '咨询服务机构', en: 'Consulting agency' } as const;
/** At most this many similar pairs are shown for a round. */
const MAX_PAIRS = 50;

// --- the report summary ---

export async function getReportSummary(db: Queryable, actor: Actor, roundId: string): Promise<ReportSummary> {
  const round = await repo.findRound(db, actor.scope, roundId);
  if (!round) throw notFound(ROUND_ENTITY);
  const found = await repo.reportSummary(db, roundId);
  const edit = can(actor.role, 'round.material.edit') && OPTION_EDITABLE_STATES.includes(round.state as RoundState);
  return { summary: found?.summary ?? null, updatedAt: found?.updatedAt ?? null, abilities: { edit } };
}

/** The enterprise side enters the summary of its audit report while it works on the audit (the options' editable states). */
export async function saveReportSummary(db: Db, actor: Actor, roundId: string, input: ReportSummaryInput, meta: RequestMeta): Promise<ReportSummary> {
  await db.transaction(async (tx) => {
    const round = await repo.findRound(tx, actor.scope, roundId, true);
    if (!round) throw notFound(ROUND_ENTITY);
    const state = round.state as RoundState;
    if (!OPTION_EDITABLE_STATES.includes(state)) {
      throw new LocalizedError('ROUND_MATERIAL_LOCKED', {
        state: ROUND_STATE_LABELS[state],
        material: { 'zh-CN': '审核报告摘要', en: 'report summary' },
      });
    }
    const before = await repo.reportSummary(tx, roundId);
    if (before?.summary === input.summary) return;
    await repo.saveReportSummary(tx, round, input.summary, actor.userId);
    await repo.saveSignature(tx, { kind: 'report_summary', id: roundId, roundId, cityCode: round.cityCode }, textSignature(input.summary));
    await recordAudit(tx, actor, meta, {
      action: 'round.reportSummarySaved',
      entityId: roundId,
      before: { summary: before?.summary ?? null },
      after: { summary: input.summary },
    });
  });
  return getReportSummary(db, actor, roundId);
}

// --- what reviewers see ---

/** Near-duplicate texts of a round in other rounds of the city, best first, with the matching passages marked. */
export async function similarTexts(db: Queryable, actor: Actor, roundId: string): Promise<SimilarTexts> {
  const round = await repo.findRound(db, actor.scope, roundId);
  if (!round) throw notFound(ROUND_ENTITY);
  const [pairs, summary] = await Promise.all([
    can(actor.role, 'similarity.read') ? repo.similarPairs(db, actor.scope, round, REPORT_THRESHOLD, MAX_PAIRS) : Promise.resolve([]),
    repo.reportSummary(db, roundId),
  ]);
  return {
    threshold: REPORT_THRESHOLD,
    agencyName: round.agencyName,
    reportSummary: summary?.summary ?? null,
    pairs: pairs.map((p) => {
      const common = commonShingles(p.text, p.otherText);
      return {
        kind: p.kind,
        sourceId: p.sourceId,
        label: p.label,
        otherLabel: p.otherLabel,
        score: Math.round(p.score * 1000) / 1000,
        other: {
          roundId: p.readable ? p.otherRoundId : null,
          enterpriseName: p.otherEnterpriseName,
          listingYear: p.otherListingYear,
          districtName: p.otherDistrictName,
          agencyName: p.otherAgencyName,
        },
        sameAgency: p.sameAgency,
        sameEnterprise: p.sameEnterprise,
        segments: highlightSegments(p.text, common),
        otherSegments: highlightSegments(p.otherText, common),
      };
    }),
    abilities: { editSummary: can(actor.role, 'round.material.edit') && OPTION_EDITABLE_STATES.includes(round.state as RoundState) },
  };
}

/** The option quality warnings of an agency's rounds (in the caller's scope) per rule, and its similar pairs. */
export async function agencyQuality(db: Queryable, actor: Actor, agencyId: string): Promise<AgencyQuality> {
  if (actor.scope.kind !== 'city' && actor.scope.kind !== 'district') throw new AppError('FORBIDDEN');
  const agency = await repo.findAgency(db, actor.scope.cityCode, agencyId);
  if (!agency) throw notFound(AGENCY_ENTITY);
  const [{ rounds, options }, pairs, rules] = await Promise.all([
    repo.agencyOptions(db, actor.scope, agencyId),
    repo.agencyPairCounts(db, actor.scope, agencyId, REPORT_THRESHOLD),
    cityRules(db, actor.scope.cityCode),
  ]);
  const byRound = new Map<string, RuleOption[]>();
  for (const o of options) byRound.set(o.roundId, [...(byRound.get(o.roundId) ?? []), o]);
  const warnings = Object.fromEntries(OPTION_RULE_CODES.map((c) => [c, 0])) as Record<OptionRuleCode, number>;
  let roundsWithWarnings = 0;
  for (const r of rounds) {
    // Rounds without options yet (early states) say nothing about the agency's work.
    if (!byRound.has(r.id)) continue;
    const found = computeOptionWarnings(byRound.get(r.id) ?? [], r.baseline, rules.rules);
    if (found.length) roundsWithWarnings += 1;
    for (const w of found) warnings[w.code] += 1;
  }
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    roundCount: rounds.length,
    optionCount: options.length,
    roundsWithWarnings,
    warnings,
    similarPairs: pairs.pairs,
    sameAgencyPairs: pairs.sameAgencyPairs,
    threshold: REPORT_THRESHOLD,
  };
}
