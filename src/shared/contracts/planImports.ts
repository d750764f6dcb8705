import { z } from 'zod';
import { IMPORT_LAYOUTS } from '../domain/excelLayouts';
import { optionalQueryString } from './common';

/** Excel import of plan entries (附件4) or the annual list (附件1): upload → validate → confirm → commit. */

export const PLAN_IMPORT_STATUSES = ['uploaded', 'committed', 'discarded'] as const;
export type PlanImportStatus = (typeof PLAN_IMPORT_STATUSES)[number];

/** Optional upload parameters: the year of a 附件1 list (it has no year column; else read from the title row). */
export const planImportUploadQuery = z.object({
  year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
});
export type PlanImportUploadQuery = z.infer<typeof planImportUploadQuery>;

export const planImportRowErrorSchema = z.object({ field: z.string(), message: z.string() });
export type PlanImportRowError = z.infer<typeof planImportRowErrorSchema>;

export const planImportRowSchema = z.object({
  /** The row number in the sheet (as Excel shows it). */
  rowNumber: z.number().int(),
  /** The cell texts by column key. */
  values: z.record(z.string(), z.string()),
  errors: z.array(planImportRowErrorSchema),
});
export type PlanImportRow = z.infer<typeof planImportRowSchema>;

export const planImportReportSchema = z.object({
  id: z.uuid(),
  layout: z.enum(IMPORT_LAYOUTS),
  status: z.enum(PLAN_IMPORT_STATUSES),
  fileName: z.string(),
  rows: z.array(planImportRowSchema),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  /** Plan entries written by the commit (null until committed). */
  createdCount: z.number().int().nullable(),
  uploadedAt: z.string(),
  committedAt: z.string().nullable(),
});
export type PlanImportReport = z.infer<typeof planImportReportSchema>;

export const planImportCommitBody = z.object({
  /** false: refuse (422) when any row has an error; true: write the valid rows, skip the others. */
  onlyValidRows: z.boolean(),
  /** A 附件1 import by the city may create the entries as approved (核定) instead of proposed. */
  approve: z.boolean().optional(),
});
export type PlanImportCommitBody = z.infer<typeof planImportCommitBody>;

/** Filters of the plan-entry export: those of the list, without paging. */
export const planEntryExportQuery = z.object({
  plannedYear: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
  districtCode: optionalQueryString(12),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['proposed', 'approved', 'rejected'] as const).optional()),
  keyword: optionalQueryString(100),
});
export type PlanEntryExportQuery = z.infer<typeof planEntryExportQuery>;

export const xlsxDownloadSchema = z.unknown().describe('An .xlsx workbook, streamed, with a Content-Disposition file name');
