import { z } from 'zod';
import { ACCEPTANCE_GRADES, EVALUATION_GRADES } from '../domain/scoring';
import { isoDateSchema } from './campaigns';
import { optionalText, pageOf, pageQuery, requiredText } from './common';

/** Expert reviews: score sheets, the grading rule, panels, members, scores (DOMAIN §5). */
export const SCORE_SHEET_KINDS = ['evaluation', 'acceptance'] as const;
export const scoreSheetKindSchema = z.enum(SCORE_SHEET_KINDS);
export const scoreSheetKindParams = z.object({ kind: scoreSheetKindSchema });
export const scoreSheetVersionParams = z.object({ kind: scoreSheetKindSchema, version: z.coerce.number().int().min(1).max(100_000) });

export const gradeSchema = z.enum([...EVALUATION_GRADES, ...ACCEPTANCE_GRADES]);
export type Grade = z.infer<typeof gradeSchema>;

export const scoreItemSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'scoreItem.code' }),
  label: z.object({ 'zh-CN': requiredText(200), en: requiredText(200) }),
  maxPoints: z.number().min(0).max(100),
  veto: z.boolean(),
  bonus: z.boolean(),
});
export type ScoreItemInput = z.infer<typeof scoreItemSchema>;

export const scoreSheetInput = z.object({ items: z.array(scoreItemSchema).min(1).max(50) });
export type ScoreSheetInput = z.infer<typeof scoreSheetInput>;

export const scoreSheetSchema = z.object({
  id: z.uuid(),
  kind: scoreSheetKindSchema,
  version: z.number().int(),
  items: z.array(scoreItemSchema),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ScoreSheetView = z.infer<typeof scoreSheetSchema>;

export const scoreSheetVersionsSchema = z.object({
  current: scoreSheetSchema,
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), createdAt: z.string(), panelCount: z.number().int() })),
});
export type ScoreSheetVersions = z.infer<typeof scoreSheetVersionsSchema>;

const threshold = z.number().min(0).max(100);
export const gradingRuleSchema = z.object({
  aggregate: z.enum(['mean', 'trimmedMean', 'median']),
  evaluation: z.object({ failBelow: threshold, passAtOrAbove: threshold }),
  acceptance: z.object({ failBelow: threshold }),
  minPanelSize: z.number().int().min(1).max(15),
  requireOdd: z.boolean(),
});
export type GradingRuleInput = z.infer<typeof gradingRuleSchema>;

/** Why experts are chosen by hand instead of drawn (shown in the draw record); required, 5–500 characters. */
export const manualReason = z.string().trim().min(5).max(500);
/** Manual choice of the panel (random draws: POST /api/rounds/:id/panel-draws). */
export const panelFormInput = z.object({ expertUserIds: z.array(z.uuid()).min(1).max(15), reason: manualReason });
export type PanelFormInput = z.infer<typeof panelFormInput>;

export const replaceMemberInput = z.object({ outgoingUserId: z.uuid(), incomingUserId: z.uuid(), reason: manualReason });
export type ReplaceMemberInput = z.infer<typeof replaceMemberInput>;

export const conflictInput = z.object({ hasConflict: z.boolean(), note: optionalText(1000) });
export type ConflictInput = z.infer<typeof conflictInput>;

export const scoresInput = z.object({
  scores: z.record(z.string().max(40), z.union([z.number(), z.boolean()])),
  submit: z.boolean().default(false),
});
export type ScoresInput = z.infer<typeof scoresInput>;

export const CONFLICT_STATES = ['undeclared', 'none', 'conflict'] as const;
export type ConflictState = (typeof CONFLICT_STATES)[number];

export const panelMemberSchema = z.object({
  expertUserId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  conflict: z.enum(CONFLICT_STATES),
  conflictNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  replacedAt: z.string().nullable(),
  /** The expert's total, shown once the panel has decided. */
  total: z.number().nullable(),
});
export type PanelMember = z.infer<typeof panelMemberSchema>;

export const panelSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  kind: scoreSheetKindSchema,
  sheetId: z.uuid(),
  sheetVersion: z.number().int(),
  formedAt: z.string(),
  formedByName: z.string().nullable(),
  panelScore: z.number().nullable(),
  grade: gradeSchema.nullable(),
  decidedAt: z.string().nullable(),
  revisionConfirmedAt: z.string().nullable(),
  /** The review meeting, when the district has scheduled it. */
  meetingOn: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  members: z.array(panelMemberSchema),
});
export type Panel = z.infer<typeof panelSchema>;

export const roundPanelsSchema = z.object({
  panels: z.array(panelSchema),
  rule: gradingRuleSchema,
  /** The kind a new panel would have now (the round is under review without an open panel), else null. */
  canForm: scoreSheetKindSchema.nullable(),
  canManage: z.boolean(),
  /** A revised report was uploaded after a pass-after-revision decision and is not yet confirmed. */
  canConfirmRevision: z.boolean(),
  /** The caller's own panel (experts): the link to the scoring page. */
  myPanelIds: z.array(z.uuid()),
});
export type RoundPanels = z.infer<typeof roundPanelsSchema>;

export const expertOptionSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });
export type ExpertOption = z.infer<typeof expertOptionSchema>;

export const MY_REVIEW_STATUSES = ['undeclared', 'conflict', 'draft', 'submitted', 'decided'] as const;
export type MyReviewStatus = (typeof MY_REVIEW_STATUSES)[number];

export const myReviewsQuery = z.object({
  ...pageQuery,
  filter: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['open', 'submitted', 'decided']).optional()),
});
export type MyReviewsQuery = z.infer<typeof myReviewsQuery>;

export const myReviewSchema = z.object({
  panelId: z.uuid(),
  roundId: z.uuid(),
  enterpriseName: z.string(),
  listingYear: z.number().int(),
  districtName: z.string(),
  kind: scoreSheetKindSchema,
  formedAt: z.string(),
  decidedAt: z.string().nullable(),
  status: z.enum(MY_REVIEW_STATUSES),
});
export type MyReview = z.infer<typeof myReviewSchema>;
export const myReviewPageSchema = pageOf(myReviewSchema);
export type MyReviewPage = z.infer<typeof myReviewPageSchema>;

export const scoringViewSchema = z.object({
  panelId: z.uuid(),
  kind: scoreSheetKindSchema,
  round: z.object({ id: z.uuid(), enterpriseName: z.string(), listingYear: z.number().int(), districtName: z.string() }),
  sheet: scoreSheetSchema,
  formedAt: z.string(),
  decidedAt: z.string().nullable(),
  status: z.enum(MY_REVIEW_STATUSES),
  conflictNote: z.string().nullable(),
  scores: z.record(z.string(), z.union([z.number(), z.boolean()])),
  submittedAt: z.string().nullable(),
});
export type ScoringView = z.infer<typeof scoringViewSchema>;

export const panelParams = z.object({ id: z.uuid() });

/** Scheduling (or clearing, with null) the review meeting of an open panel. */
export const panelMeetingInput = z.object({
  meetingOn: isoDateSchema.nullable(),
  meetingPlace: optionalText(200),
});
export type PanelMeetingInput = z.infer<typeof panelMeetingInput>;
