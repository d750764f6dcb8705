import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import { xlsxDownloadSchema } from '../../../shared/contracts/planImports';
import { fileDownloadSchema } from '../../../shared/contracts/roundMaterial';
import {
  drillPageSchema,
  drillQuery,
  narrativeBody,
  returnBody,
  reviewBody,
  submissionOverviewSchema,
  submissionQuery,
  submissionSchema,
  submitBody,
  summaryQuery,
  summarySchema,
  yearQuery,
} from '../../../shared/contracts/statistics';
import type { Db } from '../../db/types';
import { contentDisposition } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import { sendSummaryXlsx, summaryDocx } from './exportService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 附件3: the annual summary table, its drill-down, the districts' submissions and the official exports. */
export function statisticsRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['statistics'];

    app.get(
      '/api/statistics/summary',
      {
        config: { access: 'statistics.read' },
        schema: {
          tags,
          summary: 'The 附件3 table of a year: one row per district and the city total (a district user: its own row)',
          querystring: summaryQuery,
          response: { 200: summarySchema, ...errors },
        },
      },
      (request) => service.getSummary(deps.db, actorOf(request), request.query, request.locale),
    );

    app.get(
      '/api/statistics/summary/drill',
      {
        config: { access: 'statistics.read' },
        schema: {
          tags,
          summary: 'The rounds or options behind one figure of the table (same predicates as the aggregation), paged',
          querystring: drillQuery,
          response: { 200: drillPageSchema, ...errors },
        },
      },
      (request) => service.drill(deps.db, actorOf(request), request.query, request.locale),
    );

    app.get(
      '/api/statistics/summary/export.xlsx',
      {
        config: { access: 'statistics.export' },
        schema: { tags, summary: '附件3 in the official layout (.xlsx: merged headers, units, narrative, total)', querystring: yearQuery, response: { 200: xlsxDownloadSchema, ...errors } },
      },
      async (request, reply) => sendSummaryXlsx(deps.db, actorOf(request), request.query.year, request.locale, reply),
    );

    app.get(
      '/api/statistics/summary/export.docx',
      {
        config: { access: 'statistics.export' },
        schema: { tags, summary: '附件3 as a Word document (landscape table and the narratives)', querystring: yearQuery, response: { 200: fileDownloadSchema, ...errors } },
      },
      async (request, reply) => {
        const doc = await summaryDocx(deps.db, actorOf(request), request.query.year, request.locale);
        return reply
          .header('content-type', DOCX_TYPE)
          .header('content-disposition', contentDisposition(doc.fileName))
          .header('cache-control', 'private, no-store')
          .send(doc.buffer);
      },
    );

    app.get(
      '/api/statistics/submissions',
      {
        config: { access: 'statistics.read' },
        schema: {
          tags,
          summary: "Every district's submission state for the year and who is overdue against the summary milestone",
          querystring: yearQuery,
          response: { 200: submissionOverviewSchema, ...errors },
        },
      },
      (request) => service.overview(deps.db, actorOf(request), request.query.year, request.locale),
    );

    app.get(
      '/api/statistics/submission',
      {
        config: { access: 'statistics.read' },
        schema: {
          tags,
          summary: "A district's submission: narrative, snapshot, live figures and their difference, history",
          querystring: submissionQuery,
          response: { 200: submissionSchema, ...errors },
        },
      },
      (request) => service.getSubmission(deps.db, actorOf(request), request.query, request.locale),
    );

    app.put(
      '/api/statistics/submission/narrative',
      {
        config: { access: 'statistics.submit' },
        schema: {
          tags,
          summary: "Save my district's narrative (主要做法, 存在问题, 下一步工作) while draft or returned",
          body: narrativeBody,
          response: { 200: submissionSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.saveNarrative(deps.db, actorOf(request), request.body, metaOf(request), request.locale),
    );

    app.post(
      '/api/statistics/submission/submit',
      {
        config: { access: 'statistics.submit' },
        schema: {
          tags,
          summary: "Submit (or resubmit) my district's row: the live figures are frozen as the snapshot",
          body: submitBody,
          response: { 200: submissionSchema, ...errors, 409: errorBodySchema, 422: errorBodySchema },
        },
      },
      (request) => service.submit(deps.db, actorOf(request), request.body, metaOf(request), request.locale),
    );

    app.post(
      '/api/statistics/submissions/:id/accept',
      {
        config: { access: 'statistics.review' },
        schema: { tags, summary: 'Accept a submitted summary', params: idParams, body: reviewBody, response: { 200: submissionSchema, ...errors, 409: errorBodySchema } },
      },
      (request) =>
        service.review(deps.db, actorOf(request), request.params.id, { to: 'accepted', body: request.body }, metaOf(request), request.locale),
    );

    app.post(
      '/api/statistics/submissions/:id/return',
      {
        config: { access: 'statistics.review' },
        schema: { tags, summary: 'Return a submitted summary with a comment', params: idParams, body: returnBody, response: { 200: submissionSchema, ...errors, 409: errorBodySchema } },
      },
      (request) =>
        service.review(deps.db, actorOf(request), request.params.id, { to: 'returned', body: request.body }, metaOf(request), request.locale),
    );
  };
}
