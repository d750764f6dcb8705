/** Typed calls of the consulting agencies: registry, auditors, rounds, performance, feedback, status, public list. */
import {
  agencyDetailSchema,
  agencyPageSchema,
  agencyPerformanceSchema,
  agencyRoundPageSchema,
  auditorPageSchema,
  auditorSchema,
  feedbackListSchema,
  feedbackSchema,
  publicDishonestPageSchema,
  statusHistorySchema,
  type AgencyInput,
  type AgencyListQuery,
  type AgencyPatch,
  type AgencyRoundsQuery,
  type AuditorInput,
  type AuditorListQuery,
  type AuditorPatch,
  type FeedbackInput,
  type FeedbackQuery,
  type PublicDishonestQuery,
  type StatusChangeInput,
} from '../../shared/contracts/agencies';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const agencyApi = {
  list: (query: Partial<AgencyListQuery>) => request(agencyPageSchema, 'GET', '/agencies', { query }),
  get: (id: string) => request(agencyDetailSchema, 'GET', `/agencies/${seg(id)}`),
  mine: () => request(agencyDetailSchema, 'GET', '/my-agency'),
  create: (body: AgencyInput) => request(agencyDetailSchema, 'POST', '/agencies', { body }),
  update: (id: string, body: AgencyPatch) => request(agencyDetailSchema, 'PATCH', `/agencies/${seg(id)}`, { body }),
  auditors: (id: string, query: Partial<AuditorListQuery>) => request(auditorPageSchema, 'GET', `/agencies/${seg(id)}/auditors`, { query }),
  createAuditor: (id: string, body: AuditorInput) => request(auditorSchema, 'POST', `/agencies/${seg(id)}/auditors`, { body }),
  updateAuditor: (id: string, auditorId: string, body: AuditorPatch) =>
    request(auditorSchema, 'PATCH', `/agencies/${seg(id)}/auditors/${seg(auditorId)}`, { body }),
  rounds: (id: string, query: Partial<AgencyRoundsQuery>) => request(agencyRoundPageSchema, 'GET', `/agencies/${seg(id)}/rounds`, { query }),
  performance: (id: string, year?: number) => request(agencyPerformanceSchema, 'GET', `/agencies/${seg(id)}/performance`, { query: { year } }),
  feedback: (id: string, query: Partial<FeedbackQuery>) => request(feedbackListSchema, 'GET', `/agencies/${seg(id)}/feedback`, { query }),
  saveFeedback: (id: string, roundId: string, body: FeedbackInput) =>
    request(feedbackSchema, 'PUT', `/agencies/${seg(id)}/feedback/${seg(roundId)}`, { body }),
  statusHistory: (id: string) => request(statusHistorySchema, 'GET', `/agencies/${seg(id)}/status-history`),
  changeStatus: (id: string, body: StatusChangeInput) => request(statusHistorySchema, 'POST', `/agencies/${seg(id)}/status`, { body }),
  publicDishonest: (query: Partial<PublicDishonestQuery>) => request(publicDishonestPageSchema, 'GET', '/public/dishonest-agencies', { query }),
};
