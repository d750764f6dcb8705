/** Typed calls of a round's evaluation/acceptance material and review opinions (技术审查意见 / 验收意见). */
import {
  applicationFileListSchema,
  opinionListSchema,
  opinionSchema,
  type ApplicationPurpose,
  type OpinionBody,
  type OpinionKind,
} from '../../shared/contracts/applications';
import { storedFileSchema } from '../../shared/contracts/roundMaterial';
import { request, uploadFile } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const applicationApi = {
  files: (id: string) => request(applicationFileListSchema, 'GET', `/rounds/${seg(id)}/application-files`),
  upload: (id: string, purpose: ApplicationPurpose, file: File) =>
    uploadFile(storedFileSchema, `/rounds/${seg(id)}/application-files`, file, file.name, { purpose }),
  opinions: (id: string) => request(opinionListSchema, 'GET', `/rounds/${seg(id)}/opinions`),
  saveOpinion: (id: string, kind: OpinionKind, body: OpinionBody) =>
    request(opinionSchema, 'PUT', `/rounds/${seg(id)}/opinions/${kind}`, { body }),
  /** The URL a browser link downloads the opinion's .docx from. */
  documentUrl: (id: string, opinionId: string) => `/api/rounds/${seg(id)}/opinions/${seg(opinionId)}/document`,
};
