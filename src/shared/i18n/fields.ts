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
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldName = keyof typeof FIELD_LABELS;

export function fieldLabel(path: string, locale: Locale): string {
  const head = path.split('.')[0] ?? path;
  const entry = (FIELD_LABELS as Record<string, Record<Locale, string> | undefined>)[head];
  return entry ? entry[locale] : path;
}
