import { z } from 'zod';
import { ROUND_STATES } from '../domain/roundStates';
import { AGENCY_STATUSES } from '../domain/agencies';
import { creditCodeSchema } from './enterprises';
import {
  optionalEmail,
  optionalPhone,
  optionalQueryString,
  optionalText,
  pageOf,
  pageQuery,
  phoneSchema,
  requiredText,
  sortParam,
} from './common';

/** Consulting agencies (咨询服务机构): registry, auditors, rounds served, performance, feedback, status. */

const codeRef = z.string().trim().min(1).max(12);
const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());
const isoDate = z.iso.date();

export const agencyStatusSchema = z.enum(AGENCY_STATUSES);

/** The fields an agency user may change on its own record (besides its auditors). */
export const AGENCY_CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;

const agencyFields = {
  name: requiredText(200),
  creditCode: creditCodeSchema,
  /** Where the agency is registered (optional: agencies may come from outside the city). */
  districtCode: z.preprocess((v) => (v === '' ? null : v), codeRef.nullable().optional()),
  address: requiredText(300),
  legalRepresentative: requiredText(50),
  contactName: requiredText(50),
  contactPhone: phoneSchema,
  contactEmail: optionalEmail,
  serviceDistrictCodes: z
    .array(codeRef)
    .max(60)
    .refine((codes) => new Set(codes).size === codes.length, { message: 'serviceDistrictCodes.duplicate' })
    .default([]),
};

export const agencyInput = z.object(agencyFields);
export type AgencyInput = z.infer<typeof agencyInput>;

/** Any subset of the fields; unknown fields are refused. */
export const agencyPatch = z
  .object({ ...agencyFields, serviceDistrictCodes: agencyFields.serviceDistrictCodes.removeDefault() })
  .partial()
  .strict();
export type AgencyPatch = z.infer<typeof agencyPatch>;

export const AGENCY_SORTS = ['name', 'creditCode', 'status', 'roundsServed', 'averageRating', 'updatedAt'] as const;

export const agencyListQuery = z.object({
  ...pageQuery,
  /** Part of the name, or the start of the credit code. */
  keyword: optionalQueryString(100),
  status: z.preprocess((v) => (v === '' ? undefined : v), agencyStatusSchema.optional()),
  /** Agencies declaring this district among those they serve. */
  districtCode: optionalQueryString(12),
  /** The performance figures of the list count only rounds of this listing year. */
  year: queryInt(2000, 2100),
  sort: sortParam(AGENCY_SORTS, 'name'),
});
export type AgencyListQuery = z.infer<typeof agencyListQuery>;

/** The performance record of an agency (over all its rounds, or one listing year). */
export const agencyMetricsSchema = z.object({
  roundsServed: z.number().int(),
  activeRounds: z.number().int(),
  /** Rounds whose first decided evaluation panel decided while the agency was engaged. */
  firstEvaluations: z.number().int(),
  firstEvaluationsPassed: z.number().int(),
  /** firstEvaluationsPassed / firstEvaluations, 0–1; null without any. */
  firstPassRate: z.number().nullable(),
  evaluationPanels: z.number().int(),
  averageEvaluationScore: z.number().nullable(),
  acceptancePanels: z.number().int(),
  averageAcceptanceScore: z.number().nullable(),
  returnsForCorrection: z.number().int(),
  overdueRounds: z.number().int(),
  /** Spot-check items of those rounds with a finding recorded during the engagement; and those with problems. */
  spotChecked: z.number().int(),
  spotCheckProblems: z.number().int(),
  /** Decided enforcement cases for falsification against client enterprises, opened during the engagement. */
  falsificationPenalties: z.number().int(),
});
export type AgencyMetrics = z.infer<typeof agencyMetricsSchema>;

export const agencySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  serviceDistrictCodes: z.array(z.string()),
  status: agencyStatusSchema,
  statusChangedAt: z.string().nullable(),
  auditorCount: z.number().int(),
  feedbackCount: z.number().int(),
  averageRating: z.number().nullable(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

/** One row of the agency list: the registry fields and the performance figures of the chosen year (or all). */
export const agencyListItemSchema = agencySchema.extend({ metrics: agencyMetricsSchema });
export type AgencyListItem = z.infer<typeof agencyListItemSchema>;
export const agencyPageSchema = pageOf(agencyListItemSchema);
export type AgencyPage = z.infer<typeof agencyPageSchema>;

/** What the caller may do with this agency, decided by the server. */
export const agencyAbilities = z.object({
  update: z.boolean(),
  updateContacts: z.boolean(),
  manageAuditors: z.boolean(),
  changeStatus: z.boolean(),
  giveFeedback: z.boolean(),
});
export const agencyDetailSchema = agencySchema.extend({ abilities: agencyAbilities });
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

// --- auditors ---

export const auditorInput = z.object({
  name: requiredText(50),
  certificateNo: requiredText(60),
  /** GB/T 4754 industry codes. */
  specialities: z
    .array(codeRef)
    .max(20)
    .refine((codes) => new Set(codes).size === codes.length, { message: 'specialities.duplicate' })
    .default([]),
  phone: optionalPhone,
  active: z.boolean().default(true),
});
export type AuditorInput = z.infer<typeof auditorInput>;
export const auditorPatch = z
  .object({ ...auditorInput.shape, specialities: auditorInput.shape.specialities.removeDefault(), active: z.boolean() })
  .partial()
  .strict();
export type AuditorPatch = z.infer<typeof auditorPatch>;

export const auditorSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  certificateNo: z.string(),
  specialities: z.array(z.string()),
  phone: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Auditor = z.infer<typeof auditorSchema>;

export const auditorListQuery = z.object({
  ...pageQuery,
  active: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).optional()),
  keyword: optionalQueryString(100),
});
export type AuditorListQuery = z.infer<typeof auditorListQuery>;
export const auditorPageSchema = pageOf(auditorSchema);
export type AuditorPage = z.infer<typeof auditorPageSchema>;

