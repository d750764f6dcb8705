import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  planEntryInput,
  planEntryListQuery,
  planEntryPageSchema,
  planEntryRejectBody,
  planEntrySchema,
  publicationBody,
  publicationSchema,
} from '../../../shared/contracts/rounds';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './planService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Plan lists (附件4) proposed by districts, reviewed by the city, and the publication of the annual list. */
export function planRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan lists'];

    app.get(
      '/api/plan-entries',
      {
        config: { access: 'planEntry.list' },
        schema: {
          tags,
          summary: 'Plan entries in my scope',
          querystring: planEntryListQuery,
          response: { 200: planEntryPageSchema, ...errors },
        },
      },
      (request) => service.listPlanEntries(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/plan-entries',
      {
        config: { access: 'planEntry.propose' },
        schema: {
          tags,
          summary: 'Propose an enterprise for a planned audit year',
          body: planEntryInput,
          response: { 201: planEntrySchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const created = await service.proposePlanEntry(deps.db, actorOf(request), request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/plan-entries/:id/approve',
      {
        config: { access: 'planEntry.review' },
        schema: {
          tags,
          summary: 'Approve a proposed entry (核定纳入)',
          params: idParams,
          response: { 200: planEntrySchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.approvePlanEntry(deps.db, actorOf(request), request.params.id, metaOf(request)),
    );

    app.post(
      '/api/plan-entries/:id/reject',
      {
        config: { access: 'planEntry.review' },
        schema: {
          tags,
          summary: 'Reject an entry with a reason (不予纳入)',
          params: idParams,
          body: planEntryRejectBody,
          response: { 200: planEntrySchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.rejectPlanEntry(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/campaigns/:id/publication',
      {
        config: { access: 'list.publish' },
        schema: {
          tags,
          summary: "Publish the campaign's annual list: every approved entry becomes a listed round",
          params: idParams,
          body: publicationBody,
          response: { 200: publicationSchema, ...errors, 409: errorBodySchema, 422: errorBodySchema },
        },
      },
      (request) =>
        service.publishList(deps.db, actorOf(request), request.params.id, request.body.publishedOn, metaOf(request)),
    );
  };
}
