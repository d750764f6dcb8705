import { z } from 'zod';
import { OPTION_RULE_CODES } from '../domain/options';
import { requiredText } from './common';

export const textSegmentSchema = z.object({ text: z.string(), common: z.boolean() });

/** One near-duplicate: a text of this round and a text of another round of the city. */
export const similarPairSchema = z.object({
  kind: z.enum(['option', 'report_summary']),
  sourceId: z.uuid(),
  /** "3|option name" of an option; empty for a report summary. */
  label: z.string(),
  otherLabel: z.string(),
  score: z.number(),
  other: z.object({
    /** Null when the caller cannot open the other round (the name and year are still shown). */
    roundId: z.uuid().nullable(),
    enterpriseName: z.string(),
    listingYear: z.number().int(),
    districtName: z.string(),
    agencyName: z.string().nullable(),
  }),
  sameAgency: z.boolean(),
  sameEnterprise: z.boolean(),
  segments: z.array(textSegmentSchema),
  otherSegments: z.array(textSegmentSchema),
});
export type SimilarPair = z.infer<typeof similarPairSchema>;

export const similarTextsSchema = z.object({
  threshold: z.number(),
  agencyName: z.string().nullable(),
  reportSummary: z.string().nullable(),
  pairs: z.array(similarPairSchema),
  abilities: z.object({ editSummary: z.boolean() }),
});
export type SimilarTexts = z.infer<typeof similarTextsSchema>;

export const reportSummaryInput = z.object({ summary: requiredText(4000) });
export type ReportSummaryInput = z.infer<typeof reportSummaryInput>;
export const reportSummarySchema = z.object({
  summary: z.string().nullable(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const agencyParams = z.object({ id: z.uuid() });

/** Quality figures of an agency's audits in the caller's scope. */
export const agencyQualitySchema = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  roundCount: z.number().int(),
  optionCount: z.number().int(),
  roundsWithWarnings: z.number().int(),
  warnings: z.record(z.enum(OPTION_RULE_CODES), z.number().int()),
  similarPairs: z.number().int(),
  sameAgencyPairs: z.number().int(),
  threshold: z.number(),
});
export type AgencyQuality = z.infer<typeof agencyQualitySchema>;
