import type { Locale } from './locales';

/** Labels of the fields the API validates, used in error messages and form labels alike. */
export const FIELD_LABELS = {
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  currentPassword: { 'zh-CN': '当前密码', en: 'Current password' },
  newPassword: { 'zh-CN': '新密码', en: 'New password' },
  displayName: { 'zh-CN': '姓名', en: 'Name' },
  role: { 'zh-CN': '角色', en: 'Role' },
  orgId: { 'zh-CN': '所属机构', en: 'Organisation' },
  email: { 'zh-CN': '电子邮箱', en: 'Email' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  disabled: { 'zh-CN': '停用', en: 'Disabled' },
  name: { 'zh-CN': '企业名称', en: 'Enterprise name' },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  districtCode: { 'zh-CN': '所在区县', en: 'District' },
  address: { 'zh-CN': '地址', en: 'Address' },
  legalRepresentative: { 'zh-CN': '法定代表人', en: 'Legal representative' },
  industryCode: { 'zh-CN': '所属行业', en: 'Industry' },
  keyIndustryCode: { 'zh-CN': '重点行业', en: 'Key industry' },
  industrialPark: { 'zh-CN': '所在工业园区', en: 'Industrial park' },
  dischargePermitNo: { 'zh-CN': '排污许可证编号', en: 'Discharge permit number' },
  contactName: { 'zh-CN': '联系人', en: 'Contact person' },
  contactPhone: { 'zh-CN': '联系电话', en: 'Contact phone' },
  contactEmail: { 'zh-CN': '联系邮箱', en: 'Contact email' },
  page: { 'zh-CN': '页码', en: 'Page' },
  pageSize: { 'zh-CN': '每页条数', en: 'Page size' },
  sort: { 'zh-CN': '排序', en: 'Sort' },
  keyword: { 'zh-CN': '关键词', en: 'Keyword' },
  id: { 'zh-CN': '编号', en: 'ID' },
  from: { 'zh-CN': '开始时间', en: 'From' },
  to: { 'zh-CN': '结束时间', en: 'To' },
  action: { 'zh-CN': '操作类型', en: 'Action' },
  entityType: { 'zh-CN': '对象类型', en: 'Entity type' },
  entityId: { 'zh-CN': '对象编号', en: 'Entity ID' },
  actorUserId: { 'zh-CN': '操作人', en: 'Actor' },
  year: { 'zh-CN': '年度', en: 'Year' },
  noticeNo: { 'zh-CN': '通知文号', en: 'Notice number' },
  title: { 'zh-CN': '标题', en: 'Title' },
  deadlineRules: { 'zh-CN': '期限规则', en: 'Deadline rules' },
  keyIndustryCodes: { 'zh-CN': '重点行业', en: 'Key industries' },
  milestones: { 'zh-CN': '时间节点', en: 'Milestones' },
  enterpriseId: { 'zh-CN': '企业', en: 'Enterprise' },
  plannedYear: { 'zh-CN': '计划审核年度', en: 'Planned audit year' },
  reasons: { 'zh-CN': '纳入原因', en: 'Listing reasons' },
  reasonDetails: { 'zh-CN': '具体原因说明', en: 'Reason details' },
  lastAuditOn: { 'zh-CN': '上轮审核时间', en: 'Last audit date' },
  remarks: { 'zh-CN': '备注', en: 'Remarks' },
  reason: { 'zh-CN': '理由', en: 'Reason' },
  publishedOn: { 'zh-CN': '公布日期', en: 'Publication date' },
  comment: { 'zh-CN': '意见/理由', en: 'Comment' },
  expectedState: { 'zh-CN': '当前状态', en: 'Expected state' },
  campaignId: { 'zh-CN': '年度工作', en: 'Campaign' },
  listingYear: { 'zh-CN': '纳入年度', en: 'Listing year' },
  state: { 'zh-CN': '状态', en: 'State' },
  status: { 'zh-CN': '状态', en: 'Status' },
  dueWithinDays: { 'zh-CN': '即将到期天数', en: 'Due within days' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldName = keyof typeof FIELD_LABELS;

/** The label of a field path; '_' is the request body as a whole (e.g. a body that is not a JSON object). */
export function fieldLabel(path: string, locale: Locale): string {
  if (path === '_') return locale === 'zh-CN' ? '请求内容' : 'The request body';
  const head = path.split('.')[0] ?? path;
  const entry = (FIELD_LABELS as Record<string, Record<Locale, string> | undefined>)[head];
  return entry ? entry[locale] : path;
}
