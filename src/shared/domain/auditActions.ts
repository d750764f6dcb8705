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
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
export type AuditEntityType = (typeof AUDIT_ACTIONS)[AuditAction]['entity'];
export const AUDIT_ENTITY_TYPES = ['user', 'enterprise', 'organization', 'system'] as const satisfies readonly AuditEntityType[];
