import { APPLICATION_PURPOSE_LABELS, OPINION_KIND_LABELS } from '../../../shared/contracts/applications';
import type { GuardName } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import { AppError } from '../../platform/errors';
import type { ApplicationFacts } from './applicationRepository';
import * as material from './materialRepository';

/**
 * The guards of evaluation and acceptance material (DOMAIN §5) and of transition attachments.
 * Each answers the list of what is missing; a guard passes when nothing is.
 */

type Text = Readonly<Record<Locale, string>>;

export const APPLICATION_GUARDS = [
  'noticeIssued',
  'evidenceAttached',
  'evaluationMaterialsAttached',
  'reviewOpinionAttached',
  'acceptanceMaterialsAttached',
  'acceptanceOpinionAttached',
  'rectificationEvidenceAttached',
] as const satisfies readonly GuardName[];
export type ApplicationGuard = (typeof APPLICATION_GUARDS)[number];

export const isApplicationGuard = (guard: GuardName): guard is ApplicationGuard =>
  (APPLICATION_GUARDS as readonly GuardName[]).includes(guard);

const LABELS = {
  attachment: { 'zh-CN': '本次操作的附件', en: 'an attachment to this step' },
  report: { 'zh-CN': '审核报告', en: 'audit report' },
  evaluationOpinion: OPINION_KIND_LABELS.evaluation,
  currentEvaluationOpinion: { 'zh-CN': '本次评估的技术审查意见', en: 'technical review opinion of this evaluation' },
  currentAcceptanceOpinion: { 'zh-CN': '本次验收的验收意见', en: 'acceptance opinion of this acceptance' },
  rectification: { 'zh-CN': '验收不合格后上传的整改情况说明及佐证', en: 'rectification evidence uploaded after the rejection' },
} as const satisfies Record<string, Text>;

export interface MissingItem {
  /** The field path named in the 422 answer (none for the transition's own attachments: the guard names them). */
  field?: string;
  label: Text;
}

const file = (purpose: keyof ApplicationFacts['files']): MissingItem => ({
  field: `files.${purpose}`,
  label: APPLICATION_PURPOSE_LABELS[purpose],
});

/** What a guard still misses; absent facts miss everything. */
export function applicationGaps(
  guard: ApplicationGuard,
  facts: { application?: ApplicationFacts; reportCount?: number } | undefined,
  attachmentCount: number,
): MissingItem[] {
  const a = facts?.application;
  const missing: MissingItem[] = [];
  const needFile = (purpose: keyof ApplicationFacts['files']) => {
    if (!a || a.files[purpose] === 0) missing.push(file(purpose));
  };
  switch (guard) {
    case 'noticeIssued':
    case 'evidenceAttached':
      if (attachmentCount === 0) missing.push({ label: LABELS.attachment });
      break;
    case 'evaluationMaterialsAttached':
      if (!facts?.reportCount) missing.push({ field: 'files.report', label: LABELS.report });
      needFile('evaluation_evidence');
      needFile('capacity_proof');
      break;
    case 'reviewOpinionAttached':
      if (!a?.currentOpinion.evaluation) missing.push({ field: 'opinions.evaluation', label: LABELS.currentEvaluationOpinion });
      break;
    case 'acceptanceMaterialsAttached':
      if (!a?.hasEvaluationOpinion) missing.push({ field: 'opinions.evaluation', label: LABELS.evaluationOpinion });
      needFile('acceptance_report');
      needFile('monitoring_before');
      needFile('monitoring_after');
      break;
    case 'acceptanceOpinionAttached':
      if (!a?.currentOpinion.acceptance) missing.push({ field: 'opinions.acceptance', label: LABELS.currentAcceptanceOpinion });
      break;
    case 'rectificationEvidenceAttached':
      if (!a?.rectificationSinceRejected) missing.push({ field: 'files.rectification', label: LABELS.rectification });
      break;
  }
  return missing;
}

const NOT_A_TRANSITION_FILE = {
  'zh-CN': '不是本审核轮次已上传的流程附件',
  en: 'is not a transition attachment uploaded to this round',
} as const;

/** The distinct attachment ids of a transition, each a 'transition' file of the round (else 400 naming it). */
export async function checkTransitionAttachments(db: Queryable, roundId: string, ids: readonly string[] | undefined): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  const known = await material.roundFileIds(db, roundId, unique, 'transition');
  const bad = (ids ?? []).findIndex((fileId) => !known.has(fileId));
  if (bad >= 0) throw new AppError('VALIDATION_FAILED', {}, { [`attachmentIds.${bad}`]: (l) => NOT_A_TRANSITION_FILE[l] });
  return unique;
}
