import { z } from 'zod';
import { LISTING_REASONS } from '../domain/listingReasons';
import { SUGGESTION_RULES } from '../domain/planSuggestions';
import { ROUND_STATES } from '../domain/roundStates';
import { yearSchema } from './campaigns';
import { optionalQueryString, optionalText, pageOf, pageQuery, requiredText } from './common';

/** 附件4 plan-list suggestions (GET /api/plan-suggestions?year=…). */
export const planSuggestionQuery = z.object({
  ...pageQuery,
  year: z.coerce.number().int().min(2000).max(2100),
  districtCode: optionalQueryString(12),
  rule: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SUGGESTION_RULES).optional()),
});
export type PlanSuggestionQuery = z.infer<typeof planSuggestionQuery>;

export const planSuggestionSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  industryName: z.string().nullable(),
  keyIndustryName: z.string().nullable(),
  plannedYear: z.number().int(),
  rules: z.array(z.enum(SUGGESTION_RULES)),
  /** The listing reasons the accepted plan entry starts with. */
  reasons: z.array(z.enum(LISTING_REASONS)),
  /** The 具体原因说明 text, in the caller's language. */
  detail: z.string(),
  lastAcceptedOn: z.string().nullable(),
  lastPenaltyOn: z.string().nullable(),
  lastExceedYear: z.number().int().nullable(),
  latestRoundId: z.uuid().nullable(),
  latestRoundYear: z.number().int().nullable(),
  latestRoundState: z.enum(ROUND_STATES).nullable(),
});
export type PlanSuggestion = z.infer<typeof planSuggestionSchema>;
export const planSuggestionPageSchema = pageOf(planSuggestionSchema);
export type PlanSuggestionPage = z.infer<typeof planSuggestionPageSchema>;

export const planSuggestionParams = z.object({ enterpriseId: z.uuid() });

export const planSuggestionAcceptBody = z
  .object({ year: yearSchema, remarks: optionalText(500) })
  .strict();
export type PlanSuggestionAcceptBody = z.infer<typeof planSuggestionAcceptBody>;

export const planSuggestionDismissBody = z.object({ year: yearSchema, reason: requiredText(1000) }).strict();
export type PlanSuggestionDismissBody = z.infer<typeof planSuggestionDismissBody>;
