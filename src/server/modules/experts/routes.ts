import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  availabilityInput,
  drawInput,
  drawSettingsSchema,
  drawVerificationSchema,
  expertDetailSchema,
  expertImportCommitBody,
  expertImportReportSchema,
  expertInput,
  expertListQuery,
  expertPageSchema,
  expertProfileInput,
  expertRecordSchema,
  panelDrawSchema,
  replacementDrawInput,
  roundDrawsSchema,
  tieOptionSchema,
  tieOptionsQuery,
  tiesInput,
} from '../../../shared/contracts/experts';
import { xlsxDownloadSchema } from '../../../shared/contracts/planImports';
import type { Db } from '../../db/types';
import { receiveUpload, type FileStore } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import { sendWorkbook } from '../../platform/xlsx';
import * as draws from './drawService';
import * as imports from './importService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema, 422: errorBodySchema };

/** The expert library (city), the expert's own profile, panel draws and their verification. */
export function expertRoutes(deps: { db: Db; files: FileStore }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const library = ['expert library'];
    const own = ['expert profile'];
    const drawTags = ['panel draws'];

    app.get(
      '/api/experts',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "The city's expert library (filters, sort, pages)", querystring: expertListQuery, response: { 200: expertPageSchema, ...errors } },
      },
      (request) => service.listExperts(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/experts',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'Add an expert to the library', body: expertInput, response: { 201: expertDetailSchema, ...mutationErrors } },
      },
      async (request, reply) => reply.status(201).send(await service.createExpert(deps.db, actorOf(request), request.body, metaOf(request))),
    );

    app.get(
      '/api/experts/export.xlsx',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'The library as .xlsx (streamed), or the import template with ?template=1', querystring: z.object({ template: z.enum(['0', '1']).optional() }), response: { 200: xlsxDownloadSchema, ...errors } },
      },
      (request, reply) => sendWorkbook(reply, imports.librarySheet(deps.db, actorOf(request), request.query.template === '1')),
    );

    app.get(
      '/api/experts/:id',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'One expert with availability and ties', params: idParams, response: { 200: expertDetailSchema, ...errors } },
      },
      (request) => service.getExpert(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/experts/:id',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'Edit an expert (status inactive deactivates)', params: idParams, body: expertInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.updateExpert(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.put(
      '/api/experts/:id/availability',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "Replace an expert's unavailable periods", params: idParams, body: availabilityInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.saveAvailability(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.put(
      '/api/experts/:id/ties',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "Replace an expert's declared ties", params: idParams, body: tiesInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.saveTies(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/experts/:id/record',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "An expert's record: reviews, recusals, declines and replacements, ratings", params: idParams, response: { 200: expertRecordSchema, ...errors } },
      },
      (request) => service.getRecord(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/expert-draw-settings',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "The city's recusal settings for draws", response: { 200: drawSettingsSchema, ...errors } },
      },
      (request) => service.getDrawSettings(deps.db, actorOf(request)),
    );

    app.put(
      '/api/expert-draw-settings',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: "Change the city's recusal settings for draws", body: drawSettingsSchema, response: { 200: drawSettingsSchema, ...errors } },
      },
      (request) => service.saveDrawSettings(deps.db, actorOf(request), request.body, metaOf(request)),
    );

    app.post(
      '/api/expert-imports',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'Upload an expert library workbook (.xlsx, multipart "file"); answers the row report', response: { 201: expertImportReportSchema, ...errors, 413: errorBodySchema } },
      },
      async (request, reply) => {
        const report = await imports.uploadImport(deps.db, deps.files, actorOf(request), () => receiveUpload(request, deps.files, ['xlsx']), metaOf(request), request.locale);
        return reply.status(201).send(report);
      },
    );

    app.post(
      '/api/expert-imports/:id/commit',
      {
        config: { access: 'expert.manage' },
        schema: { tags: library, summary: 'Write the valid rows (422 when rows have errors unless onlyValidRows)', params: idParams, body: expertImportCommitBody, response: { 200: expertImportReportSchema, ...mutationErrors } },
      },
      (request) => imports.commitImport(deps.db, actorOf(request), request.params.id, request.body.onlyValidRows, metaOf(request), request.locale),
    );

    app.get(
      '/api/expert-tie-options',
      {
        config: { access: 'signedIn' },
        schema: { tags: own, summary: 'Agencies or enterprises of the city for a declared tie (city users and experts)', querystring: tieOptionsQuery, response: { 200: z.array(tieOptionSchema), ...errors } },
      },
      (request) => service.tieOptions(deps.db, actorOf(request), request.query.kind, request.query.q),
    );

    app.get(
      '/api/me/expert-profile',
      {
        config: { access: 'expert.self' },
        schema: { tags: own, summary: 'My expert profile (404 when the library has none for me)', response: { 200: expertDetailSchema, ...errors } },
      },
      (request) => service.getOwnProfile(deps.db, actorOf(request)),
    );

    app.put(
      '/api/me/expert-profile',
      {
        config: { access: 'expert.self' },
        schema: { tags: own, summary: 'Edit my expert profile', body: expertProfileInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.updateOwnProfile(deps.db, actorOf(request), request.body, metaOf(request)),
    );

    app.put(
      '/api/me/expert-profile/availability',
      {
        config: { access: 'expert.self' },
        schema: { tags: own, summary: 'Replace my unavailable periods', body: availabilityInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.saveAvailability(deps.db, actorOf(request), null, request.body, metaOf(request)),
    );

    app.put(
      '/api/me/expert-profile/ties',
      {
        config: { access: 'expert.self' },
        schema: { tags: own, summary: 'Replace my declared ties', body: tiesInput, response: { 200: expertDetailSchema, ...mutationErrors } },
      },
      (request) => service.saveTies(deps.db, actorOf(request), null, request.body, metaOf(request)),
    );

    app.post(
      '/api/rounds/:id/panel-draws',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: drawTags,
          summary: 'Draw the panel of a round under review at random (seed committed, candidates and exclusions recorded)',
          params: idParams,
          body: drawInput,
          response: { 201: panelDrawSchema, ...mutationErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await draws.drawPanel(deps.db, actorOf(request), request.params.id, request.body, metaOf(request))),
    );

    app.get(
      '/api/rounds/:id/panel-draws',
      {
        config: { access: 'panelDraw.read' },
        schema: { tags: drawTags, summary: "The round's draw records (experts: those of their panels)", params: idParams, response: { 200: roundDrawsSchema, ...errors } },
      },
      (request) => draws.listRoundDraws(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/review-panels/:id/replacement-draws',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: drawTags,
          summary: 'Replace a member who declined (declared a conflict) or has not scored, by a draw from the remaining experts',
          params: idParams,
          body: replacementDrawInput,
          response: { 201: panelDrawSchema, ...mutationErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await draws.drawReplacement(deps.db, actorOf(request), request.params.id, request.body, metaOf(request))),
    );

    app.get(
      '/api/panel-draws/:id',
      {
        config: { access: 'panelDraw.read' },
        schema: { tags: drawTags, summary: 'A draw record (the round in my scope, or my panel)', params: idParams, response: { 200: panelDrawSchema, ...errors } },
      },
      (request) => draws.getDraw(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/panel-draws/:id/verification',
      {
        config: { access: 'panelDraw.read' },
        schema: { tags: drawTags, summary: 'Recompute a draw: the seed matches its hash and the algorithm gives the stored result', params: idParams, response: { 200: drawVerificationSchema, ...errors } },
      },
      (request) => draws.verification(deps.db, actorOf(request), request.params.id),
    );
  };
}
