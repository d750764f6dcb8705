import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common';
import {
  resultBatchBody,
  resultBatchCreatedSchema,
  resultBatchListQuery,
  resultBatchPageSchema,
} from '../../../shared/contracts/resultBatches';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './resultBatchService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Batches of published acceptance results (the city). */
export function resultBatchRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['result batches'];

    app.get(
      '/api/result-batches',
      {
        config: { access: 'result.publish' },
        schema: {
          tags,
          summary: "The city's published result batches, newest first",
          querystring: resultBatchListQuery,
          response: { 200: resultBatchPageSchema, ...errors },
        },
      },
      (request) => service.listResultBatches(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/result-batches',
      {
        config: { access: 'result.publish' },
        schema: {
          tags,
          summary: 'Publish accepted rounds as one batch of results (each round: accepted → closed)',
          body: resultBatchBody,
          response: { 201: resultBatchCreatedSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const created = await service.publishResultBatch(deps.db, actorOf(request), request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );
  };
}
