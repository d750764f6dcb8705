import { z } from 'zod';
import { EXCLUSION_REASONS, EXPERTISE_KINDS } from '../domain/recusal';
import { isoDateSchema } from './campaigns';
import { optionalEmail, optionalPhone, optionalQueryString, optionalText, pageOf, pageQuery, requiredText, sortParam } from './common';
import { scoreSheetKindSchema } from './reviews';

/** Expert library (专家库), panel draws (专家随机抽取) and the expert record. */

export const EXPERT_STATUSES = ['active', 'inactive'] as const;
export const expertStatusSchema = z.enum(EXPERT_STATUSES);
export const expertiseKindSchema = z.enum(EXPERTISE_KINDS);
const industryCode = z.string().trim().regex(/^(?:[A-T]|\d{2})$/, { message: 'industry.code' });

export const expertProfileInput = z.object({
  name: requiredText(100),
  title: optionalText(100),
  employer: optionalText(200),
  industries: z.array(industryCode).max(20).default([]),
  expertise: z.array(expertiseKindSchema).max(3).default([]),
  districtCode: optionalText(12),
  phone: optionalPhone,
  email: optionalEmail,
});
export type ExpertProfileInput = z.infer<typeof expertProfileInput>;

/** The city creates or edits a profile; `username` links an expert sign-in account (null: none). */
export const expertInput = expertProfileInput.extend({
  username: optionalText(64),
  status: expertStatusSchema.default('active'),
});
export type ExpertInput = z.infer<typeof expertInput>;

export const availabilityPeriodInput = z.object({ fromOn: isoDateSchema, toOn: isoDateSchema, note: optionalText(200) });
export const availabilityInput = z.object({ periods: z.array(availabilityPeriodInput).max(50) });
export type AvailabilityInput = z.infer<typeof availabilityInput>;

export const EXPERT_TIE_KINDS = ['employer', 'agency', 'enterprise'] as const;
export const tieInput = z.object({
  kind: z.enum(EXPERT_TIE_KINDS),
  organizationId: z.uuid().nullable().optional(),
  employerName: optionalText(200),
  note: optionalText(200),
});
export const tiesInput = z.object({ ties: z.array(tieInput).max(50) });
export type TiesInput = z.infer<typeof tiesInput>;

export const expertListQuery = z.object({
  ...pageQuery,
  q: optionalQueryString(100),
  status: z.preprocess((v) => (v === '' ? undefined : v), expertStatusSchema.optional()),
  industry: optionalQueryString(5),
  expertise: z.preprocess((v) => (v === '' ? undefined : v), expertiseKindSchema.optional()),
  districtCode: optionalQueryString(12),
  sort: sortParam(['name', 'status', 'updatedAt'], 'name'),
});
export type ExpertListQuery = z.infer<typeof expertListQuery>;

export const expertSchema = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  employer: z.string().nullable(),
  industries: z.array(z.string()),
  expertise: z.array(expertiseKindSchema),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: expertStatusSchema,
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof expertSchema>;
export const expertPageSchema = pageOf(expertSchema);
export type ExpertPage = z.infer<typeof expertPageSchema>;

export const availabilityPeriodSchema = z.object({ id: z.uuid(), fromOn: z.string(), toOn: z.string(), note: z.string().nullable() });
export const tieSchema = z.object({
  id: z.uuid(),
  kind: z.enum(EXPERT_TIE_KINDS),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  employerName: z.string().nullable(),
  note: z.string().nullable(),
});
export const expertDetailSchema = expertSchema.extend({
  availability: z.array(availabilityPeriodSchema),
  ties: z.array(tieSchema),
});
export type ExpertDetail = z.infer<typeof expertDetailSchema>;

/** Organisations an expert can declare a tie to (agencies and enterprises of the city), searched by name. */
export const tieOptionsQuery = z.object({ kind: z.enum(['agency', 'enterprise']), q: optionalQueryString(100) });
export const tieOptionSchema = z.object({ id: z.uuid(), name: z.string() });

export const drawSettingsSchema = z.object({
  agencyLookbackMonths: z.number().int().min(0).max(120),
  maxOpenPanels: z.number().int().min(1).max(50),
});
export type DrawSettingsInput = z.infer<typeof drawSettingsSchema>;

/** Draws. */
export const drawInput = z.object({
  size: z.number().int().min(1).max(15),
  industries: z.array(industryCode).max(10).default([]),
  expertise: z.array(expertiseKindSchema).max(3).default([]),
  /** The review meeting date (availability is checked on it; it becomes the panel's meeting date). Default: today. */
  meetingOn: isoDateSchema.nullable().optional(),
});
export type DrawInput = z.infer<typeof drawInput>;

export const replacementDrawInput = z.object({ outgoingUserId: z.uuid() });
export type ReplacementDrawInput = z.infer<typeof replacementDrawInput>;

