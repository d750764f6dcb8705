import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agencyDetailSchema,
  agencyInput,
  agencyListQuery,
  agencyPageSchema,
  agencyPatch,
  agencyPerformanceQuery,
  agencyPerformanceSchema,
  agencyRoundPageSchema,
  agencyRoundsQuery,
  auditorInput,
  auditorListQuery,
  auditorPageSchema,
  auditorParams,
  auditorPatch,
  auditorSchema,
  feedbackInput,
  feedbackListSchema,
  feedbackParams,
  feedbackQuery,
  feedbackSchema,
  publicDishonestPageSchema,
  publicDishonestQuery,
  statusChangeInput,
  statusHistorySchema,
} from '../../../shared/contracts/agencies';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as records from './recordService';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema };

/** Consulting agencies: registry, auditors, rounds served, performance, district feedback, status; public dishonesty list. */
export function agencyRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['consulting agencies'];

    app.get(
      '/api/agencies',
      {
        config: { access: 'agency.list' },
        schema: {
          tags,
          summary: "The city's consulting agencies with their performance figures (optionally of one listing year)",
          querystring: agencyListQuery,
          response: { 200: agencyPageSchema, ...errors },
        },
      },
      (request) => service.listAgencies(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/agencies',
      {
        config: { access: 'agency.manage' },
        schema: { tags, summary: 'Register a consulting agency (creates its organisation)', body: agencyInput, response: { 201: agencyDetailSchema, ...mutationErrors } },
      },
      async (request, reply) => {
        const created = await service.createAgency(deps.db, actorOf(request), request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/my-agency',
      {
        config: { access: 'agency.self' },
        schema: { tags, summary: "The signed-in agency user's own agency", response: { 200: agencyDetailSchema, ...errors } },
      },
      (request) => service.myAgency(deps.db, actorOf(request)),
    );

    app.get(
      '/api/agencies/:id',
      {
        config: { access: 'agency.read' },
        schema: { tags, summary: 'One consulting agency', params: idParams, response: { 200: agencyDetailSchema, ...errors } },
      },
      (request) => service.getAgency(deps.db, actorOf(request), request.params.id),
    );

    app.patch(
      '/api/agencies/:id',
      {
        config: { access: 'agency.maintain' },
        schema: {
          tags,
          summary: 'Update an agency (agency users: contact fields only)',
          params: idParams,
          body: agencyPatch,
          response: { 200: agencyDetailSchema, ...mutationErrors },
        },
      },
      (request) => service.updateAgency(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/agencies/:id/auditors',
      {
        config: { access: 'agency.read' },
        schema: { tags, summary: "The agency's auditors", params: idParams, querystring: auditorListQuery, response: { 200: auditorPageSchema, ...errors } },
      },
      (request) => records.listAuditors(deps.db, actorOf(request), request.params.id, request.query),
    );

    app.post(
      '/api/agencies/:id/auditors',
      {
        config: { access: 'agency.maintain' },
        schema: { tags, summary: 'Register an auditor of the agency', params: idParams, body: auditorInput, response: { 201: auditorSchema, ...mutationErrors } },
      },
      async (request, reply) => {
        const created = await records.createAuditor(deps.db, actorOf(request), request.params.id, request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/agencies/:id/auditors/:auditorId',
      {
        config: { access: 'agency.maintain' },
        schema: { tags, summary: 'Update an auditor (or mark inactive)', params: auditorParams, body: auditorPatch, response: { 200: auditorSchema, ...mutationErrors } },
      },
      (request) =>
        records.updateAuditor(deps.db, actorOf(request), request.params.id, request.params.auditorId, request.body, metaOf(request)),
    );

    app.get(
      '/api/agencies/:id/rounds',
      {
        config: { access: 'agency.read' },
        schema: {
          tags,
          summary: "The rounds the agency was engaged on (in the caller's round scope)",
          params: idParams,
          querystring: agencyRoundsQuery,
          response: { 200: agencyRoundPageSchema, ...errors },
        },
      },
      (request) => service.agencyRounds(deps.db, actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/agencies/:id/performance',
      {
        config: { access: 'agency.read' },
        schema: {
          tags,
          summary: "The agency's performance record computed from round outcomes, per listing year and in total",
          params: idParams,
          querystring: agencyPerformanceQuery,
          response: { 200: agencyPerformanceSchema, ...errors },
        },
      },
      (request) => service.agencyPerformance(deps.db, actorOf(request), request.params.id, request.query.year),
    );

    app.get(
      '/api/agencies/:id/feedback',
      {
        config: { access: 'agency.read' },
        schema: { tags, summary: "Districts' ratings of the agency's service, with the average", params: idParams, querystring: feedbackQuery, response: { 200: feedbackListSchema, ...errors } },
      },
      (request) => records.listFeedback(deps.db, actorOf(request), request.params.id, request.query),
    );

    app.put(
      '/api/agencies/:id/feedback/:roundId',
      {
        config: { access: 'agency.feedback' },
        schema: {
          tags,
          summary: "A district rates the agency's service on a round of its district (1–5 and a comment; editable)",
          params: feedbackParams,
          body: feedbackInput,
          response: { 200: feedbackSchema, ...mutationErrors },
        },
      },
      (request) =>
        records.saveFeedback(deps.db, actorOf(request), request.params.id, request.params.roundId, request.body, metaOf(request)),
    );

    app.get(
      '/api/agencies/:id/status-history',
      {
        config: { access: 'agency.read' },
        schema: { tags, summary: "The city's status decisions on the agency, newest first", params: idParams, response: { 200: statusHistorySchema, ...errors } },
      },
      (request) => records.statusHistory(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/agencies/:id/status',
      {
        config: { access: 'agency.manage' },
        schema: {
          tags,
          summary: 'Decide the agency status: normal, warned or dishonesty list (reason, decision number, date)',
          params: idParams,
          body: statusChangeInput,
          response: { 200: statusHistorySchema, ...mutationErrors },
        },
      },
      (request) => records.changeStatus(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/public/dishonest-agencies',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public portal'],
          summary: 'The dishonesty list (失信名单) of consulting agencies: name, credit code, reason, decision, date',
          querystring: publicDishonestQuery,
          response: { 200: publicDishonestPageSchema, 400: errorBodySchema },
        },
      },
      (request) => records.publicDishonestList(deps.db, request.query),
    );
  };
}
