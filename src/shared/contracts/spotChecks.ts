import { z } from 'zod';
import { SPOT_CHECK_CATEGORIES, SPOT_CHECK_RESULTS, SPOT_CHECK_STATUSES } from '../domain/spotChecks';
import { isoDateSchema } from './campaigns';
import { optionalQueryString, optionalText, pageOf, pageQuery, requiredText } from './common';

export const spotCheckStatusSchema = z.enum(SPOT_CHECK_STATUSES);
export const spotCheckResultSchema = z.enum(SPOT_CHECK_RESULTS);
export const spotCheckCategorySchema = z.enum(SPOT_CHECK_CATEGORIES);

const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const spotCheckListQuery = z.object({
  year: z.preprocess((v) => (v === '' ? undefined : v), yearSchema.optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), spotCheckStatusSchema.optional()),
  ...pageQuery,
});
export type SpotCheckListQuery = z.infer<typeof spotCheckListQuery>;

export const populationQuery = z.object({ year: yearSchema });
export type PopulationQuery = z.infer<typeof populationQuery>;

/** The rounds accepted in a year, per district: the population a spot check samples from. */
export const populationSchema = z.object({
  year: z.number().int(),
  total: z.number().int(),
  districts: z.array(z.object({ districtCode: z.string(), districtName: z.string(), count: z.number().int() })),
});
export type Population = z.infer<typeof populationSchema>;

/** Exactly one of sampleRatio (0–1] and sampleCount (≥ 1). */
export const spotCheckInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: requiredText(200),
    sampleRatio: z.number().gt(0).max(1).nullable().optional(),
    sampleCount: z.number().int().min(1).max(10_000).nullable().optional(),
    stratified: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const hasRatio = v.sampleRatio !== null && v.sampleRatio !== undefined;
    const hasCount = v.sampleCount !== null && v.sampleCount !== undefined;
    if (hasRatio === hasCount) ctx.addIssue({ code: 'custom', path: ['sampleCount'], message: 'spotCheck.sampleSize' });
  });
export type SpotCheckInput = z.infer<typeof spotCheckInput>;

export const spotCheckParams = z.object({ id: z.uuid() });
export const spotCheckItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const checkersInput = z.object({
  checkerUserIds: z
    .array(z.uuid())
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'checkers.duplicate' }),
  /** External experts or other people named by the city. */
  checkerNames: z.array(requiredText(100)).max(10),
});
export type CheckersInput = z.infer<typeof checkersInput>;

export const findingInput = z.object({
  result: z.enum(['conforming', 'problems']),
  categories: z
    .array(spotCheckCategorySchema)
    .max(SPOT_CHECK_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, { message: 'categories.duplicate' }),
  description: optionalText(4000),
  checkedOn: isoDateSchema,
});
export type FindingInput = z.infer<typeof findingInput>;

/** Opens an enforcement case (status open) against the enterprise of a problem finding. */
export const openCaseInput = z.object({
  violationType: z.enum(['falsified', 'not_reported_truthfully', 'other']),
  openedOn: isoDateSchema,
});
export type OpenCaseInput = z.infer<typeof openCaseInput>;

export const publishInput = z.object({
  noticeNo: requiredText(100),
  summary: optionalText(4000),
});
export type PublishInput = z.infer<typeof publishInput>;

export const spotCheckSummarySchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: spotCheckStatusSchema,
  sampleRatio: z.number().nullable(),
  sampleCount: z.number().int().nullable(),
  stratified: z.boolean(),
  populationSize: z.number().int(),
  itemCount: z.number().int(),
  pendingCount: z.number().int(),
  problemCount: z.number().int(),
  noticeNo: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SpotCheckSummary = z.infer<typeof spotCheckSummarySchema>;
export const spotCheckPageSchema = pageOf(spotCheckSummarySchema);
export type SpotCheckPage = z.infer<typeof spotCheckPageSchema>;

