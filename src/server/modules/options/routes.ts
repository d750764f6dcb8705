import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams, okSchema } from '../../../shared/contracts/common';
import {
  baselineBody,
  baselineSchema,
  optionInput,
  optionListQuery,
  optionListSchema,
  optionParams,
  optionProgressBody,
  optionRulesBody,
  optionRulesSchema,
  optionSchema,
} from '../../../shared/contracts/options';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as rules from './rulesService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const writeErrors = { ...errors, 409: errorBodySchema };

/** The options register (清洁生产方案) of a round, its declared baseline, and the city's option quality rules. */
export function optionRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['options'];

    app.get(
      '/api/rounds/:id/options',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: "The round's options with quality warnings, totals of benefits per indicator and the declared baseline",
          params: idParams,
          querystring: optionListQuery,
          response: { 200: optionListSchema, ...errors },
        },
      },
      (request) => service.listRoundOptions(deps.db, actorOf(request), request.params.id, request.query, request.locale),
    );

    app.get(
      '/api/rounds/:id/options/:optionId',
      {
        config: { access: 'round.read' },
        schema: { tags, summary: 'One option of the round', params: optionParams, response: { 200: optionSchema, ...errors } },
      },
      (request) => service.getOption(deps.db, actorOf(request), request.params.id, request.params.optionId),
    );

    app.post(
      '/api/rounds/:id/options',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Register an option (while the enterprise works on the audit or its implementation)',
          params: idParams,
          body: optionInput,
          response: { 201: optionSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const created = await service.createOption(deps.db, actorOf(request), request.params.id, request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/api/rounds/:id/options/:optionId',
      {
        config: { access: 'round.material.edit' },
        schema: { tags, summary: 'Update an option (all fields)', params: optionParams, body: optionInput, response: { 200: optionSchema, ...writeErrors } },
      },
      (request) =>
        service.updateOption(deps.db, actorOf(request), request.params.id, request.params.optionId, request.body, metaOf(request)),
    );

    app.patch(
      '/api/rounds/:id/options/:optionId/progress',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: 'Record the status, actual benefits and actual effective date of an option',
          params: optionParams,
          body: optionProgressBody,
          response: { 200: optionSchema, ...writeErrors },
        },
      },
      (request) =>
        service.recordProgress(deps.db, actorOf(request), request.params.id, request.params.optionId, request.body, metaOf(request)),
    );

    app.delete(
      '/api/rounds/:id/options/:optionId',
      {
        config: { access: 'round.material.edit' },
        schema: { tags, summary: 'Delete an option', params: optionParams, response: { 200: okSchema, ...writeErrors } },
      },
      async (request) => {
        await service.deleteOption(deps.db, actorOf(request), request.params.id, request.params.optionId, metaOf(request));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/rounds/:id/baseline',
      {
        config: { access: 'round.read' },
        schema: { tags, summary: "The round's declared annual consumption", params: idParams, response: { 200: baselineSchema, ...errors } },
      },
      (request) => service.getBaseline(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/baseline',
      {
        config: { access: 'round.material.edit' },
        schema: {
          tags,
          summary: "Save the round's declared annual energy (tce), electricity (万kWh) and water (t) consumption",
          params: idParams,
          body: baselineBody,
          response: { 200: baselineSchema, ...writeErrors },
        },
      },
      (request) => service.saveBaseline(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/option-rules',
      {
        config: { access: 'optionRules.read' },
        schema: { tags, summary: "The city's option quality rules", response: { 200: optionRulesSchema, ...errors } },
      },
      (request) => rules.getRules(deps.db, actorOf(request)),
    );

    app.put(
      '/api/option-rules',
      {
        config: { access: 'optionRules.manage' },
        schema: {
          tags,
          summary: "Replace the city's option quality rules (enabled, parameters)",
          body: optionRulesBody,
          response: { 200: optionRulesSchema, ...errors },
        },
      },
      (request) => rules.saveRules(deps.db, actorOf(request), request.body, metaOf(request)),
    );
  };
}