export const auditorParams = z.object({ id: z.uuid(), auditorId: z.uuid() });

// --- rounds served (engagements) ---

export const AGENCY_ROUND_SORTS = ['engagedAt', 'listingYear', 'enterpriseName', 'state', 'nextDueOn'] as const;

export const agencyRoundsQuery = z.object({
  ...pageQuery,
  year: queryInt(2000, 2100),
  districtCode: optionalQueryString(12),
  /** 'true': only the engagements still active. */
  active: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).optional()),
  sort: z.enum(AGENCY_ROUND_SORTS.flatMap((s) => [s, `-${s}`]) as [string, ...string[]]).default('-engagedAt'),
});
export type AgencyRoundsQuery = z.infer<typeof agencyRoundsQuery>;

export const agencyRoundSchema = z.object({
  roundId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  listingYear: z.number().int(),
  districtCode: z.string(),
  districtName: z.string(),
  state: z.enum(ROUND_STATES),
  engagedAt: z.string(),
  endedAt: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
  evaluationPassedOn: z.string().nullable(),
  /** The district's rating of this round's service, if given. */
  rating: z.number().int().nullable(),
  /** The caller may open the round (it is in the caller's round scope). */
  canOpen: z.boolean(),
  /** The caller (a district) may rate the agency's service on this round. */
  canRate: z.boolean(),
});
export type AgencyRound = z.infer<typeof agencyRoundSchema>;
export const agencyRoundPageSchema = pageOf(agencyRoundSchema);
export type AgencyRoundPage = z.infer<typeof agencyRoundPageSchema>;

// --- performance ---

export const agencyPerformanceQuery = z.object({ year: queryInt(2000, 2100) });
export type AgencyPerformanceQuery = z.infer<typeof agencyPerformanceQuery>;

export const agencyPerformanceSchema = z.object({
  agencyId: z.uuid(),
  /** The figures over the whole record (or of the requested year). */
  total: agencyMetricsSchema,
  /** One row per listing year of the agency's rounds, newest first. */
  years: z.array(agencyMetricsSchema.extend({ year: z.number().int() })),
  /** The date "overdue" was computed for (China time). */
  asOf: z.string(),
});
export type AgencyPerformance = z.infer<typeof agencyPerformanceSchema>;

// --- feedback ---

export const feedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: optionalText(1000),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedbackParams = z.object({ id: z.uuid(), roundId: z.uuid() });

export const feedbackSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  enterpriseName: z.string(),
  listingYear: z.number().int(),
  districtCode: z.string(),
  districtName: z.string(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** The caller may edit it (the round's district). */
  editable: z.boolean(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const feedbackListSchema = z.object({
  items: z.array(feedbackSchema),
  total: z.number().int(),
  averageRating: z.number().nullable(),
});
export type FeedbackList = z.infer<typeof feedbackListSchema>;
export const feedbackQuery = z.object({ ...pageQuery });
export type FeedbackQuery = z.infer<typeof feedbackQuery>;

// --- status ---

export const statusChangeInput = z.object({
  status: agencyStatusSchema,
  reason: requiredText(1000),
  decisionNo: requiredText(100),
  decidedOn: isoDate,
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export const statusChangeSchema = z.object({
  id: z.uuid(),
  fromStatus: agencyStatusSchema,
  toStatus: agencyStatusSchema,
  reason: z.string(),
  decisionNo: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;
export const statusHistorySchema = z.object({ items: z.array(statusChangeSchema) });
export type StatusHistory = z.infer<typeof statusHistorySchema>;

// --- public dishonesty list ---

export const publicDishonestQuery = z.object({ ...pageQuery, keyword: optionalQueryString(100) });
export type PublicDishonestQuery = z.infer<typeof publicDishonestQuery>;

/** One agency of the dishonesty list (失信名单) on the public portal: nothing else about it. */
export const publicDishonestItemSchema = z.object({
  name: z.string(),
  creditCode: z.string().nullable(),
  reason: z.string(),
  decisionNo: z.string(),
  decidedOn: z.string(),
});
export type PublicDishonestItem = z.infer<typeof publicDishonestItemSchema>;
export const publicDishonestPageSchema = pageOf(publicDishonestItemSchema);
export type PublicDishonestPage = z.infer<typeof publicDishonestPageSchema>;
