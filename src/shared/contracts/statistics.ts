import { z } from 'zod';
import { SUBMISSION_STATES, SUMMARY_COLUMN_KEYS } from '../domain/summaryColumns';
import { optionalText, pageOf, pageQuery, requiredText } from './common';

/** Statistics: the 附件3 annual summary table, its drill-down, the districts' submissions and the exports. */

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const districtCodeSchema = z.string().trim().regex(/^\d{6}$/, { message: 'districtCode.invalid' });

export const summaryQuery = z.object({ year: yearSchema, districtCode: districtCodeSchema.optional() });
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const summaryValuesSchema = z.record(z.string(), z.number());

export const summaryRowSchema = z.object({
  /** null: the city total. */
  districtCode: z.string().nullable(),
  districtName: z.string(),
  values: summaryValuesSchema,
  /** The district's submission state for the year (null: nothing saved yet; always null on the total). */
  submissionState: z.enum(SUBMISSION_STATES).nullable(),
});
export type SummaryRowDto = z.infer<typeof summaryRowSchema>;

export const summarySchema = z.object({
  year: z.number().int(),
  cityCode: z.string(),
  catalogueVersion: z.number().int(),
  rows: z.array(summaryRowSchema),
  /** The city total; null for a district user (they see only their own row). */
  total: summaryRowSchema.nullable(),
  abilities: z.object({ submit: z.boolean(), review: z.boolean(), export: z.boolean() }),
});
export type SummaryDto = z.infer<typeof summarySchema>;

export const drillQuery = z.object({
  year: yearSchema,
  /** Omitted: the city total (city users only). */
  district: districtCodeSchema.optional(),
  column: z.enum(SUMMARY_COLUMN_KEYS),
  ...pageQuery,
});
export type DrillQuery = z.infer<typeof drillQuery>;

export const drillItemSchema = z.object({
  roundId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  listingYear: z.number().int(),
  state: z.string(),
  optionId: z.string().nullable(),
  optionSeq: z.number().int().nullable(),
  optionName: z.string().nullable(),
  optionCategory: z.string().nullable(),
  actualEffectiveOn: z.string().nullable(),
  value: z.number(),
});
export type DrillItem = z.infer<typeof drillItemSchema>;

export const drillPageSchema = pageOf(drillItemSchema).extend({
  column: z.string(),
  source: z.enum(['round', 'option']),
  /** The figure: the sum of every matching row's value (equals the cell of the table). */
  sum: z.number(),
});
export type DrillPage = z.infer<typeof drillPageSchema>;

export const yearQuery = z.object({ year: yearSchema });
export const submissionQuery = z.object({ year: yearSchema, district: districtCodeSchema.optional() });
export type SubmissionQuery = z.infer<typeof submissionQuery>;

export const narrativeBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    mainPractices: optionalText(5000),
    problems: optionalText(5000),
    nextSteps: optionalText(5000),
  })
  .strict();
export type NarrativeBody = z.infer<typeof narrativeBody>;

export const submitBody = z.object({ year: z.number().int().min(2000).max(2100) }).strict();
export type SubmitBody = z.infer<typeof submitBody>;

export const reviewBody = z.object({ comment: optionalText(2000) }).strict();
export type ReviewBody = z.infer<typeof reviewBody>;
export const returnBody = z.object({ comment: requiredText(2000) }).strict();
export type ReturnBody = z.infer<typeof returnBody>;

export const snapshotSchema = z.object({
  catalogueVersion: z.number().int(),
  computedAt: z.string(),
  values: summaryValuesSchema,
});
export type SummarySnapshot = z.infer<typeof snapshotSchema>;

export const submissionHistorySchema = z.object({
  action: z.enum(['submit', 'resubmit', 'accept', 'return']),
  fromState: z.string(),
  toState: z.string(),
  comment: z.string().nullable(),
  actorUsername: z.string().nullable(),
  occurredAt: z.string(),
});

export const submissionSchema = z.object({
  id: z.string().nullable(),
  year: z.number().int(),
  districtCode: z.string(),
  districtName: z.string(),
  /** null: the district has not saved anything yet. */
  state: z.enum(SUBMISSION_STATES).nullable(),
  mainPractices: z.string().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  snapshot: snapshotSchema.nullable(),
  live: summaryValuesSchema,
  /** live − snapshot per column (null when nothing was submitted). */
  diff: summaryValuesSchema.nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  history: z.array(submissionHistorySchema),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type SubmissionDto = z.infer<typeof submissionSchema>;

export const submissionStatusSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  id: z.string().nullable(),
  state: z.enum(SUBMISSION_STATES).nullable(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Not submitted by the milestone's date, which has passed (or first submitted after it: late). */
  overdue: z.boolean(),
  late: z.boolean(),
});
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const submissionOverviewSchema = z.object({
  year: z.number().int(),
  milestone: z.object({ name: z.string(), dueOn: z.string() }).nullable(),
  items: z.array(submissionStatusSchema),
  counts: z.object({ submitted: z.number().int(), accepted: z.number().int(), overdue: z.number().int(), total: z.number().int() }),
});
export type SubmissionOverview = z.infer<typeof submissionOverviewSchema>;

