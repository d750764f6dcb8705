import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { PROGRESS_STAGES } from '../domain/dashboards';
import { LISTING_REASONS } from '../domain/listingReasons';
import { BENEFIT_INDICATORS } from '../domain/options';
import { ROLES } from '../domain/roles';
import { ROUND_STATES, TRANSITION_NAMES } from '../domain/roundStates';
import { isoDateSchema, yearSchema } from './campaigns';
import { optionalPhone, optionalQueryString, optionalText, pageOf, pageQuery, sortParam } from './common';

const nonBlank = (max: number) => z.string().max(max).refine((s) => s.trim() !== '', { message: 'text.blank' });

/** One or more listing reasons (纳入原因), each once. */
export const reasonsSchema = z
  .array(z.enum(LISTING_REASONS))
  .min(1)
  .max(LISTING_REASONS.length)
  .refine((list) => new Set(list).size === list.length, { message: 'reasons.duplicate' });

const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());
const queryEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());
const queryUuid = z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional());

// --- plan entries (附件4) ---

export const PLAN_ENTRY_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type PlanEntryStatus = (typeof PLAN_ENTRY_STATUSES)[number];

export const planEntryInput = z.object({
  enterpriseId: z.uuid(),
  plannedYear: yearSchema,
  reasons: reasonsSchema,
  reasonDetails: optionalText(1000),
  lastAuditOn: isoDateSchema.nullable().optional(),
  contactName: optionalText(50),
  contactPhone: optionalPhone,
  remarks: optionalText(500),
});
export type PlanEntryInput = z.infer<typeof planEntryInput>;

export const planEntryRejectBody = z.object({ reason: nonBlank(500) });
export type PlanEntryRejectBody = z.infer<typeof planEntryRejectBody>;

export const planEntryListQuery = z.object({
  ...pageQuery,
  plannedYear: queryInt(2000, 2100),
  districtCode: optionalQueryString(12),
  status: queryEnum(PLAN_ENTRY_STATUSES),
  keyword: optionalQueryString(100),
  sort: sortParam(['plannedYear', 'enterpriseName', 'districtCode', 'proposedAt'] as const, 'proposedAt'),
});
export type PlanEntryListQuery = z.infer<typeof planEntryListQuery>;

export const planEntrySchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  plannedYear: z.number().int(),
  reasons: z.array(z.enum(LISTING_REASONS)),
  reasonDetails: z.string().nullable(),
  lastAuditOn: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  remarks: z.string().nullable(),
  status: z.enum(PLAN_ENTRY_STATUSES),
  rejectReason: z.string().nullable(),
  roundId: z.uuid().nullable(),
  proposedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;
export const planEntryPageSchema = pageOf(planEntrySchema);
export type PlanEntryPage = z.infer<typeof planEntryPageSchema>;

// --- publication of the annual list (附件1) ---

export const publicationBody = z.object({ publishedOn: isoDateSchema });
export type PublicationBody = z.infer<typeof publicationBody>;

export const publicationSchema = z.object({
  campaignId: z.uuid(),
  year: z.number().int(),
  publishedOn: z.string(),
  roundIds: z.array(z.uuid()),
});
export type Publication = z.infer<typeof publicationSchema>;

// --- rounds ---

export const ROUND_SORTS = ['listingYear', 'enterpriseName', 'districtCode', 'state', 'nextDueOn', 'updatedAt'] as const;

