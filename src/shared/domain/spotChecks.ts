import type { Locale } from '../i18n/locales';
import { allocateStrata, canonicalOrder, seedCommitment, stratifiedSample, verifyDraw, type SampleSize } from './draw';

/**
 * Spot checks (抽查, DOMAIN §6): each year the city samples the audits accepted the year before, checks them and
 * publishes the results (通报). The sample is the shared verifiable draw (draw.ts) over strata: one stratum per
 * district when stratified, else the single stratum `ALL_STRATUM`.
 */
type Text = Readonly<Record<Locale, string>>;

export const SPOT_CHECK_STATUSES = ['draft', 'drawn', 'published'] as const;
export type SpotCheckStatus = (typeof SPOT_CHECK_STATUSES)[number];
export const SPOT_CHECK_STATUS_LABELS = {
  draft: { 'zh-CN': '待抽取', en: 'Not drawn' },
  drawn: { 'zh-CN': '检查中', en: 'Checking' },
  published: { 'zh-CN': '已通报', en: 'Published' },
} as const satisfies Record<SpotCheckStatus, Text>;

export const SPOT_CHECK_RESULTS = ['pending', 'conforming', 'problems'] as const;
export type SpotCheckResult = (typeof SPOT_CHECK_RESULTS)[number];
export const SPOT_CHECK_RESULT_LABELS = {
  pending: { 'zh-CN': '待检查', en: 'Pending' },
  conforming: { 'zh-CN': '符合要求', en: 'Conforming' },
  problems: { 'zh-CN': '发现问题', en: 'Problems found' },
} as const satisfies Record<SpotCheckResult, Text>;

export const SPOT_CHECK_CATEGORIES = ['report_inconsistent_with_site', 'options_not_implemented', 'data_not_true', 'other'] as const;
export type SpotCheckCategory = (typeof SPOT_CHECK_CATEGORIES)[number];
export const SPOT_CHECK_CATEGORY_LABELS = {
  report_inconsistent_with_site: { 'zh-CN': '审核报告与现场不符', en: 'Report inconsistent with the site' },
  options_not_implemented: { 'zh-CN': '方案未落实', en: 'Options not implemented' },
  data_not_true: { 'zh-CN': '数据不真实', en: 'Data not true' },
  other: { 'zh-CN': '其他问题', en: 'Other problems' },
} as const satisfies Record<SpotCheckCategory, Text>;

/** The stratum key of an unstratified sample. */
export const ALL_STRATUM = 'all';

/** One round of the population, as gathered in SQL. */
export interface PopulationRound {
  roundId: string;
  districtCode: string;
}

/** The strata of a population: district code → round ids (canonical order), or the single `all` stratum. */
export function strataOf(population: readonly PopulationRound[], stratified: boolean): Record<string, string[]> {
  const strata: Record<string, string[]> = {};
  for (const r of population) {
    const key = stratified ? r.districtCode : ALL_STRATUM;
    (strata[key] ??= []).push(r.roundId);
  }
  for (const key of Object.keys(strata)) strata[key] = canonicalOrder(strata[key]!);
  return strata;
}

/** A sampled round with its stratum and its position in the draw (1-based over the whole sample). */
export interface SampledRound {
  roundId: string;
  stratum: string;
  drawOrder: number;
}

/** The sample of a spot check: the allocation per stratum and the drawn rounds, strata in canonical order. */
export function drawSpotCheck(
  strata: Readonly<Record<string, readonly string[]>>,
  size: SampleSize,
  seed: string,
): { allocation: Record<string, number>; sampled: SampledRound[] } {
  const { allocation, drawn } = stratifiedSample(strata, size, seed);
  const sampled: SampledRound[] = [];
  for (const key of canonicalOrder(Object.keys(drawn))) {
    for (const roundId of drawn[key] ?? []) sampled.push({ roundId, stratum: key, drawOrder: sampled.length + 1 });
  }
  return { allocation, sampled };
}

/** Recomputes a recorded spot check: the seed against its hash, and each stratum's draw against the recorded items. */
export function verifySpotCheck(record: {
  seed: string;
  seedHash: string;
  candidates: Readonly<Record<string, readonly string[]>>;
  size: SampleSize;
  allocation: Readonly<Record<string, number>>;
  sampled: readonly SampledRound[];
}): {
  seedMatches: boolean;
  allocationMatches: boolean;
  resultMatches: boolean;
  strata: { stratum: string; allocated: number; recorded: string[]; recomputed: string[]; matches: boolean }[];
} {
  const recomputedAllocation = allocateStrata(
    Object.fromEntries(Object.entries(record.candidates).map(([k, ids]) => [k, ids.length])),
    record.size,
  );
  const keys = canonicalOrder([...new Set([...Object.keys(record.candidates), ...Object.keys(record.allocation)])]);
  const strata = keys.map((stratum) => {
    const recorded = [...record.sampled].sort((a, b) => a.drawOrder - b.drawOrder).filter((s) => s.stratum === stratum).map((s) => s.roundId);
    const check = verifyDraw({
      seed: record.seed,
      seedHash: record.seedHash,
      candidateIds: record.candidates[stratum] ?? [],
      drawnIds: recorded,
      label: stratum,
    });
    const allocated = recomputedAllocation[stratum] ?? 0;
    return { stratum, allocated, recorded, recomputed: check.recomputed, matches: check.resultMatches && allocated === recorded.length };
  });
  const allocationMatches = keys.every((k) => (recomputedAllocation[k] ?? 0) === (record.allocation[k] ?? 0));
  return {
    seedMatches: seedCommitment(record.seed) === record.seedHash,
    allocationMatches,
    resultMatches: allocationMatches && strata.every((s) => s.matches),
    strata,
  };
}
