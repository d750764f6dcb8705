import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  enterpriseDetailSchema,
  enterpriseInput,
  enterpriseListQuery,
  enterprisePageSchema,
  enterprisePatch,
} from '../../../shared/contracts/enterprises';
import { enterpriseOverviewSchema } from '../../../shared/contracts/enterpriseOverview';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import { enterpriseOverview } from './overviewService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function enterpriseRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['enterprises'];

    app.get(
      '/api/enterprises',
      {
        config: { access: 'enterprise.list' },
        schema: {
          tags,
          summary: 'List enterprises in my scope',
          querystring: enterpriseListQuery,
          response: { 200: enterprisePageSchema, ...errors },
        },
      },
      (request) => service.listEnterprises(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/enterprises/:id',
      {
        config: { access: 'enterprise.read' },
        schema: { tags, summary: 'One enterprise', params: idParams, response: { 200: enterpriseDetailSchema, ...errors } },
      },
      (request) => service.getEnterprise(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/enterprises/:id/overview',
      {
        config: { access: 'enterprise.overview' },
        schema: {
          tags,
          summary: 'The 360° view of one enterprise: rounds, scores, options, cases, credit records, spot checks',
          params: idParams,
          response: { 200: enterpriseOverviewSchema, ...errors },
        },
      },
      (request) => enterpriseOverview(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/enterprises',
      {
        config: { access: 'enterprise.create' },
        schema: {
          tags,
          summary: 'Register an enterprise',
          body: enterpriseInput,
          response: { 201: enterpriseDetailSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const created = await service.createEnterprise(deps.db, actorOf(request), request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/enterprises/:id',
      {
        config: { access: 'enterprise.updateContacts' },
        schema: {
          tags,
          summary: 'Update an enterprise (enterprise users: contact fields only)',
          params: idParams,
          body: enterprisePatch,
          response: { 200: enterpriseDetailSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) =>
        service.updateEnterprise(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );
  };
}
