import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  roundCountsSchema,
  roundDetailSchema,
  voluntaryBody,
  roundListQuery,
  roundPageSchema,
  transitionBody,
  transitionParams,
} from '../../../shared/contracts/rounds';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import type { FileStore } from '../../platform/files';
import { applicationRoutes } from './applicationRoutes';
import { importRoutes } from './importRoutes';
import { materialRoutes } from './materialRoutes';
import { planRoutes } from './planRoutes';
import { stageRoutes } from './stageRoutes';
import * as service from './service';
import { fireTransition } from './transitions';
import { markVoluntary } from './voluntary';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function roundRoutes(deps: { db: Db; files: FileStore }) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(planRoutes(deps));
    await fastify.register(materialRoutes(deps));
    await fastify.register(importRoutes(deps));
    await fastify.register(stageRoutes(deps));
    await fastify.register(applicationRoutes(deps));
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['rounds'];

    app.get(
      '/api/rounds',
      {
        config: { access: 'round.list' },
        schema: {
          tags,
          summary: 'Audit rounds in my scope, with each next deadline',
          querystring: roundListQuery,
          response: { 200: roundPageSchema, ...errors },
        },
      },
      (request) => service.listRounds(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/rounds/counts',
      {
        config: { access: 'round.list' },
        schema: {
          tags,
          summary: 'Work view: counts of the rounds in my scope per state, overdue, due within 30 days and waiting for me',
          response: { 200: roundCountsSchema, ...errors },
        },
      },
      (request) => service.countRounds(deps.db, actorOf(request)),
    );

    app.get(
      '/api/rounds/:id',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'One audit round with its history and the transitions I may fire',
          params: idParams,
          response: { 200: roundDetailSchema, ...errors },
        },
      },
      (request) => service.getRound(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/rounds/:id/voluntary',
      {
        config: { access: 'round.markVoluntary' },
        schema: {
          tags,
          summary: 'Mark or unmark the round as a voluntary audit (counted apart in the 附件3 table)',
          params: idParams,
          body: voluntaryBody,
          response: { 200: roundDetailSchema, ...errors },
        },
      },
      (request) => markVoluntary(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/rounds/:id/transitions/:name',
      {
        config: { access: 'round.transition' },
        schema: {
          tags,
          summary: 'Fire a transition of the round state machine',
          params: transitionParams,
          body: transitionBody,
          response: { 200: roundDetailSchema, ...errors, 409: errorBodySchema, 422: errorBodySchema },
        },
      },
      (request) =>
        fireTransition(deps.db, actorOf(request), request.params.id, request.params.name, request.body, metaOf(request)),
    );
  };
}
