import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  applicationFileListSchema,
  applicationUploadQuery,
  opinionBody,
  opinionDocumentParams,
  opinionListSchema,
  opinionParams,
  opinionSchema,
} from '../../../shared/contracts/applications';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import { fileDownloadSchema, storedFileSchema } from '../../../shared/contracts/roundMaterial';
import type { Db } from '../../db/types';
import { contentDisposition, receiveUpload, type FileKind, type FileStore } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './applicationService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const KINDS: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Evaluation and acceptance material: files per purpose (transition attachments, evidence, reports),
 * the review opinions (技术审查意见 / 验收意见) and their .docx documents. Files are downloaded through
 * GET /api/rounds/:id/files/:fileId (materialRoutes).
 */
export function applicationRoutes(deps: { db: Db; files: FileStore }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['evaluation and acceptance'];

    app.get(
      '/api/rounds/:id/application-files',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The evaluation/acceptance files and transition attachments of the round, and what I may upload now',
          params: idParams,
          response: { 200: applicationFileListSchema, ...errors },
        },
      },
      (request) => service.listApplicationFiles(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/rounds/:id/application-files',
      {
        config: { access: 'round.application.upload' },
        schema: {
          tags,
          summary: 'Upload a file of the given purpose (multipart; PDF, DOCX, XLSX, PNG or JPEG)',
          params: idParams,
          querystring: applicationUploadQuery,
          response: { 201: storedFileSchema, ...errors, 409: errorBodySchema, 413: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await service.uploadApplicationFile(
          deps.db,
          actorOf(request),
          request.params.id,
          request.query.purpose,
          () => receiveUpload(request, deps.files, KINDS),
          metaOf(request),
        );
        return reply.status(201).send(file);
      },
    );

    app.get(
      '/api/rounds/:id/opinions',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The review opinions of the round (技术审查意见, 验收意见), newest first',
          params: idParams,
          response: { 200: opinionListSchema, ...errors },
        },
      },
      (request) => service.listOpinions(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/opinions/:kind',
      {
        config: { access: 'round.opinion.record' },
        schema: {
          tags,
          summary: "Record or edit the opinion of the round's current review (district, during the review)",
          params: opinionParams,
          body: opinionBody,
          response: { 200: opinionSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) =>
        service.saveOpinion(deps.db, actorOf(request), request.params.id, request.params.kind, request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/opinions/:opinionId/document',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The opinion as a Word document (.docx): 通过评估的函 / 技术审查意见, or 验收意见',
          params: opinionDocumentParams,
          response: { 200: fileDownloadSchema, ...errors },
        },
      },
      async (request, reply) => {
        const doc = await service.opinionDocx(deps.db, actorOf(request), request.params.id, request.params.opinionId);
        return reply
          .header('content-type', DOCX_TYPE)
          .header('content-disposition', contentDisposition(doc.fileName))
          .header('cache-control', 'private, no-store')
          .send(doc.bytes);
      },
    );
  };
}
