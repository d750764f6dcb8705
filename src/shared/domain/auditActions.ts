/**
 * The catalogue of audit-trail actions. Every state-changing request records one of these,
 * written by the same helper that writes the change (see server/platform/audit).
 */
export const AUDIT_ACTIONS = {
  'auth.login': { entity: 'user', zh: '登录', en: 'Signed in' },
  'auth.loginFailed': { entity: 'user', zh: '登录失败', en: 'Failed sign-in' },
  'auth.logout': { entity: 'user', zh: '退出登录', en: 'Signed out' },
  'auth.passwordChanged': { entity: 'user', zh: '修改密码', en: 'Changed password' },
  'auth.localeChanged': { entity: 'user', zh: '切换语言', en: 'Changed language' },
  'user.created': { entity: 'user', zh: '创建用户', en: 'Created user' },
  'user.updated': { entity: 'user', zh: '修改用户', en: 'Updated user' },
  'user.passwordReset': { entity: 'user', zh: '重置密码', en: 'Reset password' },
  'enterprise.created': { entity: 'enterprise', zh: '登记企业', en: 'Registered enterprise' },
  'enterprise.updated': { entity: 'enterprise', zh: '修改企业信息', en: 'Updated enterprise' },
  'organization.created': { entity: 'organization', zh: '创建机构', en: 'Created organisation' },
  'system.seeded': { entity: 'system', zh: '载入初始数据', en: 'Loaded initial data' },
  'campaign.created': { entity: 'campaign', zh: '创建年度工作', en: 'Created campaign' },
  'campaign.updated': { entity: 'campaign', zh: '修改年度工作', en: 'Updated campaign' },
  'list.published': { entity: 'campaign', zh: '公布年度审核名单', en: 'Published annual list' },
  'planEntry.proposed': { entity: 'planEntry', zh: '拟纳入审核计划', en: 'Proposed plan entry' },
  'planEntry.approved': { entity: 'planEntry', zh: '核定纳入', en: 'Approved plan entry' },
  'planEntry.rejected': { entity: 'planEntry', zh: '不予纳入', en: 'Rejected plan entry' },
  'round.listed': { entity: 'round', zh: '纳入审核名单', en: 'Round listed' },
  'round.transitioned': { entity: 'round', zh: '审核轮次状态变更', en: 'Round state changed' },
  'round.fileUploaded': { entity: 'round', zh: '上传审核轮次附件', en: 'Uploaded a round attachment' },
  'round.disclosureSaved': { entity: 'round', zh: '保存信息公开草稿', en: 'Saved disclosure draft' },
  'round.auditModeChosen': { entity: 'round', zh: '确定审核方式', en: 'Chose the audit mode' },
  'round.reportUploaded': { entity: 'round', zh: '上传审核报告', en: 'Uploaded audit report' },
  'planImport.uploaded': { entity: 'planImport', zh: '上传审核计划导入文件', en: 'Uploaded a plan import' },
  'planImport.committed': { entity: 'planImport', zh: '确认导入审核计划', en: 'Committed a plan import' },
  'planImport.discarded': { entity: 'planImport', zh: '放弃审核计划导入', en: 'Discarded a plan import' },
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
export type AuditEntityType = (typeof AUDIT_ACTIONS)[AuditAction]['entity'];
export const AUDIT_ENTITY_TYPES = [
  'user',
  'enterprise',
  'organization',
  'system',
  'campaign',
  'planEntry',
  'round',
  'planImport',
] as const satisfies readonly AuditEntityType[];
