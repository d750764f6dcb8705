import { z } from 'zod';
import { MATERIALS_LEAD_DAYS_LIMITS, MATERIALS_STATUSES, RATING_MAX, RATING_MIN } from '../domain/expertWork';
import { optionalText, pageOf, pageQuery } from './common';
import { gradeSchema, myReviewSchema, myReviewsQuery, scoreSheetKindSchema } from './reviews';

/** Expert work around a review panel: assignments with deadlines, pre-reviews, signatures, district ratings. */

export const materialItemSchema = z.object({
  item: z.enum(['report', 'evaluation_evidence', 'capacity_proof', 'acceptance_report', 'monitoring_before', 'monitoring_after']),
  /** When the first file of the item arrived (null: none yet). */
  availableAt: z.string().nullable(),
});

/** The round's material the panel needs, and whether it was available by the materials deadline. */
export const panelMaterialsSchema = z.object({
  items: z.array(materialItemSchema),
  /** When the last required item arrived (null while one is missing). */
  availableAt: z.string().nullable(),
  status: z.enum(MATERIALS_STATUSES),
});
export type PanelMaterials = z.infer<typeof panelMaterialsSchema>;

const meetingFields = {
  meetingOn: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  /** The meeting date minus the city's working days (default 3); null without a meeting. */
  materialsDue: z.string().nullable(),
};

export const PRE_REVIEW_STATUSES = ['none', 'draft', 'submitted'] as const;
export const preReviewStatusSchema = z.enum(PRE_REVIEW_STATUSES);

