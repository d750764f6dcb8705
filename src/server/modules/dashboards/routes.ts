import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common';
import {
  dashboardQuery,
  dashboardSchema,
  openDataCatalogSchema,
  openDataFileSchema,
  openDataParams,
  type OpenFormat,
} from '../../../shared/contracts/dashboards';
import type { Db } from '../../db/types';
import { actorOf } from '../../platform/http';
import { openDataCatalog, sendDataset } from './openDataService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Dashboards (统计分析 / 数据看板) for the city and district bureaus, and the public open data downloads. */
export function dashboardRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/dashboards/overview',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['dashboards'],
          summary:
            "The dashboard of the caller's city or district: rounds by state, district and progress, overdue and due soon, milestones, trends and realised benefits",
          querystring: dashboardQuery,
          response: { 200: dashboardSchema, ...errors },
        },
      },
      (request) => service.overview(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/public/open-data',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public portal'],
          summary: 'Open data: the published datasets per year (annual lists, acceptance results) with their stable columns',
          response: { 200: openDataCatalogSchema, ...errors },
        },
      },
      () => openDataCatalog(deps.db),
    );

    app.get(
      '/api/public/open-data/:dataset/:file',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public portal'],
          summary:
            'Open data download: `lists/<year>.csv|json` (published 附件1 of a listing year) or `results/<year>.csv|json` (acceptance results published in a year); CSV in UTF-8 with BOM',
          params: openDataParams,
          response: { 200: openDataFileSchema, ...errors },
        },
      },
      (request, reply) => {
        const [year, format] = request.params.file.split('.') as [string, OpenFormat];
        return sendDataset(reply, deps.db, request.params.dataset, Number(year), format);
      },
    );
  };
}
