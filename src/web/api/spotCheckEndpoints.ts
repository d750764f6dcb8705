/** Typed calls of spot checks (抽查) and of report-quality detection. */
import {
  checkerCandidatesSchema,
  populationSchema,
  publicSpotCheckDetailSchema,
  publicSpotCheckPageSchema,
  spotCheckDetailSchema,
  spotCheckPageSchema,
  verificationSchema,
  type CheckersInput,
  type FindingInput,
  type PublishInput,
  type SpotCheckInput,
  type SpotCheckListQuery,
} from '../../shared/contracts/spotChecks';
import { agencyQualitySchema, reportSummarySchema, similarTextsSchema } from '../../shared/contracts/similarity';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const spotCheckApi = {
  list: (query: Partial<SpotCheckListQuery>) => request(spotCheckPageSchema, 'GET', '/spot-checks', { query }),
  population: (year: number) => request(populationSchema, 'GET', '/spot-checks/population', { query: { year } }),
  checkerCandidates: (districtCode: string) => request(checkerCandidatesSchema, 'GET', '/spot-checks/checker-candidates', { query: { districtCode } }),
  create: (body: SpotCheckInput) => request(spotCheckDetailSchema, 'POST', '/spot-checks', { body }),
  get: (id: string) => request(spotCheckDetailSchema, 'GET', `/spot-checks/${seg(id)}`),
  draw: (id: string) => request(spotCheckDetailSchema, 'POST', `/spot-checks/${seg(id)}/draw`, { body: {} }),
  verify: (id: string) => request(verificationSchema, 'GET', `/spot-checks/${seg(id)}/verification`),
  assign: (id: string, itemId: string, body: CheckersInput) =>
    request(spotCheckDetailSchema, 'PUT', `/spot-checks/${seg(id)}/items/${seg(itemId)}/checkers`, { body }),
  record: (id: string, itemId: string, body: FindingInput) =>
    request(spotCheckDetailSchema, 'PUT', `/spot-checks/${seg(id)}/items/${seg(itemId)}/finding`, { body }),
  publish: (id: string, body: PublishInput) => request(spotCheckDetailSchema, 'POST', `/spot-checks/${seg(id)}/publication`, { body }),
  noticeUrl: (id: string) => `/api/spot-checks/${seg(id)}/notice`,
  publicList: (page: number, pageSize: number) => request(publicSpotCheckPageSchema, 'GET', '/public/spot-checks', { query: { page, pageSize } }),
  publicGet: (id: string) => request(publicSpotCheckDetailSchema, 'GET', `/public/spot-checks/${seg(id)}`),
  publicNoticeUrl: (id: string) => `/api/public/spot-checks/${seg(id)}/notice`,
};

export const similarityApi = {
  summary: (roundId: string) => request(reportSummarySchema, 'GET', `/rounds/${seg(roundId)}/report-summary`),
  saveSummary: (roundId: string, summary: string) => request(reportSummarySchema, 'PUT', `/rounds/${seg(roundId)}/report-summary`, { body: { summary } }),
  similar: (roundId: string) => request(similarTextsSchema, 'GET', `/rounds/${seg(roundId)}/similar-texts`),
  agencyQuality: (agencyId: string) => request(agencyQualitySchema, 'GET', `/agencies/${seg(agencyId)}/quality`),
};
