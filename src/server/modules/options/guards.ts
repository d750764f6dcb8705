import { acceptanceReadinessGaps, evaluationReadinessGaps, minimumOptions, type OptionGap } from '../../../shared/domain/optionGuards';
import type { RuleOption } from '../../../shared/domain/options';
import { GUARDS, transitionDef, type TransitionName } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import { LocalizedError, type AppError, type FieldErrors } from '../../platform/errors';
import * as repo from './repository';

/** The options of a round and the minimum count in force, as the transition guards see them. */
export interface OptionFacts {
  options: RuleOption[];
  minOptions: number;
}

export type OptionGuard = 'optionsReadyForEvaluation' | 'highCostOptionsSettled';

/** Loaded inside the transition's transaction. */
export async function loadOptionFacts(db: Queryable, roundId: string): Promise<OptionFacts> {
  const { rows } = await db.query<{ cityCode: string }>('SELECT city_code AS "cityCode" FROM audit_rounds WHERE id = $1', [roundId]);
  const cityCode = rows[0]?.cityCode;
  if (!cityCode) return { options: [], minOptions: 0 };
  const options = await repo.ruleOptions(db, roundId);
  const rules = await repo.cityRules(db, cityCode);
  return { options, minOptions: minimumOptions(rules.rules) };
}

export function optionGuardGaps(guard: OptionGuard, facts: OptionFacts): OptionGap[] {
  return guard === 'optionsReadyForEvaluation'
    ? evaluationReadinessGaps(facts.options, facts.minOptions)
    : acceptanceReadinessGaps(facts.options);
}

/** 422 GUARD_NOT_MET naming every missing thing, in the message and one field each. */
export function optionGuardNotMet(guard: OptionGuard, name: TransitionName, facts: OptionFacts): AppError {
  const gaps = optionGuardGaps(guard, facts);
  const fields: FieldErrors = { [`guards.${guard}`]: (l) => GUARDS[guard][l] };
  for (const gap of gaps) fields[gap.field] = (l) => gap.text[l];
  const text: Record<Locale, string> = gaps.length
    ? {
        'zh-CN': `${GUARDS[guard]['zh-CN']}（尚缺：${gaps.map((g) => g.text['zh-CN']).join('；')}）`,
        en: `${GUARDS[guard].en} (missing: ${gaps.map((g) => g.text.en).join('; ')})`,
      }
    : GUARDS[guard];
  return new LocalizedError('GUARD_NOT_MET', { guard: text, transition: transitionDef(name).label }, fields);
}
