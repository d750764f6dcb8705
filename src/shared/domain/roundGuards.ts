import type { Locale } from '../i18n/locales';

/**
 * Named guards of the round state machine. The table in roundStates.ts only names them;
 * the server implements each one (inside the transition's transaction) and refuses the
 * transition with 422 and the guard's name when one fails.
 */
export const GUARD_NAMES = [
  'reasonGiven',
  'evidenceAttached',
  'agencyEngaged',
  'publicationDateSet',
  'noticeIssued',
  'hasDisclosureItems',
  'auditModeChosen',
  'reportUploaded',
  'evaluationMaterialsAttached',
  'optionsReadyForEvaluation',
  'panelComplete',
  'allScoresIn',
  'allMembersSigned',
  'reviewOpinionAttached',
  'revisionConfirmed',
  'highCostOptionsSettled',
  'acceptanceMaterialsAttached',
  'acceptanceOpinionAttached',
  'rectificationEvidenceAttached',
  'publishedInBatch',
] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

type Text = Readonly<Record<Locale, string>>;

export const GUARDS = {
  reasonGiven: {
    'zh-CN': '已填写理由（非空白）',
    en: 'A reason is given (not blank)',
  },
  evidenceAttached: {
    'zh-CN': '已上传证明材料（如关停、注销文件或违法事实材料）',
    en: 'Supporting evidence is attached (e.g. closure or deregistration papers, facts of the violation)',
  },
  agencyEngaged: {
    'zh-CN': '操作人为咨询机构用户时，该机构须受本企业委托承担本轮审核；企业用户不受此限',
    en: 'When the actor is an agency user, the agency is engaged on this round; always passes for enterprise users',
  },
  publicationDateSet: {
    'zh-CN': '已填写名单公布日期（各项期限自该日起算）',
    en: 'The list publication date is set (deadlines count from it)',
  },
  noticeIssued: {
    'zh-CN': '已向企业发出书面通知（上传通知文书）',
    en: 'The written notice to the enterprise is issued (document attached)',
  },
  hasDisclosureItems: {
    'zh-CN': '已按纳入原因填写全部应公开信息项',
    en: 'Every disclosure item required by the listing reasons is filled',
  },
  auditModeChosen: {
    'zh-CN': '已确定审核方式（自行审核或委托咨询机构）',
    en: 'The audit mode is recorded (self-audit or engaged agency)',
  },
  reportUploaded: {
    'zh-CN': '已上传清洁生产审核报告',
    en: 'The audit report is uploaded',
  },
  evaluationMaterialsAttached: {
    'zh-CN': '评估申请材料齐全（审核报告、技术佐证材料、审核能力证明）',
    en: 'Evaluation application materials are complete (report, technical evidence, proof of capacity)',
  },
  optionsReadyForEvaluation: {
    'zh-CN': '无/低费方案已基本实施，中/高费方案已完成可行性分析',
    en: 'No/low-cost options are basically implemented and medium/high-cost options have a feasibility analysis',
  },
  panelComplete: {
    'zh-CN': '专家组已组建（人数符合规则），全部成员已声明回避情况',
    en: 'The expert panel is formed (size per the grading rule) and every member has declared conflicts',
  },
  allScoresIn: {
    'zh-CN': '专家组全部成员已提交有效评分表',
    en: 'Every panel member has submitted a valid score sheet',
  },
  allMembersSigned: {
    'zh-CN': '专家组全部在任成员已签字确认评审结果',
    en: 'Every active panel member has signed the panel result',
  },
  reviewOpinionAttached: {
    'zh-CN': '已上传技术审查意见',
    en: 'The technical review opinion is attached',
  },
  revisionConfirmed: {
    'zh-CN': '评估结论为“修改后通过”的，修改后的审核报告已经确认',
    en: 'If evaluation passed with revision, the revised report has been confirmed',
  },
  highCostOptionsSettled: {
    'zh-CN': '中/高费方案均已实施或已说明放弃理由',
    en: 'Every medium/high-cost option is implemented or dropped with a reason',
  },
  acceptanceMaterialsAttached: {
    'zh-CN': '验收申请材料齐全（技术审查意见、验收报告、实施前后监测报告）',
    en: 'Acceptance materials are complete (technical review opinion, acceptance report, monitoring before and after)',
  },
  acceptanceOpinionAttached: {
    'zh-CN': '已上传验收意见',
    en: 'The acceptance opinion is attached',
  },
  rectificationEvidenceAttached: {
    'zh-CN': '已上传整改情况说明及佐证材料',
    en: 'Evidence of rectification is attached',
  },
  publishedInBatch: {
    'zh-CN': '验收结果须以批次发布（验收结果发布），以便在公众门户公示',
    en: 'Results are published in a batch (result publication), so that they appear on the public portal',
  },
} as const satisfies Record<GuardName, Text>;
