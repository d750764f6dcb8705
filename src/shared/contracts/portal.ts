import { z } from 'zod';
import { LISTING_REASONS } from '../domain/listingReasons';
import { optionalQueryString, pageOf, pageQuery } from './common';

/** Public portal (no sign-in): only published data, never contacts or user names. */

const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());
const queryUuid = z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional());

export const publicListQuery = z.object({
  ...pageQuery,
  year: queryInt(2000, 2100),
  districtCode: optionalQueryString(12),
  /** Part of the enterprise name, or the start of its credit code. */
  keyword: optionalQueryString(100),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

/** One row of an annual list (附件1 columns). */
export const publicListItemSchema = z.object({
  roundId: z.uuid(),
  listingYear: z.number().int(),
  listPublishedOn: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  districtNameEn: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  industryNameEn: z.string(),
  reasons: z.array(z.enum(LISTING_REASONS)),
  reasonDetails: z.string().nullable(),
});
export type PublicListItem = z.infer<typeof publicListItemSchema>;
export const publicListPageSchema = pageOf(publicListItemSchema);
export type PublicListPage = z.infer<typeof publicListPageSchema>;

export const publicResultQuery = publicListQuery.extend({ batchId: queryUuid });
export type PublicResultQuery = z.infer<typeof publicResultQuery>;

/** One published acceptance result. */
export const publicResultItemSchema = z.object({
  roundId: z.uuid(),
  listingYear: z.number().int(),
  districtCode: z.string(),
  districtName: z.string(),
  districtNameEn: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  evaluationPassedOn: z.string().nullable(),
  reviewOpinionNo: z.string().nullable(),
  batchId: z.uuid(),
  batchTitle: z.string(),
  batchPublishedOn: z.string(),
});
export type PublicResultItem = z.infer<typeof publicResultItemSchema>;
export const publicResultPageSchema = pageOf(publicResultItemSchema);
export type PublicResultPage = z.infer<typeof publicResultPageSchema>;

export const publicBatchQuery = z.object({ ...pageQuery, year: queryInt(2000, 2100) });
export type PublicBatchQuery = z.infer<typeof publicBatchQuery>;

export const publicBatchSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  publishedOn: z.string(),
  roundCount: z.number().int(),
});
export type PublicBatch = z.infer<typeof publicBatchSchema>;
export const publicBatchPageSchema = pageOf(publicBatchSchema);
export type PublicBatchPage = z.infer<typeof publicBatchPageSchema>;

export const publicFiltersSchema = z.object({
  /** Listing years with a published list, newest first. */
  years: z.array(z.number().int()),
  /** Districts with at least one published round. */
  districts: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
});
export type PublicFilters = z.infer<typeof publicFiltersSchema>;

export const publicRoundSchema = z.object({
  id: z.uuid(),
  listingYear: z.number().int(),
  listPublishedOn: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  districtNameEn: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  industryName: z.string(),
  industryNameEn: z.string(),
  reasons: z.array(z.enum(LISTING_REASONS)),
  reasonDetails: z.string().nullable(),
  /** Once the enterprise published it; attachments are not public. */
  disclosure: z
    .object({
      items: z.record(z.string(), z.string()),
      platformName: z.string().nullable(),
      platformUrl: z.string().nullable(),
      publishedAt: z.string(),
    })
    .nullable(),
  /** Once the round passed evaluation. */
  evaluation: z.object({ passedOn: z.string(), opinionNo: z.string().nullable(), issuedOn: z.string().nullable() }).nullable(),
  /** Once the acceptance result was published in a batch. */
  acceptance: z.object({ batchId: z.uuid(), batchTitle: z.string(), publishedOn: z.string() }).nullable(),
});
export type PublicRound = z.infer<typeof publicRoundSchema>;
