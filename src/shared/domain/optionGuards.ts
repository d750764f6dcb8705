import { OPTION_STATUS_LABELS, both, live, optionRef, type OptionRules, type RuleOption } from './options';
import type { Locale } from '../i18n/locales';

/**
 * The option guards of the round state machine (roundGuards.ts names them; the server runs them inside
 * the transition's transaction through modules/options/guards.ts).
 */
type Text = Readonly<Record<Locale, string>>;
const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** One thing a guard finds missing: a field path (for the 422 body) and its text. */
export interface OptionGap {
  field: string;
  text: Text;
}

/** The minimum count the guard applies: the city's rule when enabled, else none. */
export const minimumOptions = (rules: OptionRules) => (rules.tooFewOptions.enabled ? rules.tooFewOptions.params.minOptions : 0);

/**
 * optionsReadyForEvaluation: enough options; every no/low-cost option implemented or dropped and at least
 * one implemented; every medium/high-cost option (not dropped) with a feasibility conclusion and an investment.
 */
export function evaluationReadinessGaps(options: readonly RuleOption[], minOptions: number): OptionGap[] {
  const gaps: OptionGap[] = [];
  const count = live(options).length;
  if (count < minOptions) {
    gaps.push({ field: 'options.count', text: both((l) => (l === 'zh-CN' ? `方案数 ${count} 项，少于 ${minOptions} 项` : `${count} options, fewer than ${minOptions}`)) });
  }
  const sorted = [...options].sort((a, b) => a.seq - b.seq);
  for (const o of sorted) {
    if (o.category === 'low_cost' && o.status !== 'implemented' && o.status !== 'dropped') {
      gaps.push({ field: `options.${o.seq}.status`, text: both((l) => (l === 'zh-CN' ? `${optionRef(o, l)}尚未实施` : `${optionRef(o, l)} is not implemented`)) });
    }
  }
  if (!options.some((o) => o.category === 'low_cost' && o.status === 'implemented')) {
    gaps.push({ field: 'options.lowCostImplemented', text: t('没有已实施的无/低费方案', 'no no/low-cost option is implemented') });
  }
  for (const o of sorted) {
    if (o.category !== 'high_cost' || o.status === 'dropped') continue;
    if (o.feasibility === null) {
      gaps.push({ field: `options.${o.seq}.feasibility`, text: both((l) => (l === 'zh-CN' ? `${optionRef(o, l)}缺少可行性分析结论` : `${optionRef(o, l)} lacks a feasibility conclusion`)) });
    }
    if (!(o.investment !== null && o.investment > 0)) {
      gaps.push({ field: `options.${o.seq}.investment`, text: both((l) => (l === 'zh-CN' ? `${optionRef(o, l)}缺少投资额` : `${optionRef(o, l)} lacks an investment`)) });
    }
  }
  return gaps;
}

/** highCostOptionsSettled: every medium/high-cost option is implemented, or dropped with a reason. */
export function acceptanceReadinessGaps(options: readonly RuleOption[]): OptionGap[] {
  return [...options]
    .sort((a, b) => a.seq - b.seq)
    .filter(
      (o) =>
        o.category === 'high_cost' &&
        !(o.status === 'implemented' || (o.status === 'dropped' && (o.dropReason ?? '').trim() !== '')),
    )
    .map((o) => ({
      field: `options.${o.seq}.status`,
      text: both((l) =>
        l === 'zh-CN'
          ? `${optionRef(o, l)}为“${OPTION_STATUS_LABELS[o.status][l]}”，须已实施或说明放弃理由`
          : `${optionRef(o, l)} is "${OPTION_STATUS_LABELS[o.status][l]}"; it must be implemented or dropped with a reason`,
      ),
    }));
}