export const roundListQuery = z.object({
  ...pageQuery,
  campaignId: queryUuid,
  listingYear: queryInt(2000, 2100),
  districtCode: optionalQueryString(12),
  state: queryEnum(ROUND_STATES),
  keyword: optionalQueryString(100),
  /** Rounds whose next deadline falls within the next N days (today included). */
  dueWithinDays: queryInt(0, 3660),
  /** 'true': only rounds past their next deadline; 'false': only rounds that are not. */
  overdue: queryEnum(['true', 'false'] as const),
  /** 'true': only rounds in a state where my role acts next (NEXT_ACTOR); 'false': the others. */
  waitingForMe: queryEnum(['true', 'false'] as const),
  // Dashboard drill-down filters (modules/dashboards/predicates.ts holds their SQL).
  /** Rounds in one progress stage (shared/domain/dashboards.ts). */
  progress: queryEnum(PROGRESS_STAGES),
  /** Rounds of enterprises of one GB/T 4754 industry (division) code. */
  industryCode: optionalQueryString(8),
  /** Rounds with an implemented option whose actual benefit took effect in this year ('any': in any year). */
  benefitYear: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.union([z.literal('any'), z.coerce.number().int().min(2000).max(2100)]).optional(),
  ),
  /** With benefitYear (or alone, meaning any year): only that benefit indicator. */
  benefitIndicator: queryEnum(BENEFIT_INDICATORS),
  /** Rounds that were accepted (transition into 'accepted') in this year, China time. */
  acceptedYear: queryInt(2000, 2100),
  sort: sortParam(ROUND_SORTS, 'nextDueOn'),
});
export type RoundListQuery = z.infer<typeof roundListQuery>;

export const nextDeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  due: z.string(),
  /** Whole days from today (China time); negative once overdue. */
  daysLeft: z.number().int(),
});

export const roundSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  campaignId: z.uuid(),
  listingYear: z.number().int(),
  reasons: z.array(z.enum(LISTING_REASONS)),
  reasonDetails: z.string().nullable(),
  /** A voluntary audit (自愿审核), counted apart in the 附件3 table; marked by the bureau. */
  voluntary: z.boolean(),
  state: z.enum(ROUND_STATES),
  listPublishedOn: z.string().nullable(),
  evaluationPassedOn: z.string().nullable(),
  dueDates: z.object({
    disclose: z.string().nullable(),
    start: z.string().nullable(),
    report: z.string().nullable(),
    acceptance: z.string().nullable(),
  }),
  nextDeadline: nextDeadlineSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Round = z.infer<typeof roundSchema>;
export const roundPageSchema = pageOf(roundSchema);
export type RoundPage = z.infer<typeof roundPageSchema>;

export const roundHistorySchema = z.object({
  id: z.string(),
  transition: z.string(),
  fromState: z.enum(ROUND_STATES).nullable(),
  toState: z.enum(ROUND_STATES),
  actorUserId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  comment: z.string().nullable(),
  occurredAt: z.string(),
  /** The files the transition carried (notice documents, evidence). */
  attachments: z.array(z.object({ id: z.uuid(), originalName: z.string(), size: z.number().int() })),
});
export type RoundHistoryEntry = z.infer<typeof roundHistorySchema>;

export const roundDetailSchema = roundSchema.extend({
  history: z.array(roundHistorySchema),
  /** The transitions the caller's role may fire from the current state (guards are checked on firing). */
  abilities: z.object({ transitions: z.array(z.enum(TRANSITION_NAMES)) }),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const transitionParams = z.object({ id: z.uuid(), name: z.enum(TRANSITION_NAMES) });
export type TransitionParams = z.infer<typeof transitionParams>;

export const transitionBody = z.object({
  /** The state the caller saw; a different current state answers 409 ROUND_STATE_CONFLICT. */
  expectedState: z.enum(ROUND_STATES),
  comment: optionalText(2000),
  /** Files uploaded to this round with purpose 'transition' (notice documents, evidence). */
  attachmentIds: z.array(z.uuid()).max(10).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

// --- work views: counts of the rounds in my scope ---

export const roundCountsSchema = z.object({
  total: z.number().int(),
  /** Every state, with 0 for the states no round of my scope is in. */
  byState: z.record(z.enum(ROUND_STATES), z.number().int()),
  /** Rounds past their next deadline. */
  overdue: z.number().int(),
  /** Rounds whose next deadline falls within the next 30 days (today included). */
  dueWithin30Days: z.number().int(),
  /** Rounds in a state where my role acts next (NEXT_ACTOR). */
  waitingForMe: z.number().int(),
});
export type RoundCounts = z.infer<typeof roundCountsSchema>;

export const voluntaryBody = z.object({ voluntary: z.boolean() });
export type VoluntaryBody = z.infer<typeof voluntaryBody>;
