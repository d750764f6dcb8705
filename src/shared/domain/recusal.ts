/**
 * Eligibility and recusal (回避) of experts for a panel draw, as a pure function over facts that the server gathers
 * set-based in SQL (one row per active expert with an account). Each rule is separate so that the record can name
 * every reason an expert was excluded, and the 422 of a draw with too few candidates can count them per rule.
 */

export const EXPERTISE_KINDS = ['audit', 'industry', 'monitoring'] as const;
export type ExpertiseKind = (typeof EXPERTISE_KINDS)[number];

export const EXCLUSION_REASONS = [
  'unavailable',
  'industryMismatch',
  'expertiseMismatch',
  'sameEmployerEnterprise',
  'sameEmployerAgency',
  'tieEnterprise',
  'tieAgency',
  'engagedByAgency',
  'tooManyOpenPanels',
  'alreadyOnPanel',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface DrawSettings {
  /** "Engaged by the same agency within the last N months" excludes (0: the rule is off). */
  agencyLookbackMonths: number;
  /** An expert already on this many open (undecided) panels is excluded. */
  maxOpenPanels: number;
}
export const DEFAULT_DRAW_SETTINGS: DrawSettings = { agencyLookbackMonths: 24, maxOpenPanels: 3 };

/** The round's side of the checks. */
export interface DrawContext {
  reviewOn: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The round's consulting agency (active engagement), if any. */
  agencyId: string | null;
  agencyName: string | null;
  /**
   * GB/T 4754 codes that satisfy the required industries (each required code with its section and its divisions;
   * the service expands them from the reference table). Empty: no industry requirement.
   */
  acceptedIndustries: readonly string[];
  requiredExpertise: readonly ExpertiseKind[];
  settings: DrawSettings;
}

/** One expert's facts, gathered in SQL. */
export interface ExpertFacts {
  userId: string;
  employer: string | null;
  industries: readonly string[];
  expertise: readonly string[];
  /** An unavailable period covers the review date. */
  unavailableOnReviewDate: boolean;
  /** Names of declared other employers. */
  employerTies: readonly string[];
  /** Organisation ids of declared agency and enterprise ties. */
  tiedOrgIds: readonly string[];
  /** The latest date (YYYY-MM-DD) the expert sat on a panel of a round served by the round's agency, if any. */
  lastAgencyPanelOn: string | null;
  openPanels: number;
  /** Is or was a member of the panel being completed (replacement draws). */
  onThisPanel: boolean;
}

/** Lower case, without spaces and punctuation, full-width brackets folded (same as SQL `cp_norm_org`). */
export function normalizeOrgName(name: string | null | undefined): string {
  return (name ?? '').replace(/[\s()（）[\]【】·.,，。、"'“”‘’-]+/gu, '').toLowerCase();
}

/** `date` minus `months` calendar months (YYYY-MM-DD; the day is clamped to the month's length). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Every reason `facts` excludes the expert from the draw (empty: eligible), in EXCLUSION_REASONS order. */
export function exclusionReasons(facts: ExpertFacts, ctx: DrawContext): ExclusionReason[] {
  const out: ExclusionReason[] = [];
  if (facts.unavailableOnReviewDate) out.push('unavailable');
  if (ctx.acceptedIndustries.length && !facts.industries.some((c) => ctx.acceptedIndustries.includes(c))) {
    out.push('industryMismatch');
  }
  if (ctx.requiredExpertise.length && !ctx.requiredExpertise.some((k) => facts.expertise.includes(k))) out.push('expertiseMismatch');
  const employers = [facts.employer, ...facts.employerTies].map(normalizeOrgName).filter((n) => n !== '');
  const enterprise = normalizeOrgName(ctx.enterpriseName);
  const agency = normalizeOrgName(ctx.agencyName);
  if (enterprise && employers.includes(enterprise)) out.push('sameEmployerEnterprise');
  if (ctx.agencyId && agency && employers.includes(agency)) out.push('sameEmployerAgency');
  if (facts.tiedOrgIds.includes(ctx.enterpriseId)) out.push('tieEnterprise');
  if (ctx.agencyId && facts.tiedOrgIds.includes(ctx.agencyId)) out.push('tieAgency');
  if (
    ctx.agencyId &&
    ctx.settings.agencyLookbackMonths > 0 &&
    facts.lastAgencyPanelOn !== null &&
    facts.lastAgencyPanelOn >= monthsBefore(ctx.reviewOn, ctx.settings.agencyLookbackMonths)
  ) {
    out.push('engagedByAgency');
  }
  if (facts.openPanels >= ctx.settings.maxOpenPanels) out.push('tooManyOpenPanels');
  if (facts.onThisPanel) out.push('alreadyOnPanel');
  return out;
}

/** Splits the pool into candidates (ids) and exclusions, and counts exclusions per rule. */
export function screenExperts<F extends ExpertFacts>(
  pool: readonly F[],
  ctx: DrawContext,
): { candidates: F[]; excluded: { facts: F; reasons: ExclusionReason[] }[]; countsByReason: Partial<Record<ExclusionReason, number>> } {
  const candidates: F[] = [];
  const excluded: { facts: F; reasons: ExclusionReason[] }[] = [];
  const countsByReason: Partial<Record<ExclusionReason, number>> = {};
  for (const facts of pool) {
    const reasons = exclusionReasons(facts, ctx);
    if (reasons.length === 0) candidates.push(facts);
    else {
      excluded.push({ facts, reasons });
      for (const r of reasons) countsByReason[r] = (countsByReason[r] ?? 0) + 1;
    }
  }
  return { candidates, excluded, countsByReason };
}

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, { 'zh-CN': string; en: string }> = {
  unavailable: { 'zh-CN': '评审日期不可参加', en: 'unavailable on the review date' },
  industryMismatch: { 'zh-CN': '行业专长不符', en: 'industry speciality does not match' },
  expertiseMismatch: { 'zh-CN': '专业类别不符', en: 'expertise kind does not match' },
  sameEmployerEnterprise: { 'zh-CN': '与受审企业同一单位', en: 'same employer as the enterprise' },
  sameEmployerAgency: { 'zh-CN': '与咨询机构同一单位', en: 'same employer as the consulting agency' },
  tieEnterprise: { 'zh-CN': '申报了与受审企业的关联', en: 'declared tie to the enterprise' },
  tieAgency: { 'zh-CN': '申报了与咨询机构的关联', en: 'declared tie to the consulting agency' },
  engagedByAgency: { 'zh-CN': '近期受同一咨询机构服务项目聘请', en: 'engaged by the same agency recently' },
  tooManyOpenPanels: { 'zh-CN': '在评专家组过多', en: 'on too many open panels' },
  alreadyOnPanel: { 'zh-CN': '已是（或曾是）本专家组成员', en: 'is or was on this panel' },
};
