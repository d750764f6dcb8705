/** Typed wrappers of the enforcement, credit and 附件4 suggestion routes. */
import { okSchema } from '../../shared/contracts/common';
import {
  casePageSchema,
  caseSchema,
  creditPageSchema,
  disclosureScopePageSchema,
  disclosureScopeSchema,
  stepConfirmResult,
  stepSuggestionPageSchema,
  type CaseInput,
  type CaseListQuery,
  type CreditFeedQuery,
  type CreditListQuery,
  type DisclosureScopeBody,
  type DisclosureScopeQuery,
  type StepSuggestionQuery,
} from '../../shared/contracts/enforcement';
import { planSuggestionPageSchema, type PlanSuggestionQuery } from '../../shared/contracts/planSuggestions';
import { planEntrySchema } from '../../shared/contracts/rounds';
import type { EnforcementStep } from '../../shared/domain/enforcement';
import { request, toQueryString } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const caseApi = {
  list: (query: Partial<CaseListQuery>) => request(casePageSchema, 'GET', '/enforcement-cases', { query }),
  get: (id: string) => request(caseSchema, 'GET', `/enforcement-cases/${seg(id)}`),
  create: (body: CaseInput) => request(caseSchema, 'POST', '/enforcement-cases', { body }),
  update: (id: string, body: CaseInput & { expectedVersion: number }) => request(caseSchema, 'PUT', `/enforcement-cases/${seg(id)}`, { body }),
  decide: (id: string, body: { decisionNo: string; decidedOn: string; expectedVersion: number }) =>
    request(caseSchema, 'POST', `/enforcement-cases/${seg(id)}/decision`, { body }),
  close: (id: string, body: { closedOn: string; note: string | null; expectedVersion: number }) =>
    request(caseSchema, 'POST', `/enforcement-cases/${seg(id)}/closure`, { body }),
};

export const stepApi = {
  list: (query: Partial<StepSuggestionQuery>) => request(stepSuggestionPageSchema, 'GET', '/enforcement-suggestions', { query }),
  confirm: (roundId: string, step: EnforcementStep) =>
    request(stepConfirmResult, 'POST', `/enforcement-suggestions/${seg(roundId)}/${step}/confirm`, { body: {} }),
  dismiss: (roundId: string, step: EnforcementStep, reason: string) =>
    request(okSchema, 'POST', `/enforcement-suggestions/${seg(roundId)}/${step}/dismiss`, { body: { reason } }),
};

export const creditApi = {
  list: (query: Partial<CreditListQuery>) => request(creditPageSchema, 'GET', '/credit-records', { query }),
  feedUrl: (format: 'xlsx' | 'csv', query: CreditFeedQuery) =>
    `/api/credit-records/feed.${format}${toQueryString({ from: query.from, to: query.to, districtCode: query.districtCode, kind: query.kind })}`,
  scope: (query: Partial<DisclosureScopeQuery>) =>
    request(disclosureScopePageSchema, 'GET', '/disclosure-scope', { query: { ...query, inScope: query.inScope === undefined ? undefined : String(query.inScope) } }),
  setScope: (enterpriseId: string, body: DisclosureScopeBody) => request(disclosureScopeSchema, 'PUT', `/disclosure-scope/${seg(enterpriseId)}`, { body }),
};

export const planSuggestionApi = {
  list: (query: Partial<PlanSuggestionQuery>) => request(planSuggestionPageSchema, 'GET', '/plan-suggestions', { query }),
  accept: (enterpriseId: string, year: number) =>
    request(planEntrySchema, 'POST', `/plan-suggestions/${seg(enterpriseId)}/accept`, { body: { year } }),
  dismiss: (enterpriseId: string, year: number, reason: string) =>
    request(okSchema, 'POST', `/plan-suggestions/${seg(enterpriseId)}/dismiss`, { body: { year, reason } }),
};
