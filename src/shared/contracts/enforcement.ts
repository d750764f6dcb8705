import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines';
import {
  CASE_STATUSES,
  CREDIT_KINDS,
  CREDIT_SOURCES,
  ENFORCEMENT_STEPS,
  LEGAL_BASIS_CODES,
  MEASURES,
  VIOLATION_TYPES,
} from '../domain/enforcement';
import { ROUND_STATES } from '../domain/roundStates';
import { isoDateSchema } from './campaigns';
import { optionalQueryString, optionalText, pageOf, pageQuery, requiredText } from './common';

const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());
const queryEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());
const queryDate = z.preprocess((v) => (v === '' ? undefined : v), isoDateSchema.optional());
const queryBool = z.preprocess((v) => (v === '' || v === undefined ? undefined : v === 'true' || v === true), z.boolean().optional());

/** A fine in yuan: positive, at most two decimals. */
const fineSchema = z.number().positive().max(100_000_000).multipleOf(0.01);

// --- enforcement cases (执法案件) ---

/** The editable fields of a case (create and PATCH while open). Range checks against the catalogue are the server's. */
export const caseInput = z
  .object({
    enterpriseId: z.uuid(),
    roundId: z.uuid().nullable().optional(),
    violationType: z.enum(VIOLATION_TYPES),
    legalBasis: z.enum(LEGAL_BASIS_CODES),
    measure: z.enum(MEASURES),
    facts: requiredText(4000),
    openedOn: isoDateSchema,
    correctionDue: isoDateSchema.nullable().optional(),
    fineAmount: fineSchema.nullable().optional(),
  })
  .strict();
export type CaseInput = z.infer<typeof caseInput>;

export const caseDecideBody = z
  .object({ decisionNo: requiredText(100), decidedOn: isoDateSchema, expectedVersion: z.number().int().min(1) })
  .strict();
export type CaseDecideBody = z.infer<typeof caseDecideBody>;

export const caseCloseBody = z
  .object({ closedOn: isoDateSchema, note: optionalText(1000), expectedVersion: z.number().int().min(1) })
  .strict();
export type CaseCloseBody = z.infer<typeof caseCloseBody>;

export const caseListQuery = z.object({
  ...pageQuery,
  districtCode: optionalQueryString(12),
  violationType: queryEnum(VIOLATION_TYPES),
  status: queryEnum(CASE_STATUSES),
  year: queryInt(2000, 2100),
  enterpriseId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  keyword: optionalQueryString(100),
  sort: z.enum(['openedOn', '-openedOn', 'decidedOn', '-decidedOn', 'enterpriseName', '-enterpriseName', 'fineAmount', '-fineAmount']).default('-openedOn'),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  roundId: z.uuid().nullable(),
  roundListingYear: z.number().int().nullable(),
  districtCode: z.string(),
  districtName: z.string(),
  violationType: z.enum(VIOLATION_TYPES),
  legalBasis: z.enum(LEGAL_BASIS_CODES),
  measure: z.enum(MEASURES),
  facts: z.string(),
  openedOn: z.string(),
  correctionDue: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  fineAmount: z.number().nullable(),
  status: z.enum(CASE_STATUSES),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  suggestedStep: z.enum(ENFORCEMENT_STEPS).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), decide: z.boolean(), close: z.boolean() }),
});
export type EnforcementCase = z.infer<typeof caseSchema>;
export const casePageSchema = pageOf(caseSchema);
export type CasePage = z.infer<typeof casePageSchema>;

// --- suggested enforcement steps (建议执法措施) ---

export const stepSuggestionQuery = z.object({
  ...pageQuery,
  districtCode: optionalQueryString(12),
  step: queryEnum(ENFORCEMENT_STEPS),
});
export type StepSuggestionQuery = z.infer<typeof stepSuggestionQuery>;

export const stepSuggestionSchema = z.object({
  roundId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  listingYear: z.number().int(),
  state: z.enum(ROUND_STATES),
  deadlineKind: z.enum(DEADLINE_KINDS),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  step: z.enum(ENFORCEMENT_STEPS),
  /** The case the step follows (the decided order or penalty), if any. */
  basedOnCaseId: z.uuid().nullable(),
  basedOnDecisionNo: z.string().nullable(),
  basedOnDate: z.string().nullable(),
});
export type StepSuggestion = z.infer<typeof stepSuggestionSchema>;
export const stepSuggestionPageSchema = pageOf(stepSuggestionSchema);
export type StepSuggestionPage = z.infer<typeof stepSuggestionPageSchema>;

export const stepParams = z.object({ roundId: z.uuid(), step: z.enum(ENFORCEMENT_STEPS) });
export const stepDismissBody = z.object({ reason: requiredText(1000) }).strict();
export type StepDismissBody = z.infer<typeof stepDismissBody>;

/** Confirming a step: a case draft (order / penalty) or the round's roll-over. */
export const stepConfirmResult = z.object({
  step: z.enum(ENFORCEMENT_STEPS),
  caseId: z.uuid().nullable(),
  roundId: z.uuid(),
});
export type StepConfirmResult = z.infer<typeof stepConfirmResult>;

// --- credit records (信用记录) and the credit feed ---

export const creditListQuery = z.object({
  ...pageQuery,
  districtCode: optionalQueryString(12),
  kind: queryEnum(CREDIT_KINDS),
  from: queryDate,
  to: queryDate,
  keyword: optionalQueryString(100),
});
export type CreditListQuery = z.infer<typeof creditListQuery>;

export const creditRecordSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  kind: z.enum(CREDIT_KINDS),
  source: z.enum(CREDIT_SOURCES),
  caseId: z.uuid().nullable(),
  roundId: z.uuid().nullable(),
  recordedOn: z.string(),
  periodYear: z.number().int(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
});
export type CreditRecord = z.infer<typeof creditRecordSchema>;
export const creditPageSchema = pageOf(creditRecordSchema);
export type CreditPage = z.infer<typeof creditPageSchema>;

/** The feed export: a period (both ends required, from ≤ to, at most 10 years). */
export const creditFeedQuery = z
  .object({ from: isoDateSchema, to: isoDateSchema, districtCode: optionalQueryString(12), kind: queryEnum(CREDIT_KINDS) })
  .refine((q) => q.from <= q.to, { message: 'period.order', path: ['to'] });
export type CreditFeedQuery = z.infer<typeof creditFeedQuery>;

// --- mandatory environmental-information disclosure scope ---

export const disclosureScopeQuery = z.object({
  ...pageQuery,
  districtCode: optionalQueryString(12),
  inScope: queryBool,
  keyword: optionalQueryString(100),
});
export type DisclosureScopeQuery = z.infer<typeof disclosureScopeQuery>;

export const disclosureScopeSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  inScope: z.boolean(),
  since: z.string(),
  reason: z.string(),
  source: z.enum(['penalty', 'manual']),
  caseId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type DisclosureScopeMark = z.infer<typeof disclosureScopeSchema>;
export const disclosureScopePageSchema = pageOf(disclosureScopeSchema);
export type DisclosureScopePage = z.infer<typeof disclosureScopePageSchema>;

export const enterpriseParams = z.object({ enterpriseId: z.uuid() });
export const disclosureScopeBody = z.object({ inScope: z.boolean(), since: isoDateSchema, reason: requiredText(1000) }).strict();
export type DisclosureScopeBody = z.infer<typeof disclosureScopeBody>;
