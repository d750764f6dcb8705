import { z } from 'zod';
import { PROGRESS_STAGES } from '../domain/dashboards';
import { BENEFIT_INDICATORS } from '../domain/options';
import { ROLES } from '../domain/roles';
import { ROUND_STATES } from '../domain/roundStates';
import { optionalQueryString } from './common';

const queryYear = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional());

/** GET /api/dashboards/overview: the dashboard of the caller's city or district. */
export const dashboardQuery = z.object({
  /** Listing year of the rounds counted by state, district and progress (and the effective year of the industry figures). */
  year: queryYear,
  /** City users: one district's dashboard; district users: only their own district (another is 404). */
  districtCode: optionalQueryString(12),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number().int().min(0);

export const dashboardDistrictSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  districtNameEn: z.string(),
  /** Rounds of the district (of the selected listing year). */
  total: count,
  overdue: count,
  dueSoon: count,
  /** Rounds per progress stage (every stage present, 0 when none). */
  progress: z.record(z.enum(PROGRESS_STAGES), count),
});
export type DashboardDistrict = z.infer<typeof dashboardDistrictSchema>;

export const dashboardSchema = z.object({
  scope: z.object({
    kind: z.enum(['city', 'district']),
    cityCode: z.string(),
    /** Set for a district user, or a city user looking at one district. */
    districtCode: z.string().nullable(),
  }),
  year: z.number().int().nullable(),
  /** Today in China time: overdue and due soon are counted against it. */
  today: z.string(),
  dueSoonDays: z.number().int(),
  /** Listing years with rounds in scope, newest first (the year picker). */
  years: z.array(z.number().int()),
  totals: z.object({ rounds: count, overdue: count, dueSoon: count, accepted: count }),
  /** Rounds per state (only states with rounds). */
  byState: z.array(z.object({ state: z.enum(ROUND_STATES), count })),
  /** Every district of the scope, in official order, with zeros where there are no rounds. */
  byDistrict: z.array(dashboardDistrictSchema),
  /** The milestones of the selected year's campaign (none without a year or campaign). */
  milestones: z.array(
    z.object({ id: z.uuid(), name: z.string(), dueOn: z.string(), actorRole: z.enum(ROLES), passed: z.boolean() }),
  ),
  /** Per listing year: rounds listed; per China-time year: rounds accepted. All years, oldest first. */
  trend: z.array(z.object({ year: z.number().int(), listed: count, accepted: count })),
  /** Realised benefits per effective year and indicator (all years): sum of actual values and the rounds behind it. */
  benefitsByYear: z.array(
    z.object({ year: z.number().int(), indicator: z.enum(BENEFIT_INDICATORS), total: z.number(), rounds: count }),
  ),
  /** Realised benefits per industry (GB/T 4754 division of the enterprise) and indicator, in the selected year (or all years). */
  benefitsByIndustry: z.array(
    z.object({
      industryCode: z.string(),
      industryName: z.string(),
      industryNameEn: z.string(),
      indicator: z.enum(BENEFIT_INDICATORS),
      total: z.number(),
      rounds: count,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// --- open data (public) ---

export const OPEN_DATASETS = ['lists', 'results'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];
export const OPEN_FORMATS = ['csv', 'json'] as const;
export type OpenFormat = (typeof OPEN_FORMATS)[number];

/** `/api/public/open-data/:dataset/:file` with file = `<year>.csv` or `<year>.json`. */
export const openDataParams = z.object({
  dataset: z.enum(OPEN_DATASETS),
  file: z.string().regex(/^(20\d{2}|2100)\.(csv|json)$/, { message: 'openData.file' }),
});
export type OpenDataParams = z.infer<typeof openDataParams>;
export const openDataFileSchema = z.unknown().describe('CSV (UTF-8 with BOM) or JSON, streamed, with a Content-Disposition file name');

export const openDataCatalogSchema = z.object({
  datasets: z.array(
    z.object({
      dataset: z.enum(OPEN_DATASETS),
      year: z.number().int(),
      rows: count,
      csv: z.string(),
      json: z.string(),
    }),
  ),
  /** The stable column names of each dataset, in file order. */
  columns: z.object({ lists: z.array(z.string()), results: z.array(z.string()) }),
});
export type OpenDataCatalog = z.infer<typeof openDataCatalogSchema>;
