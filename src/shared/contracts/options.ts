import { z } from 'zod';
import {
  BENEFIT_INDICATORS,
  FEASIBILITY_CONCLUSIONS,
  MAX_FIGURE,
  MAX_OPTIONS_PER_ROUND,
  OPTION_CATEGORIES,
  OPTION_DIRECTIONS,
  OPTION_RULE_CODES,
  OPTION_RULE_LIMITS,
  OPTION_STATUSES,
} from '../domain/options';
import { isoDateSchema } from './campaigns';
import { optionalText, requiredText, sortParam } from './common';

/** A non-negative figure (benefit, investment in 万元, baseline), stored as numeric. */
export const figureSchema = z.number().min(0).max(MAX_FIGURE);
const optionalFigure = figureSchema.nullable().optional();
const optionalDate = z.preprocess((v) => (v === '' ? null : v), isoDateSchema.nullable().optional());

/** Benefits per indicator; null or absent = not quantified. */
export const benefitsInput = z.partialRecord(z.enum(BENEFIT_INDICATORS), figureSchema.nullable());
export const benefitsSchema = z.partialRecord(z.enum(BENEFIT_INDICATORS), z.number());
export type BenefitsInput = z.infer<typeof benefitsInput>;

export const optionInput = z
  .object({
    category: z.enum(OPTION_CATEGORIES),
    direction: z.enum(OPTION_DIRECTIONS),
    optionName: requiredText(200),
    description: optionalText(2000),
    /** 万元 */
    investment: optionalFigure,
    status: z.enum(OPTION_STATUSES).default('proposed'),
    dropReason: optionalText(1000),
    /** Medium/high-cost options only. */
    feasibility: z.enum(FEASIBILITY_CONCLUSIONS).nullable().optional(),
    feasibilityNote: optionalText(2000),
    plannedEffectiveOn: optionalDate,
    actualEffectiveOn: optionalDate,
    predictedBenefits: benefitsInput.default({}),
    actualBenefits: benefitsInput.default({}),
  })
  .strict();
export type OptionInput = z.infer<typeof optionInput>;

/** Implementation progress: status, actual benefits and the date they start counting. */
export const optionProgressBody = z
  .object({
    status: z.enum(OPTION_STATUSES),
    dropReason: optionalText(1000),
    actualEffectiveOn: optionalDate,
    actualBenefits: benefitsInput.default({}),
  })
  .strict();
export type OptionProgressBody = z.infer<typeof optionProgressBody>;

export const optionParams = z.object({ id: z.uuid(), optionId: z.uuid() });

const queryEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

export const OPTION_SORTS = ['seq', 'category', 'status', 'investment', 'updatedAt'] as const;
export const optionListQuery = z.object({
  category: queryEnum(OPTION_CATEGORIES),
  status: queryEnum(OPTION_STATUSES),
  sort: sortParam(OPTION_SORTS, 'seq'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_OPTIONS_PER_ROUND).default(100),
});
export type OptionListQuery = z.infer<typeof optionListQuery>;

export const optionSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  seq: z.number().int(),
  category: z.enum(OPTION_CATEGORIES),
  direction: z.enum(OPTION_DIRECTIONS),
  optionName: z.string(),
  description: z.string().nullable(),
  investment: z.number().nullable(),
  status: z.enum(OPTION_STATUSES),
  dropReason: z.string().nullable(),
  feasibility: z.enum(FEASIBILITY_CONCLUSIONS).nullable(),
  feasibilityNote: z.string().nullable(),
  plannedEffectiveOn: z.string().nullable(),
  actualEffectiveOn: z.string().nullable(),
  predictedBenefits: benefitsSchema,
  actualBenefits: benefitsSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoundOption = z.infer<typeof optionSchema>;

export const baselineBody = z
  .object({ energyTce: optionalFigure, electricity10kKwh: optionalFigure, waterTonnes: optionalFigure })
  .strict();
export type BaselineBody = z.infer<typeof baselineBody>;

export const baselineSchema = z.object({
  energyTce: z.number().nullable(),
  electricity10kKwh: z.number().nullable(),
  waterTonnes: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const optionWarningSchema = z.object({
  code: z.enum(OPTION_RULE_CODES),
  optionId: z.uuid().nullable(),
  message: z.string(),
});
export type OptionWarningDto = z.infer<typeof optionWarningSchema>;

const categoryCount = z.object({ total: z.number().int(), implemented: z.number().int(), dropped: z.number().int() });

export const optionListSchema = z.object({
  items: z.array(optionSchema),
  total: z.number().int(),
  /** Over every option of the round (dropped ones excluded), whatever the filter. */
  summary: z.object({
    low_cost: categoryCount,
    high_cost: categoryCount,
    investment: z.number(),
    predicted: benefitsSchema,
    actual: benefitsSchema,
  }),
  warnings: z.array(optionWarningSchema),
  baseline: baselineSchema,
  abilities: z.object({ edit: z.boolean() }),
});
export type OptionList = z.infer<typeof optionListSchema>;

// --- quality rules ---

const L = OPTION_RULE_LIMITS;
const noParams = z.object({}).strict().default({});
export const optionRulesBody = z
  .object({
    lowCostNoBenefit: z.object({ enabled: z.boolean(), params: noParams }).strict(),
    highCostIncomplete: z.object({ enabled: z.boolean(), params: noParams }).strict(),
    implausibleBenefit: z
      .object({
        enabled: z.boolean(),
        params: z.object({ maxShare: z.number().min(L.maxShare.min).max(L.maxShare.max) }).strict(),
      })
      .strict(),
    tooFewOptions: z
      .object({
        enabled: z.boolean(),
        params: z.object({ minOptions: z.number().int().min(L.minOptions.min).max(L.minOptions.max) }).strict(),
      })
      .strict(),
    similarTexts: z
      .object({
        enabled: z.boolean(),
        params: z
          .object({
            threshold: z.number().min(L.threshold.min).max(L.threshold.max),
            shingleSize: z.number().int().min(L.shingleSize.min).max(L.shingleSize.max),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();
export type OptionRulesBody = z.infer<typeof optionRulesBody>;

export const optionRulesSchema = z.object({
  cityCode: z.string(),
  rules: optionRulesBody,
  /** Rules never edited by the city are the defaults (updatedAt null). */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type OptionRulesDto = z.infer<typeof optionRulesSchema>;