export const assignmentSchema = myReviewSchema.extend({
  ...meetingFields,
  materials: panelMaterialsSchema,
  preReview: preReviewStatusSchema,
  signedAt: z.string().nullable(),
  /** Open work (pre-review or scores) once the meeting day passed / within 3 days before it. */
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentPageSchema = pageOf(assignmentSchema);
export type AssignmentPage = z.infer<typeof assignmentPageSchema>;
export const assignmentsQuery = myReviewsQuery;

// --- pre-review (预审意见表) ---

const longText = optionalText(4000);
export const preReviewInput = z.object({
  overallImpression: longText,
  mainProblems: longText,
  questions: longText,
  suggestedRevisions: longText,
  preliminaryConclusion: gradeSchema.nullable().optional(),
  submit: z.boolean().default(false),
});
export type PreReviewInput = z.infer<typeof preReviewInput>;

export const preReviewSchema = z.object({
  expertUserId: z.uuid(),
  expertName: z.string(),
  overallImpression: z.string().nullable(),
  mainProblems: z.string().nullable(),
  questions: z.string().nullable(),
  suggestedRevisions: z.string().nullable(),
  preliminaryConclusion: gradeSchema.nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PreReview = z.infer<typeof preReviewSchema>;

// --- signing ---

export const signatureInput = z.object({ fullName: z.string().trim().min(1).max(100) });
export type SignatureInput = z.infer<typeof signatureInput>;

export const signatureSchema = z.object({
  signedName: z.string(),
  signedAt: z.string(),
  panelScore: z.number(),
  grade: gradeSchema,
  /** False when the panel result changed after signing (a new signature is needed). */
  current: z.boolean(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const panelResultPreviewSchema = z.object({ score: z.number(), grade: gradeSchema, vetoItems: z.array(z.string()) });

/** The expert's page of a panel beside the score sheet: meeting, material, own pre-review, signing. */
export const expertPanelWorkSchema = z.object({
  panelId: z.uuid(),
  kind: scoreSheetKindSchema,
  ...meetingFields,
  materials: panelMaterialsSchema,
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  myPreReview: preReviewSchema.nullable(),
  /** The member declared no conflict, the panel is open and the pre-review is not submitted. */
  canEditPreReview: z.boolean(),
  /** Whether the other members' submitted pre-reviews are visible (from the meeting day, or once decided). */
  preReviewsVisible: z.boolean(),
  otherPreReviews: z.array(preReviewSchema),
  signing: z.object({
    /** The panel result once every active member has submitted scores (what the members sign). */
    result: panelResultPreviewSchema.nullable(),
    mySignature: signatureSchema.nullable(),
    canSign: z.boolean(),
    members: z.array(z.object({ displayName: z.string(), submitted: z.boolean(), signedAt: z.string().nullable() })),
  }),
});
export type ExpertPanelWork = z.infer<typeof expertPanelWorkSchema>;

// --- the bureau's view of a round's panels ---

export const ratingSchema = z.object({
  rating: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  ratedByName: z.string().nullable(),
});

export const memberWorkSchema = z.object({
  expertUserId: z.uuid(),
  displayName: z.string(),
  replacedAt: z.string().nullable(),
  conflict: z.enum(['undeclared', 'none', 'conflict']),
  preReview: preReviewStatusSchema,
  submittedAt: z.string().nullable(),
  signature: signatureSchema.nullable(),
  rating: ratingSchema.nullable(),
});
export type MemberWork = z.infer<typeof memberWorkSchema>;

export const panelWorkSchema = z.object({
  panelId: z.uuid(),
  kind: scoreSheetKindSchema,
  formedAt: z.string(),
  decidedAt: z.string().nullable(),
  grade: gradeSchema.nullable(),
  panelScore: z.number().nullable(),
  ...meetingFields,
  materials: panelMaterialsSchema,
  members: z.array(memberWorkSchema),
  preReviewsVisible: z.boolean(),
  preReviews: z.array(preReviewSchema),
  /** The caller may rate the active members (the round's district, once the panel decided). */
  canRate: z.boolean(),
});
export type PanelWork = z.infer<typeof panelWorkSchema>;

export const roundExpertWorkSchema = z.object({ leadDays: z.number().int(), panels: z.array(panelWorkSchema) });
export type RoundExpertWork = z.infer<typeof roundExpertWorkSchema>;

// --- ratings ---

export const ratingParams = z.object({ id: z.uuid(), expertUserId: z.uuid() });
export const ratingInput = z.object({
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  comment: optionalText(1000),
});
export type RatingInput = z.infer<typeof ratingInput>;

export const RATING_SORTS = ['ratedAt', 'rating'] as const;
export const ratingListQuery = z.object({
  ...pageQuery,
  expertUserId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  sort: z.enum(['ratedAt', '-ratedAt', 'rating', '-rating']).default('-ratedAt'),
});
export type RatingListQuery = z.infer<typeof ratingListQuery>;

export const ratingSummarySchema = z.object({ average: z.number().nullable(), count: z.number().int() });
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const ratingRowSchema = z.object({
  panelId: z.uuid(),
  roundId: z.uuid(),
  kind: scoreSheetKindSchema,
  enterpriseName: z.string(),
  listingYear: z.number().int(),
  districtName: z.string(),
  expertUserId: z.uuid(),
  expertName: z.string(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  ratedByName: z.string().nullable(),
});
export type RatingRow = z.infer<typeof ratingRowSchema>;
export const ratingPageSchema = pageOf(ratingRowSchema).extend({
  /** The filtered expert's average and count (null without an expert filter). */
  summary: ratingSummarySchema.nullable(),
});
export type RatingPage = z.infer<typeof ratingPageSchema>;

// --- settings ---

export const expertWorkSettingsInput = z.object({
  materialsLeadWorkingDays: z.number().int().min(MATERIALS_LEAD_DAYS_LIMITS.min).max(MATERIALS_LEAD_DAYS_LIMITS.max),
});
export type ExpertWorkSettingsInput = z.infer<typeof expertWorkSettingsInput>;
export const expertWorkSettingsSchema = expertWorkSettingsInput.extend({
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ExpertWorkSettings = z.infer<typeof expertWorkSettingsSchema>;
