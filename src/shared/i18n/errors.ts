import type { Locale } from './locales';
import { interpolate } from './locales';

/** Every error code the API can answer with, and its message in each language. */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误：{fields}', en: 'The submitted data is invalid: {fields}' },
  BAD_REQUEST: { 'zh-CN': '请求格式有误：{detail}', en: 'The request is malformed: {detail}' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_INVALID: {
    'zh-CN': '安全校验失败（CSRF 令牌缺失或无效），请刷新页面后重试',
    en: 'Security check failed (missing or invalid CSRF token); reload the page and try again',
  },
  NOT_FOUND: { 'zh-CN': '{entity}不存在或无权访问', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_LOCKED: {
    'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后重试',
    en: 'Too many failed sign-in attempts; try again in {minutes} minutes',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '该账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_WEAK: {
    'zh-CN': '新密码至少 8 位，且须包含字母和数字',
    en: 'The new password needs at least 8 characters with letters and digits',
  },
  PASSWORD_REUSED: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码无效：{reason}',
    en: 'The unified social credit code is invalid: {reason}',
  },
  CREDIT_CODE_TAKEN: {
    'zh-CN': '统一社会信用代码 {code} 已被其他企业使用',
    en: 'The unified social credit code {code} is already registered to another enterprise',
  },
  USERNAME_TAKEN: { 'zh-CN': '用户名 {username} 已存在', en: 'The username {username} is already taken' },
  UNKNOWN_REFERENCE: { 'zh-CN': '{field}不存在：{value}', en: 'Unknown {field}: {value}' },
  ROLE_ORG_MISMATCH: {
    'zh-CN': '角色“{role}”不能属于该类型的机构',
    en: 'The role "{role}" cannot belong to this kind of organisation',
  },
  SELF_LOCKOUT: {
    'zh-CN': '不能停用自己的账号或取消自己的管理员角色',
    en: 'You cannot disable your own account or remove your own administrator role',
  },
  DISTRICT_OUT_OF_SCOPE: {
    'zh-CN': '只能在本区县登记企业',
    en: 'You can only register enterprises in your own district',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  ROUND_STATE_CONFLICT: {
    'zh-CN': '审核轮次当前状态为“{state}”，不能执行“{transition}”（可能已被他人处理，请刷新）',
    en: 'The round is in state "{state}"; "{transition}" is not possible now (someone may have acted first; reload)',
  },
  GUARD_NOT_MET: {
    'zh-CN': '不满足“{transition}”的前提条件：{guard}',
    en: 'A precondition of "{transition}" is not met: {guard}',
  },
  CAMPAIGN_YEAR_TAKEN: { 'zh-CN': '{year} 年度工作已存在', en: 'A campaign for {year} already exists' },
  PLAN_ENTRY_DUPLICATE: {
    'zh-CN': '该企业已在 {year} 年度审核计划或名单中',
    en: 'This enterprise is already planned or listed for {year}',
  },
  PLAN_ENTRY_STATE_CONFLICT: {
    'zh-CN': '该计划条目当前状态为“{status}”，不能执行此操作',
    en: 'The plan entry is "{status}"; this is not possible now',
  },
  NOTHING_TO_PUBLISH: {
    'zh-CN': '{year} 年度没有已核定、待公布的计划条目',
    en: 'There are no approved, unpublished plan entries for {year}',
  },
  FILE_TOO_LARGE: {
    'zh-CN': '文件过大：不能超过 {limit}',
    en: 'The file is too large: the limit is {limit}',
  },
  FILE_TYPE_NOT_ALLOWED: {
    'zh-CN': '文件类型不允许（按文件内容识别），只接受：{allowed}',
    en: 'This file type is not allowed (detected from its content); accepted: {allowed}',
  },
  FILE_REQUIRED: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  ROUND_MATERIAL_LOCKED: {
    'zh-CN': '审核轮次当前状态为“{state}”，不能修改{material}',
    en: 'The round is in state "{state}"; the {material} can no longer be changed',
  },
  IMPORT_HEADERS_INVALID: {
    'zh-CN': '表头不符合{layouts}格式。应为：{expected}；实际为：{found}',
    en: 'The header row does not match the {layouts} layout. Expected: {expected}; found: {found}',
  },
  IMPORT_FILE_UNREADABLE: {
    'zh-CN': '无法读取该 Excel 文件（文件已损坏或不是 .xlsx 格式）',
    en: 'This Excel file cannot be read (it is damaged or not an .xlsx workbook)',
  },
  IMPORT_EMPTY: { 'zh-CN': '表格中没有数据行', en: 'The sheet holds no data rows' },
  IMPORT_TOO_MANY_ROWS: { 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows can be imported at once' },
  IMPORT_HAS_ERRORS: {
    'zh-CN': '有 {count} 行存在错误，未写入任何数据；请修正后重新上传，或选择只导入正确的行',
    en: '{count} rows have errors and nothing was written; correct the file, or choose to import only the valid rows',
  },
  IMPORT_STATE_CONFLICT: {
    'zh-CN': '该导入当前状态为“{status}”，不能再次提交',
    en: 'This import is "{status}"; it cannot be committed again',
  },
  RESULT_BATCH_CONFLICT: {
    'zh-CN': '以下审核轮次已不是“验收合格”状态，本批结果未发布：{rounds}',
    en: 'These rounds are no longer "accepted"; nothing was published: {rounds}',
  },
  RESULT_BATCH_TITLE_TAKEN: { 'zh-CN': '已有名为“{title}”的结果批次', en: 'A result batch titled "{title}" already exists' },
  AUDIT_STAGE_OUT_OF_ORDER: {
    'zh-CN': '审核阶段须按顺序完成：下一个应完成的阶段是“{next}”，不能登记“{stage}”',
    en: 'Audit stages are completed in order: the next stage is "{next}", not "{stage}"',
  },
  AUDIT_STAGE_COMPLETED: {
    'zh-CN': '审核阶段“{stage}”已于 {date} 完成',
    en: 'The audit stage "{stage}" was already completed on {date}',
  },
  MAIL_NOT_FAILED: {
    'zh-CN': '只能重新发送失败的邮件（该邮件当前状态为“{status}”）',
    en: 'Only a failed e-mail can be retried (this one is "{status}")',
  },
  REVIEW_CONFLICT: { 'zh-CN': '当前不能执行此评审操作：{reason}', en: 'This review action is not possible now: {reason}' },
  DRAW_TOO_FEW_CANDIDATES: {
    'zh-CN': '符合条件的专家不足：需要 {needed} 名，仅 {eligible} 名符合条件（{excluded}）',
    en: 'Too few eligible experts: {needed} needed, {eligible} eligible ({excluded})',
  },
  AGENCY_CREDIT_CODE_TAKEN: {
    'zh-CN': '统一社会信用代码 {code} 已被其他咨询服务机构使用',
    en: 'The unified social credit code {code} is already registered to another consulting agency',
  },
  AGENCY_STATUS_UNCHANGED: {
    'zh-CN': '该机构当前状态已是“{status}”，无需变更',
    en: 'The agency is already "{status}"; nothing to change',
  },
  AUDITOR_CERTIFICATE_TAKEN: {
    'zh-CN': '本机构已登记证书编号为 {certificateNo} 的审核人员',
    en: 'An auditor with certificate number {certificateNo} is already registered for this agency',
  },
  SPOT_CHECK_CONFLICT: { 'zh-CN': '当前不能执行此抽查操作：{reason}', en: 'This spot-check action is not possible now: {reason}' },
  SPOT_CHECK_NOT_READY: { 'zh-CN': '不满足抽查操作的条件：{reason}', en: 'The spot check is not ready for this: {reason}' },
  ENFORCEMENT_CASE_STATE_CONFLICT: {
    'zh-CN': '该执法案件当前状态为“{status}”，不能执行此操作',
    en: 'The enforcement case is "{status}"; this is not possible now',
  },
  ENFORCEMENT_DECISION_NO_TAKEN: { 'zh-CN': '决定书文号 {decisionNo} 已被本区县其他案件使用', en: 'The decision number {decisionNo} is already used by another case of this district' },
  ENFORCEMENT_FINE_NEEDS_ORDER: {
    'zh-CN': '依据{basis}，须先责令限期改正，企业拒不改正的方可罚款；该企业尚无已作出决定的责令改正案件',
    en: 'Under {basis} a fine follows only a disregarded order to correct; this enterprise has no decided order to correct',
  },
  SUGGESTION_NOT_AVAILABLE: {
    'zh-CN': '该建议已不适用（可能已被处理或数据已变化，请刷新）',
    en: 'This suggestion no longer applies (it may have been handled or the data changed; reload)',
  },
  SUMMARY_STATE_CONFLICT: {
    'zh-CN': '工作总结表当前状态为“{state}”，不能{action}（可能已被他人处理，请刷新）',
    en: 'The summary is "{state}"; it cannot be {action} now (someone may have acted first; reload)',
  },
  SUMMARY_INCOMPLETE: { 'zh-CN': '报送前请填写：{fields}', en: 'Fill in before submitting: {fields}' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后再试（编号 {requestId}）', en: 'Internal error; please try again later (id {requestId})' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  return interpolate(ERROR_MESSAGES[code][locale], params);
}

/** Body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; requestId?: string };
}
