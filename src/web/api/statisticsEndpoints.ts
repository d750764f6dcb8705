/** Typed wrappers of the statistics routes: the 附件3 table, drill-down, submissions and exports. */
import {
  drillPageSchema,
  submissionOverviewSchema,
  submissionSchema,
  summarySchema,
  type DrillQuery,
  type NarrativeBody,
} from '../../shared/contracts/statistics';
import { request, toQueryString } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const statisticsApi = {
  summary: (year: number) => request(summarySchema, 'GET', '/statistics/summary', { query: { year } }),
  drill: (query: DrillQuery) => request(drillPageSchema, 'GET', '/statistics/summary/drill', { query: { ...query } }),
  overview: (year: number) => request(submissionOverviewSchema, 'GET', '/statistics/submissions', { query: { year } }),
  submission: (year: number, district?: string) =>
    request(submissionSchema, 'GET', '/statistics/submission', { query: { year, district } }),
  saveNarrative: (body: NarrativeBody) => request(submissionSchema, 'PUT', '/statistics/submission/narrative', { body }),
  submit: (year: number) => request(submissionSchema, 'POST', '/statistics/submission/submit', { body: { year } }),
  accept: (id: string, comment: string | null) =>
    request(submissionSchema, 'POST', `/statistics/submissions/${seg(id)}/accept`, { body: { comment } }),
  returnIt: (id: string, comment: string) =>
    request(submissionSchema, 'POST', `/statistics/submissions/${seg(id)}/return`, { body: { comment } }),
  xlsxUrl: (year: number) => `/api/statistics/summary/export.xlsx${toQueryString({ year })}`,
  docxUrl: (year: number) => `/api/statistics/summary/export.docx${toQueryString({ year })}`,
};
