/** Typed wrappers of the API routes; answers are parsed with the shared contracts. */
import { z } from 'zod';
import { auditPageSchema, auditVerifySchema, type AuditListQuery } from '../../shared/contracts/audit';
import { sessionSchema } from '../../shared/contracts/auth';
import { okSchema } from '../../shared/contracts/common';
import {
  enterpriseDetailSchema,
  enterprisePageSchema,
  type EnterpriseInput,
  type EnterpriseListQuery,
  type EnterprisePatch,
} from '../../shared/contracts/enterprises';
import {
  campaignDetailSchema,
  campaignPageSchema,
  type CampaignInput,
  type CampaignListQuery,
  type CampaignPatch,
} from '../../shared/contracts/campaigns';
import { referenceSchema } from '../../shared/contracts/reference';
import {
  planEntryPageSchema,
  planEntrySchema,
  publicationSchema,
  roundDetailSchema,
  roundPageSchema,
  type PlanEntryInput,
  type PlanEntryListQuery,
  type RoundListQuery,
  type TransitionBody,
} from '../../shared/contracts/rounds';
import type { TransitionName } from '../../shared/domain/roundStates';
import {
  organizationPageSchema,
  userPageSchema,
  userSchema,
  type UserCreateBody,
  type UserListQuery,
  type UserPatchBody,
} from '../../shared/contracts/users';
import type { OrgKind } from '../../shared/domain/roles';
import type { Locale } from '../../shared/i18n/locales';
import {
  publicBatchPageSchema,
  publicFiltersSchema,
  publicListPageSchema,
  publicResultPageSchema,
  publicRoundSchema,
  type PublicBatchQuery,
  type PublicListQuery,
  type PublicResultQuery,
} from '../../shared/contracts/portal';
import {
  resultBatchCreatedSchema,
  resultBatchPageSchema,
  type ResultBatchBody,
  type ResultBatchListQuery,
} from '../../shared/contracts/resultBatches';
import {
  markedReadSchema,
  notificationPageSchema,
  notificationSchema,
  unreadCountSchema,
  type NotificationListQuery,
} from '../../shared/contracts/notifications';
import { request } from './client';

export type SessionInfo = z.infer<typeof sessionSchema>;
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;
export type EnterprisePage = z.infer<typeof enterprisePageSchema>;
export type UserPage = z.infer<typeof userPageSchema>;
export type UserRow = z.infer<typeof userSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;
export type OrganizationPage = z.infer<typeof organizationPageSchema>;

