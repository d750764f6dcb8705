import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  planEntryExportQuery,
  planImportCommitBody,
  planImportReportSchema,
  planImportUploadQuery,
  xlsxDownloadSchema,
} from '../../../shared/contracts/planImports';
import type { Db } from '../../db/types';
import { receiveUpload, type FileStore } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import { sendWorkbook } from '../../platform/xlsx';
import * as exportService from './exportService';
import * as service from './importService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Excel import of plan lists (附件4 / 附件1) and the .xlsx exports (附件4, 附件1, 附件2). */
export function importRoutes(deps: { db: Db; files: FileStore }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan imports and exports'];

    app.post(
      '/api/plan-imports',
      {
        config: { access: 'planEntry.import' },
        schema: {
          tags,
          summary: 'Upload a 附件4 plan list or a 附件1 annual list (.xlsx, multipart "file"); answers the row-by-row report',
          querystring: planImportUploadQuery,
          response: { 201: planImportReportSchema, ...errors, 413: errorBodySchema },
        },
      },
      async (request, reply) => {
        const report = await service.uploadPlanImport(
          deps.db,
          deps.files,
          actorOf(request),
          () => receiveUpload(request, deps.files, ['xlsx']),
          request.query,
          metaOf(request),
          request.locale,
        );
        return reply.status(201).send(report);
      },
    );

    app.get(
      '/api/plan-imports/:id',
      {
        config: { access: 'planEntry.import' },
        schema: {
          tags,
          summary: 'The row-by-row report of an import',
          params: idParams,
          response: { 200: planImportReportSchema, ...errors },
        },
      },
      (request) => service.getPlanImport(deps.db, actorOf(request), request.params.id, request.locale),
    );

    app.post(
      '/api/plan-imports/:id/commit',
      {
        config: { access: 'planEntry.import' },
        schema: {
          tags,
          summary: 'Write the import in one transaction (422 when rows have errors, unless onlyValidRows)',
          params: idParams,
          body: planImportCommitBody,
          response: { 200: planImportReportSchema, ...errors, 409: errorBodySchema, 422: errorBodySchema },
        },
      },
      (request) =>
        service.commitPlanImport(deps.db, actorOf(request), request.params.id, request.body, metaOf(request), request.locale),
    );

    app.post(
      '/api/plan-imports/:id/discard',
      {
        config: { access: 'planEntry.import' },
        schema: {
          tags,
          summary: 'Discard an uploaded import (nothing is written)',
          params: idParams,
          response: { 200: planImportReportSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.discardPlanImport(deps.db, actorOf(request), request.params.id, metaOf(request), request.locale),
    );

    app.get(
      '/api/plan-entries/export.xlsx',
      {
        config: { access: 'planEntry.export' },
        schema: {
          tags,
          summary: 'Plan entries in my scope as 附件4 (.xlsx, streamed; the filters of the list)',
          querystring: planEntryExportQuery,
          response: { 200: xlsxDownloadSchema, ...errors },
        },
      },
      (request, reply) => sendWorkbook(reply, exportService.planEntriesSheet(deps.db, actorOf(request), request.query)),
    );

    app.get(
      '/api/campaigns/:id/list.xlsx',
      {
        config: { access: 'list.export' },
        schema: {
          tags,
          summary: "The campaign's published annual list in my scope as 附件1 (.xlsx, streamed)",
          params: idParams,
          response: { 200: xlsxDownloadSchema, ...errors },
        },
      },
      async (request, reply) =>
        sendWorkbook(reply, await exportService.campaignListSheet(deps.db, actorOf(request), request.params.id)),
    );

    app.get(
      '/api/rounds/backlog.xlsx',
      {
        config: { access: 'round.backlogExport' },
        schema: {
          tags,
          summary: 'Rounds listed in earlier years and not yet accepted, in my scope, as 附件2 (.xlsx, streamed)',
          response: { 200: xlsxDownloadSchema, ...errors },
        },
      },
      (request, reply) => sendWorkbook(reply, exportService.backlogSheet(deps.db, actorOf(request))),
    );
  };
}
