import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  campaignDetailSchema,
  campaignInput,
  campaignListQuery,
  campaignPageSchema,
  campaignPatch,
} from '../../../shared/contracts/campaigns';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function campaignRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['campaigns'];

    app.get(
      '/api/campaigns',
      {
        config: { access: 'campaign.read' },
        schema: {
          tags,
          summary: "The city's annual campaigns, newest first",
          querystring: campaignListQuery,
          response: { 200: campaignPageSchema, ...errors },
        },
      },
      (request) => service.listCampaigns(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/campaigns/:id',
      {
        config: { access: 'campaign.read' },
        schema: { tags, summary: 'One campaign with its milestones', params: idParams, response: { 200: campaignDetailSchema, ...errors } },
      },
      (request) => service.getCampaign(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/campaigns',
      {
        config: { access: 'campaign.manage' },
        schema: {
          tags,
          summary: 'Create a campaign (year, notice, deadline rules, key industries, milestones)',
          body: campaignInput,
          response: { 201: campaignDetailSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const created = await service.createCampaign(deps.db, actorOf(request), request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/campaigns/:id',
      {
        config: { access: 'campaign.manage' },
        schema: {
          tags,
          summary: 'Update a campaign (milestones, when given, replace the set)',
          params: idParams,
          body: campaignPatch,
          response: { 200: campaignDetailSchema, ...errors, 409: errorBodySchema },
        },
      },
      (request) => service.updateCampaign(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );
  };
}