export const exclusionReasonSchema = z.enum(EXCLUSION_REASONS);
export const drawCandidateSchema = z.object({ id: z.uuid(), expertId: z.uuid(), name: z.string(), employer: z.string().nullable() });
export const drawExclusionSchema = drawCandidateSchema.extend({ reasons: z.array(exclusionReasonSchema) });

export const panelDrawSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  panelId: z.uuid().nullable(),
  kind: scoreSheetKindSchema,
  purpose: z.enum(['initial', 'replacement']),
  replacedUserId: z.uuid().nullable(),
  replacedName: z.string().nullable(),
  size: z.number().int(),
  requiredIndustries: z.array(z.string()),
  requiredExpertise: z.array(z.string()),
  reviewOn: z.string(),
  criteria: z.object({ agencyLookbackMonths: z.number().int(), maxOpenPanels: z.number().int(), agencyName: z.string().nullable() }),
  candidates: z.array(drawCandidateSchema),
  exclusions: z.array(drawExclusionSchema),
  seedHash: z.string().nullable(),
  seed: z.string().nullable(),
  drawnIds: z.array(z.uuid()),
  drawn: z.array(z.object({ id: z.uuid(), name: z.string() })),
  manual: z.boolean(),
  manualReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  executedAt: z.string().nullable(),
});
export type PanelDraw = z.infer<typeof panelDrawSchema>;

export const roundDrawsSchema = z.object({ items: z.array(panelDrawSchema) });
export type RoundDraws = z.infer<typeof roundDrawsSchema>;

export const drawVerificationSchema = z.object({
  drawId: z.uuid(),
  manual: z.boolean(),
  seedMatches: z.boolean(),
  resultMatches: z.boolean(),
  recomputed: z.array(z.string()),
  /** Both checks hold (a manual choice has nothing to verify: false). */
  verified: z.boolean(),
});
export type DrawVerification = z.infer<typeof drawVerificationSchema>;

/** The expert record (city). */
export const expertRecordSchema = z.object({
  expert: expertSchema,
  reviews: z.array(
    z.object({
      panelId: z.uuid(),
      roundId: z.uuid(),
      enterpriseName: z.string(),
      kind: scoreSheetKindSchema,
      formedAt: z.string(),
      decidedAt: z.string().nullable(),
      grade: z.string().nullable(),
      status: z.enum(['active', 'declined', 'replaced']),
    }),
  ),
  recusals: z.array(
    z.object({ drawId: z.uuid(), roundId: z.uuid(), enterpriseName: z.string(), createdAt: z.string(), reasons: z.array(exclusionReasonSchema) }),
  ),
  declines: z.array(
    z.object({
      panelId: z.uuid(),
      roundId: z.uuid(),
      enterpriseName: z.string(),
      conflictNote: z.string().nullable(),
      replacedAt: z.string().nullable(),
      replacementDrawId: z.uuid().nullable(),
    }),
  ),
  ratings: z.object({ average: z.number().nullable(), count: z.number().int() }),
});
export type ExpertRecord = z.infer<typeof expertRecordSchema>;

/** Excel import of the library. */
export const EXPERT_IMPORT_COLUMNS = [
  { key: 'name', label: '姓名', width: 12 },
  { key: 'username', label: '登录账号', width: 14 },
  { key: 'title', label: '职称', width: 14 },
  { key: 'employer', label: '工作单位', width: 28 },
  { key: 'industries', label: '行业专长（GB/T 4754 代码，逗号分隔）', width: 24 },
  { key: 'expertise', label: '专业类别（审核/行业/监测）', width: 20 },
  { key: 'district', label: '所在区县', width: 12 },
  { key: 'phone', label: '电话', width: 16 },
  { key: 'email', label: '电子邮箱', width: 22 },
] as const;
export type ExpertImportColumn = (typeof EXPERT_IMPORT_COLUMNS)[number]['key'];

export const EXPERT_IMPORT_PROBLEMS = [
  'required',
  'tooLong',
  'industryUnknown',
  'expertiseUnknown',
  'districtUnknown',
  'phoneInvalid',
  'emailInvalid',
  'usernameUnknown',
  'usernameTaken',
  'duplicateInFile',
] as const;
export type ExpertImportProblem = (typeof EXPERT_IMPORT_PROBLEMS)[number];

export const expertImportRowSchema = z.object({
  rowNumber: z.number().int(),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ field: z.string(), problem: z.enum(EXPERT_IMPORT_PROBLEMS), message: z.string() })),
});
export const expertImportReportSchema = z.object({
  id: z.uuid(),
  status: z.enum(['uploaded', 'committed', 'discarded']),
  rows: z.array(expertImportRowSchema),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  createdCount: z.number().int().nullable(),
});
export type ExpertImportReport = z.infer<typeof expertImportReportSchema>;
export const expertImportCommitBody = z.object({ onlyValidRows: z.boolean() });
