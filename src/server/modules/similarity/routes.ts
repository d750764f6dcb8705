import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import { agencyParams, agencyQualitySchema, reportSummaryInput, reportSummarySchema, similarTextsSchema } from '../../../shared/contracts/similarity';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Report-quality detection: report summaries, near-duplicate texts across rounds, quality per agency. */
export function similarityRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['report quality'];

    app.get(
      '/api/rounds/:id/report-summary',
      {
        config: { access: 'round.read' },
        schema: { tags, summary: 'The summary of the round’s audit report (审核报告摘要)', params: idParams, response: { 200: reportSummarySchema, ...errors } },
      },
      (request) => service.getReportSummary(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/report-summary',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Enter or change the report summary (enterprise or engaged agency, while the audit is worked on)',
          params: idParams,
          body: reportSummaryInput,
          response: { 200: reportSummarySchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.saveReportSummary(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/similar-texts',
      {
        config: { access: 'similarity.read' },
        schema: {
          tags,
          summary: 'Options and report summaries of the round nearly identical to texts of other rounds (MinHash + LSH, exact Jaccard)',
          params: idParams,
          response: { 200: similarTextsSchema, ...errors },
        },
      },
      (request) => service.similarTexts(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/agencies/:id/quality',
      {
        config: { access: 'agencyQuality.read' },
        schema: {
          tags,
          summary: "Option quality warnings of an agency's rounds per rule, and its near-duplicate pairs (bureau scope)",
          params: agencyParams,
          response: { 200: agencyQualitySchema, ...errors },
        },
      },
      (request) => service.agencyQuality(deps.db, actorOf(request), request.params.id),
    );
  };
}
