import { z } from 'zod';
import type { Role } from '../domain/roles';
import { ACTIVE_ROUND_STATES, type RoundState } from '../domain/roundStates';
import type { Locale } from '../i18n/locales';
import { isoDateSchema } from './campaigns';
import { storedFileSchema } from './roundMaterial';

/**
 * Evaluation and acceptance material (评估与验收材料): files uploaded per purpose, and the review
 * opinions the district records (技术审查意见 / 验收意见).
 */

type Text = Readonly<Record<Locale, string>>;

export const APPLICATION_PURPOSES = [
  'transition',
  'evaluation_evidence',
  'capacity_proof',
  'acceptance_report',
  'monitoring_before',
  'monitoring_after',
  'rectification',
] as const;
export type ApplicationPurpose = (typeof APPLICATION_PURPOSES)[number];

export const APPLICATION_PURPOSE_LABELS = {
  transition: { 'zh-CN': '流程附件（通知文书、证明材料）', en: 'Transition attachments (notices, evidence)' },
  evaluation_evidence: { 'zh-CN': '技术佐证材料', en: 'Technical evidence' },
  capacity_proof: { 'zh-CN': '审核能力证明', en: 'Proof of audit capacity' },
  acceptance_report: { 'zh-CN': '验收报告', en: 'Acceptance report' },
  monitoring_before: { 'zh-CN': '实施前监测报告', en: 'Monitoring report before implementation' },
  monitoring_after: { 'zh-CN': '实施后监测报告', en: 'Monitoring report after implementation' },
  rectification: { 'zh-CN': '整改情况说明及佐证', en: 'Rectification statement and evidence' },
} as const satisfies Record<ApplicationPurpose, Text>;

const BUREAU = ['district_staff', 'city_admin', 'city_staff'] as const satisfies readonly Role[];
const ENTERPRISE_SIDE = ['enterprise_user', 'agency_user'] as const satisfies readonly Role[];
const EVALUATION_APPLYING = ['audit_started', 'report_submitted', 'evaluation_returned'] as const satisfies readonly RoundState[];
const ACCEPTANCE_APPLYING = ['evaluated', 'acceptance_returned', 'acceptance_rejected'] as const satisfies readonly RoundState[];

/** Who may upload files of each purpose, and in which states of the round. */
export const APPLICATION_UPLOAD_RULES: Readonly<
  Record<ApplicationPurpose, { roles: readonly Role[]; states: readonly RoundState[] }>
> = {
  // Bureau transitions carry them (书面通知, withdrawal and referral evidence).
  transition: { roles: BUREAU, states: [...ACTIVE_ROUND_STATES, 'referred'] },
  evaluation_evidence: { roles: ENTERPRISE_SIDE, states: EVALUATION_APPLYING },
  capacity_proof: { roles: ENTERPRISE_SIDE, states: EVALUATION_APPLYING },
  acceptance_report: { roles: ENTERPRISE_SIDE, states: ACCEPTANCE_APPLYING },
  monitoring_before: { roles: ENTERPRISE_SIDE, states: ACCEPTANCE_APPLYING },
  monitoring_after: { roles: ENTERPRISE_SIDE, states: ACCEPTANCE_APPLYING },
  rectification: { roles: ENTERPRISE_SIDE, states: ['acceptance_rejected'] },
};

/** The state in which the district records each kind of opinion. */
export const OPINION_STATES = { evaluation: 'evaluation_review', acceptance: 'acceptance_review' } as const satisfies Record<
  'evaluation' | 'acceptance',
  RoundState
>;

export const applicationUploadQuery = z.object({ purpose: z.enum(APPLICATION_PURPOSES) });
export type ApplicationUploadQuery = z.infer<typeof applicationUploadQuery>;

export const applicationFileSchema = z.object({
  purpose: z.enum(APPLICATION_PURPOSES),
  uploadedBy: z.string().nullable(),
  file: storedFileSchema,
});
export type ApplicationFile = z.infer<typeof applicationFileSchema>;

export const applicationFileListSchema = z.object({
  /** Oldest first, every purpose. */
  items: z.array(applicationFileSchema),
  /** The purposes the caller may upload now (role and round state). */
  uploadable: z.array(z.enum(APPLICATION_PURPOSES)),
});
export type ApplicationFileList = z.infer<typeof applicationFileListSchema>;

// --- review opinions ---

export const OPINION_KINDS = ['evaluation', 'acceptance'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export const OPINION_KIND_LABELS = {
  evaluation: { 'zh-CN': '技术审查意见', en: 'Technical review opinion' },
  acceptance: { 'zh-CN': '验收意见', en: 'Acceptance opinion' },
} as const satisfies Record<OpinionKind, Text>;

export const opinionParams = z.object({ id: z.uuid(), kind: z.enum(OPINION_KINDS) });
export type OpinionParams = z.infer<typeof opinionParams>;

const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max);

/** Evaluation opinions may carry the options still to implement and the acceptance deadline; acceptance opinions not. */
export const opinionBody = z.object({
  opinionNo: requiredText(100),
  issuedOn: isoDateSchema,
  body: requiredText(10000),
  optionsToImplement: z.string().trim().max(5000).nullable().optional(),
  /** Evaluation only; blank: issued on + the campaign's months for acceptance. */
  acceptanceDue: isoDateSchema.nullable().optional(),
});
export type OpinionBody = z.infer<typeof opinionBody>;

export const opinionSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  kind: z.enum(OPINION_KINDS),
  opinionNo: z.string(),
  issuedOn: z.string(),
  body: z.string(),
  optionsToImplement: z.string().nullable(),
  acceptanceDue: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Recorded in the round's current review (the one the next result will be based on). */
  current: z.boolean(),
});
export type ReviewOpinion = z.infer<typeof opinionSchema>;

export const opinionListSchema = z.object({
  /** Newest first. */
  items: z.array(opinionSchema),
  /** Whether the caller may record or edit the opinion of each kind now. */
  editable: z.object({ evaluation: z.boolean(), acceptance: z.boolean() }),
});
export type OpinionList = z.infer<typeof opinionListSchema>;

export const opinionDocumentParams = z.object({ id: z.uuid(), opinionId: z.uuid() });
