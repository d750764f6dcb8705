import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stageCompleteBody, stageParams, stageProgressSchema } from '../../../shared/contracts/auditStages';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './stageService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Progress through the seven audit stages of a round (DOMAIN §4). */
export function stageRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['round material'];

    app.get(
      '/api/rounds/:id/stages',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'The seven audit stages of the round with their completion dates',
          params: idParams,
          response: { 200: stageProgressSchema, ...errors },
        },
      },
      (request) => service.getStages(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/rounds/:id/stages/:stage',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Record the completion of the next audit stage (stages are completed in order)',
          params: stageParams,
          body: stageCompleteBody,
          response: { 200: stageProgressSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) =>
        service.completeStage(deps.db, actorOf(request), request.params.id, request.params.stage, request.body, metaOf(request)),
    );
  };
}
