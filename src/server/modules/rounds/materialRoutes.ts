import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  agencyListSchema,
  auditModeBody,
  disclosureBody,
  disclosureSchema,
  engagementSchema,
  fileDownloadSchema,
  reportListSchema,
  roundFileParams,
  storedFileSchema,
} from '../../../shared/contracts/roundMaterial';
import { roundDetailSchema } from '../../../shared/contracts/rounds';
import type { Db } from '../../db/types';
import { receiveUpload, sendStoredFile, type FileKind, type FileStore } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './materialService';
import { fireTransition } from './transitions';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const uploadErrors = { ...errors, 409: errorBodySchema, 413: errorBodySchema };

const ATTACHMENT_KINDS: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];
const REPORT_KINDS: readonly FileKind[] = ['pdf', 'docx'];

/**
 * A round's material: attachments (downloaded only through the round's scope), the disclosure (信息公开),
 * the audit mode / agency engagement and the audit report versions.
 */
export function materialRoutes(deps: { db: Db; files: FileStore }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['round material'];

    app.get(
      '/api/rounds/:id/files/:fileId',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'Download a file of the round',
          params: roundFileParams,
          response: { 200: fileDownloadSchema, ...errors },
        },
      },
      async (request, reply) => {
        const file = await service.roundFile(deps.db, actorOf(request), request.params.id, request.params.fileId);
        return sendStoredFile(reply, deps.files, file);
      },
    );

    app.get(
      '/api/rounds/:id/disclosure',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The disclosure (信息公开) of the round, with the items its listing reasons require',
          params: idParams,
          response: { 200: disclosureSchema, ...errors },
        },
      },
      (request) => service.getDisclosure(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/disclosure',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Save the disclosure draft',
          params: idParams,
          body: disclosureBody,
          response: { 200: disclosureSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.saveDisclosure(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/rounds/:id/disclosure/attachments',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Upload a disclosure attachment (multipart; PDF, DOCX, XLSX, PNG or JPEG)',
          params: idParams,
          response: { 201: storedFileSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const file = await service.uploadDisclosureAttachment(
          deps.db,
          actorOf(request),
          request.params.id,
          () => receiveUpload(request, deps.files, ATTACHMENT_KINDS),
          metaOf(request),
        );
        return reply.status(201).send(file);
      },
    );

    app.post(
      '/api/rounds/:id/disclosure/publish',
      {
        config: { access: 'round.transition' },
        schema: {
          tags,
          summary: 'Publish the disclosure: fires the "disclose" transition (every required item must be filled)',
          params: idParams,
          response: { 200: roundDetailSchema, ...errors, 409: errorBodySchema, 422: errorBodySchema },
        },
      },
      (request) =>
        fireTransition(deps.db, actorOf(request), request.params.id, 'disclose', { expectedState: 'notified' }, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/engagement',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The audit mode of the round and its engaged agency',
          params: idParams,
          response: { 200: engagementSchema, ...errors },
        },
      },
      (request) => service.getEngagement(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/rounds/:id/agencies',
      {
        config: { access: 'round.engage' },
        schema: {
          tags,
          summary: 'The consulting agencies the enterprise may engage for this round',
          params: idParams,
          response: { 200: agencyListSchema, ...errors },
        },
      },
      (request) => service.agenciesFor(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/engagement',
      {
        config: { access: 'round.engage' },
        schema: {
          tags,
          summary: 'Declare a self-audit or engage a consulting agency',
          params: idParams,
          body: auditModeBody,
          response: { 200: engagementSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.chooseAuditMode(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/reports',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The audit report versions of the round, newest first',
          params: idParams,
          response: { 200: reportListSchema, ...errors },
        },
      },
      (request) => service.listReports(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/rounds/:id/reports',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Upload a new version of the audit report (multipart; PDF or DOCX)',
          params: idParams,
          response: { 201: reportListSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const list = await service.uploadReport(
          deps.db,
          actorOf(request),
          request.params.id,
          () => receiveUpload(request, deps.files, REPORT_KINDS),
          metaOf(request),
        );
        return reply.status(201).send(list);
      },
    );
  };
}
