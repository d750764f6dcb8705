import type { Locale } from '../i18n/locales';
import type { ListingReason } from './listingReasons';

/**
 * 附件4 plan-list suggestions (issue 5.3, DOMAIN §2, §3, §7): candidates a district may put on its plan list
 * for a year, each with the rule that proposed it. The rules run as set-based SQL (planSuggestions module);
 * their parameters live here.
 */

type Text = Readonly<Record<Locale, string>>;

export const SUGGESTION_RULES = ['fiveYear', 'keyIndustryRisk', 'unfinished'] as const;
export type SuggestionRule = (typeof SUGGESTION_RULES)[number];

/**
 * 双有 enterprises must be audited at most 5 years apart: a toxic-listed enterprise whose latest round was
 * accepted in year Y is suggested for plan year P when P − Y ≥ this lead (4: the audit planned for P finishes
 * within the 5 years).
 */
export const FIVE_YEAR_RULE_LEAD_YEARS = 4;

/**
 * Key-industry enterprises with "recent" trouble: a penalty decided, or a round listed for exceeding standards or
 * quotas (双超), in the RECENT_YEARS calendar years before the plan year (P−3 … P−1).
 */
export const RECENT_YEARS = 3;

export const SUGGESTION_RULE_LABELS = {
  fiveYear: { 'zh-CN': '双有企业五年审核周期届满', en: 'Toxic/hazardous: 5-year audit interval due' },
  keyIndustryRisk: { 'zh-CN': '重点行业企业近期受处罚或超标', en: 'Key industry with recent penalty or exceedance' },
  unfinished: { 'zh-CN': '往年未完成审核滚动纳入', en: 'Rolled over from an unfinished year' },
} as const satisfies Record<SuggestionRule, Text>;

/** The listing reasons a plan entry accepted from a rule starts with (the district may change them later). */
export function reasonsFor(rules: readonly SuggestionRule[], roundReasons: readonly ListingReason[], exceeded: boolean): ListingReason[] {
  const out = new Set<ListingReason>();
  for (const rule of rules) {
    if (rule === 'fiveYear') out.add('toxic');
    if (rule === 'keyIndustryRisk') {
      out.add('key_industry');
      if (exceeded) out.add('dual_exceed');
    }
    if (rule === 'unfinished') for (const r of roundReasons) out.add(r);
  }
  if (!out.size) out.add('key_industry');
  return [...out];
}

/** The facts behind one candidate's reasons (the SQL returns them), rendered as the 具体原因说明 text. */
export interface SuggestionFacts {
  rules: readonly SuggestionRule[];
  lastAcceptedYear: number | null;
  lastPenaltyOn: string | null;
  lastExceedYear: number | null;
  unfinishedYear: number | null;
  unfinishedState: string | null;
}

export function suggestionDetail(f: SuggestionFacts, locale: Locale, stateLabel: (state: string) => string): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  for (const rule of f.rules) {
    if (rule === 'fiveYear') {
      parts.push(zh ? `上轮审核于 ${f.lastAcceptedYear ?? '?'} 年验收，双有企业两次审核间隔不超过五年` : `last audit accepted in ${f.lastAcceptedYear ?? '?'}; toxic/hazardous enterprises are audited at most 5 years apart`);
    } else if (rule === 'keyIndustryRisk') {
      const why: string[] = [];
      if (f.lastPenaltyOn) why.push(zh ? `${f.lastPenaltyOn} 受到行政处罚` : `penalised on ${f.lastPenaltyOn}`);
      if (f.lastExceedYear) why.push(zh ? `${f.lastExceedYear} 年度因双超纳入审核` : `listed for exceeding standards in ${f.lastExceedYear}`);
      parts.push(zh ? `重点行业企业，${why.join('，')}` : `key-industry enterprise, ${why.join(', ')}`);
    } else {
      const state = f.unfinishedState ? stateLabel(f.unfinishedState) : '';
      parts.push(zh ? `${f.unfinishedYear ?? '?'} 年度审核未完成（${state}），滚动纳入` : `${f.unfinishedYear ?? '?'} audit unfinished (${state}), rolled over`);
    }
  }
  return parts.join(zh ? '；' : '; ');
}