export const checkerSchema = z.object({ id: z.uuid(), displayName: z.string(), orgName: z.string() });
export type Checker = z.infer<typeof checkerSchema>;

export const spotCheckItemSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  drawOrder: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  listingYear: z.number().int(),
  agencyName: z.string().nullable(),
  checkers: z.array(checkerSchema),
  checkerNames: z.array(z.string()),
  result: spotCheckResultSchema,
  categories: z.array(spotCheckCategorySchema),
  description: z.string().nullable(),
  checkedOn: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
  /** The enforcement case opened from this finding, if any. */
  enforcementCaseId: z.uuid().nullable(),
  abilities: z.object({ assign: z.boolean(), record: z.boolean(), openCase: z.boolean() }),
});
export type SpotCheckItem = z.infer<typeof spotCheckItemSchema>;

export const districtTallySchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  population: z.number().int(),
  sampled: z.number().int(),
  conforming: z.number().int(),
  problems: z.number().int(),
  pending: z.number().int(),
});
export type DistrictTally = z.infer<typeof districtTallySchema>;

export const spotCheckDetailSchema = spotCheckSummarySchema.extend({
  seedHash: z.string(),
  /** Revealed by the draw; null before. */
  seed: z.string().nullable(),
  /** Stratum → number of candidates. */
  candidateCounts: z.record(z.string(), z.number().int()),
  /** Stratum → number drawn (null before the draw). */
  allocation: z.record(z.string(), z.number().int()).nullable(),
  summary: z.string().nullable(),
  drawnAt: z.string().nullable(),
  districts: z.array(districtTallySchema),
  categoryCounts: z.record(spotCheckCategorySchema, z.number().int()),
  items: z.array(spotCheckItemSchema),
  abilities: z.object({ draw: z.boolean(), assign: z.boolean(), publish: z.boolean(), record: z.boolean() }),
});
export type SpotCheckDetail = z.infer<typeof spotCheckDetailSchema>;

export const openCaseResultSchema = z.object({ caseId: z.uuid(), detail: spotCheckDetailSchema });
export type OpenCaseResult = z.infer<typeof openCaseResultSchema>;

export const verificationSchema = z.object({
  seedMatches: z.boolean(),
  allocationMatches: z.boolean(),
  resultMatches: z.boolean(),
  strata: z.array(
    z.object({ stratum: z.string(), allocated: z.number().int(), recorded: z.array(z.string()), recomputed: z.array(z.string()), matches: z.boolean() }),
  ),
});
export type Verification = z.infer<typeof verificationSchema>;

export const checkerCandidatesQuery = z.object({ districtCode: optionalQueryString(12) });
export const checkerCandidatesSchema = z.array(checkerSchema);

// --- public portal ---

export const publicSpotCheckSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  noticeNo: z.string(),
  publishedAt: z.string(),
  sampled: z.number().int(),
  conforming: z.number().int(),
  problems: z.number().int(),
});
export type PublicSpotCheck = z.infer<typeof publicSpotCheckSchema>;
export const publicSpotCheckPageSchema = pageOf(publicSpotCheckSchema);
export type PublicSpotCheckPage = z.infer<typeof publicSpotCheckPageSchema>;
export const publicSpotCheckQuery = z.object({ ...pageQuery });

export const publicSpotCheckDetailSchema = publicSpotCheckSchema.extend({
  summary: z.string().nullable(),
  districts: z.array(districtTallySchema.omit({ pending: true })),
  categoryCounts: z.record(spotCheckCategorySchema, z.number().int()),
  problemRounds: z.array(
    z.object({
      enterpriseName: z.string(),
      districtName: z.string(),
      listingYear: z.number().int(),
      categories: z.array(spotCheckCategorySchema),
      description: z.string().nullable(),
    }),
  ),
});
export type PublicSpotCheckDetail = z.infer<typeof publicSpotCheckDetailSchema>;
