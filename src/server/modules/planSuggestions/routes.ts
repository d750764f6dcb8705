import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, okSchema } from '../../../shared/contracts/common';
import {
  planSuggestionAcceptBody,
  planSuggestionDismissBody,
  planSuggestionPageSchema,
  planSuggestionParams,
  planSuggestionQuery,
} from '../../../shared/contracts/planSuggestions';
import { planEntrySchema } from '../../../shared/contracts/rounds';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema };

/** 附件4 plan-list suggestions: candidates with their reasons, accepted into plan entries or dismissed. */
export function planSuggestionRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan suggestions'];

    app.get(
      '/api/plan-suggestions',
      {
        config: { access: 'planSuggestion.list' },
        schema: {
          tags,
          summary: 'Suggested plan-list candidates for a year, each with its rules (district: its own; city: all, filter by district)',
          querystring: planSuggestionQuery,
          response: { 200: planSuggestionPageSchema, ...errors },
        },
      },
      (request) => service.listSuggestions(deps.db, actorOf(request), request.query, request.locale),
    );

    app.post(
      '/api/plan-suggestions/:enterpriseId/accept',
      {
        config: { access: 'planSuggestion.decide' },
        schema: {
          tags,
          summary: 'Accept a suggestion: proposes the plan entry with the reasons pre-filled',
          params: planSuggestionParams,
          body: planSuggestionAcceptBody,
          response: { 201: planEntrySchema, ...mutationErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.acceptSuggestion(deps.db, actorOf(request), request.params.enterpriseId, request.body, metaOf(request))),
    );

    app.post(
      '/api/plan-suggestions/:enterpriseId/dismiss',
      {
        config: { access: 'planSuggestion.decide' },
        schema: {
          tags,
          summary: 'Dismiss a suggestion with a reason (not suggested again for that year)',
          params: planSuggestionParams,
          body: planSuggestionDismissBody,
          response: { 200: okSchema, ...mutationErrors },
        },
      },
      (request) => service.dismissSuggestion(deps.db, actorOf(request), request.params.enterpriseId, request.body, metaOf(request)),
    );
  };
}