export const authApi = {
  login: (username: string, password: string) =>
    request(sessionSchema, 'POST', '/auth/login', { body: { username, password } }),
  me: () => request(sessionSchema, 'GET', '/auth/me'),
  logout: () => request(okSchema, 'POST', '/auth/logout', { body: {} }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request(okSchema, 'POST', '/auth/password', { body: { currentPassword, newPassword } }),
  setLocale: (locale: Locale) => request(okSchema, 'PUT', '/auth/locale', { body: { locale } }),
};

export const referenceApi = {
  get: () => request(referenceSchema, 'GET', '/reference'),
};

export const enterpriseApi = {
  list: (query: Partial<EnterpriseListQuery>) => request(enterprisePageSchema, 'GET', '/enterprises', { query }),
  get: (id: string) => request(enterpriseDetailSchema, 'GET', `/enterprises/${encodeURIComponent(id)}`),
  create: (body: EnterpriseInput) => request(enterpriseDetailSchema, 'POST', '/enterprises', { body }),
  update: (id: string, body: EnterprisePatch) =>
    request(enterpriseDetailSchema, 'PATCH', `/enterprises/${encodeURIComponent(id)}`, { body }),
};

export const userApi = {
  list: (query: Partial<UserListQuery>) => request(userPageSchema, 'GET', '/users', { query }),
  create: (body: UserCreateBody) => request(userSchema, 'POST', '/users', { body }),
  update: (id: string, body: UserPatchBody) =>
    request(userSchema, 'PATCH', `/users/${encodeURIComponent(id)}`, { body }),
  resetPassword: (id: string, newPassword: string) =>
    request(okSchema, 'POST', `/users/${encodeURIComponent(id)}/reset-password`, { body: { newPassword } }),
  organizations: (query: { kind?: OrgKind; keyword?: string; pageSize?: number }) =>
    request(organizationPageSchema, 'GET', '/organizations', { query }),
};

export const auditApi = {
  list: (query: Partial<AuditListQuery>) => request(auditPageSchema, 'GET', '/audit-events', { query }),
  verify: () => request(auditVerifySchema, 'GET', '/audit-events/verify'),
};

const seg = (id: string) => encodeURIComponent(id);

export const campaignApi = {
  list: (query: Partial<CampaignListQuery>) => request(campaignPageSchema, 'GET', '/campaigns', { query }),
  get: (id: string) => request(campaignDetailSchema, 'GET', `/campaigns/${seg(id)}`),
  create: (body: CampaignInput) => request(campaignDetailSchema, 'POST', '/campaigns', { body }),
  update: (id: string, body: CampaignPatch) => request(campaignDetailSchema, 'PATCH', `/campaigns/${seg(id)}`, { body }),
  publish: (id: string, publishedOn: string) =>
    request(publicationSchema, 'POST', `/campaigns/${seg(id)}/publication`, { body: { publishedOn } }),
};

export const planApi = {
  list: (query: Partial<PlanEntryListQuery>) => request(planEntryPageSchema, 'GET', '/plan-entries', { query }),
  propose: (body: PlanEntryInput) => request(planEntrySchema, 'POST', '/plan-entries', { body }),
  approve: (id: string) => request(planEntrySchema, 'POST', `/plan-entries/${seg(id)}/approve`, { body: {} }),
  reject: (id: string, reason: string) =>
    request(planEntrySchema, 'POST', `/plan-entries/${seg(id)}/reject`, { body: { reason } }),
};

export const roundApi = {
  list: (query: Partial<RoundListQuery>) => request(roundPageSchema, 'GET', '/rounds', { query }),
  get: (id: string) => request(roundDetailSchema, 'GET', `/rounds/${seg(id)}`),
  fire: (id: string, name: TransitionName, body: TransitionBody) =>
    request(roundDetailSchema, 'POST', `/rounds/${seg(id)}/transitions/${name}`, { body }),
  markVoluntary: (id: string, voluntary: boolean) =>
    request(roundDetailSchema, 'PUT', `/rounds/${seg(id)}/voluntary`, { body: { voluntary } }),
};

// --- public portal, result batches, notifications (task D) ---

export const portalApi = {
  filters: () => request(publicFiltersSchema, 'GET', '/public/filters'),
  lists: (query: Partial<PublicListQuery>) => request(publicListPageSchema, 'GET', '/public/lists', { query }),
  results: (query: Partial<PublicResultQuery>) => request(publicResultPageSchema, 'GET', '/public/results', { query }),
  batches: (query: Partial<PublicBatchQuery>) => request(publicBatchPageSchema, 'GET', '/public/batches', { query }),
  round: (id: string) => request(publicRoundSchema, 'GET', `/public/rounds/${seg(id)}`),
};

export const resultBatchApi = {
  list: (query: Partial<ResultBatchListQuery>) => request(resultBatchPageSchema, 'GET', '/result-batches', { query }),
  publish: (body: ResultBatchBody) => request(resultBatchCreatedSchema, 'POST', '/result-batches', { body }),
};

export const notificationApi = {
  list: (query: Partial<NotificationListQuery>) => request(notificationPageSchema, 'GET', '/notifications', { query }),
  unreadCount: () => request(unreadCountSchema, 'GET', '/notifications/unread-count'),
  markRead: (id: string) => request(notificationSchema, 'POST', `/notifications/${seg(id)}/read`, { body: {} }),
  markAllRead: () => request(markedReadSchema, 'POST', '/notifications/read-all', { body: {} }),
};

// --- round material, audit stages, plan imports, work-view counts (task E) ---
export { materialApi, planImportApi, roundCountsApi, roundFileUrl, stageApi } from './materialEndpoints';

// --- evaluation and acceptance material, review opinions (task B) ---
export { applicationApi } from './applicationEndpoints';

// --- options register and option quality rules (task A) ---
export { optionApi, optionRulesApi } from './optionEndpoints';

// --- expert reviews: score sheets, grading rule, panels, scoring (task C) ---
export { reviewApi } from './reviewEndpoints';

// --- deadline reminders: the city's settings, a round's reminder log (task G) ---
export { reminderApi } from './reminderEndpoints';

// --- calendar: agenda, .ics export, subscription address ---
export { calendarApi } from './calendarEndpoints';

// --- e-mail: the outbox (administrators), my e-mail settings (task F) ---
export { mailApi } from './mailEndpoints';
