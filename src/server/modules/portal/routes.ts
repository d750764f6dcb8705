import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  publicBatchPageSchema,
  publicBatchQuery,
  publicFiltersSchema,
  publicListPageSchema,
  publicListQuery,
  publicResultPageSchema,
  publicResultQuery,
  publicRoundSchema,
} from '../../../shared/contracts/portal';
import type { Db } from '../../db/types';
import * as service from './service';

const errors = { 400: errorBodySchema, 404: errorBodySchema };

/** The public portal (no sign-in): published annual lists, disclosures, evaluation and acceptance results. */
export function portalRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['public portal'];

    app.get(
      '/api/public/filters',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Years and districts with published lists', response: { 200: publicFiltersSchema, ...errors } },
      },
      () => service.publicFilters(deps.db),
    );

    app.get(
      '/api/public/lists',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published annual lists (附件1 columns), by year and district, searchable by name or credit code',
          querystring: publicListQuery,
          response: { 200: publicListPageSchema, ...errors },
        },
      },
      (request) => service.listPublishedRounds(deps.db, request.query),
    );

    app.get(
      '/api/public/results',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published acceptance results, by year, district and batch',
          querystring: publicResultQuery,
          response: { 200: publicResultPageSchema, ...errors },
        },
      },
      (request) => service.listPublishedResults(deps.db, request.query),
    );

    app.get(
      '/api/public/batches',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published result batches, newest first (optionally of one publication year)',
          querystring: publicBatchQuery,
          response: { 200: publicBatchPageSchema, ...errors },
        },
      },
      (request) => service.listPublishedBatches(deps.db, request.query),
    );

    app.get(
      '/api/public/rounds/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A published round's public page: listing, disclosure, evaluation and acceptance result",
          params: idParams,
          response: { 200: publicRoundSchema, ...errors },
        },
      },
      (request) => service.getPublishedRound(deps.db, request.params.id),
    );
  };
}
