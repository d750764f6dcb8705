/** Typed calls of a round's material (disclosure, audit mode, reports, stages), plan imports and work-view counts. */
import { stageProgressSchema, type StageCompleteBody } from '../../shared/contracts/auditStages';
import { planImportReportSchema, type PlanImportCommitBody } from '../../shared/contracts/planImports';
import {
  agencyListSchema,
  disclosureSchema,
  engagementSchema,
  reportListSchema,
  storedFileSchema,
  type AuditModeBody,
  type DisclosureBody,
} from '../../shared/contracts/roundMaterial';
import { roundCountsSchema, roundDetailSchema } from '../../shared/contracts/rounds';
import type { AuditStage } from '../../shared/domain/auditStages';
import { request, toQueryString, uploadFile, type Query } from './client';

const seg = (id: string) => encodeURIComponent(id);

/** The URL a browser link downloads a round's file from (the round's scope is checked by the server). */
export const roundFileUrl = (roundId: string, fileId: string) => `/api/rounds/${seg(roundId)}/files/${seg(fileId)}`;

export const materialApi = {
  disclosure: (id: string) => request(disclosureSchema, 'GET', `/rounds/${seg(id)}/disclosure`),
  saveDisclosure: (id: string, body: DisclosureBody) =>
    request(disclosureSchema, 'PUT', `/rounds/${seg(id)}/disclosure`, { body }),
  uploadAttachment: (id: string, file: File) =>
    uploadFile(storedFileSchema, `/rounds/${seg(id)}/disclosure/attachments`, file, file.name),
  engagement: (id: string) => request(engagementSchema, 'GET', `/rounds/${seg(id)}/engagement`),
  agencies: (id: string) => request(agencyListSchema, 'GET', `/rounds/${seg(id)}/agencies`),
  chooseAuditMode: (id: string, body: AuditModeBody) =>
    request(engagementSchema, 'PUT', `/rounds/${seg(id)}/engagement`, { body }),
  reports: (id: string) => request(reportListSchema, 'GET', `/rounds/${seg(id)}/reports`),
  uploadReport: (id: string, file: File) => uploadFile(reportListSchema, `/rounds/${seg(id)}/reports`, file, file.name),
  publishDisclosure: (id: string) => request(roundDetailSchema, 'POST', `/rounds/${seg(id)}/disclosure/publish`, { body: {} }),
};

export const stageApi = {
  get: (id: string) => request(stageProgressSchema, 'GET', `/rounds/${seg(id)}/stages`),
  complete: (id: string, stage: AuditStage, body: StageCompleteBody) =>
    request(stageProgressSchema, 'POST', `/rounds/${seg(id)}/stages/${stage}`, { body }),
};

export const planImportApi = {
  upload: (file: File, year?: number) =>
    uploadFile(planImportReportSchema, '/plan-imports', file, file.name, year ? { year } : undefined),
  get: (id: string) => request(planImportReportSchema, 'GET', `/plan-imports/${seg(id)}`),
  commit: (id: string, body: PlanImportCommitBody) =>
    request(planImportReportSchema, 'POST', `/plan-imports/${seg(id)}/commit`, { body }),
  discard: (id: string) => request(planImportReportSchema, 'POST', `/plan-imports/${seg(id)}/discard`, { body: {} }),
  /** The 附件4 export of the plan list with the list's filters (a browser download link). */
  exportUrl: (query: Query) => `/api/plan-entries/export.xlsx${toQueryString(query)}`,
};

export const roundCountsApi = {
  get: () => request(roundCountsSchema, 'GET', '/rounds/counts'),
};
