import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, idParams, okSchema } from '../../../shared/contracts/common';
import {
  caseCloseBody,
  caseDecideBody,
  caseInput,
  caseListQuery,
  casePageSchema,
  caseSchema,
  creditFeedQuery,
  creditListQuery,
  creditPageSchema,
  disclosureScopeBody,
  disclosureScopePageSchema,
  disclosureScopeQuery,
  disclosureScopeSchema,
  enterpriseParams,
  stepConfirmResult,
  stepDismissBody,
  stepParams,
  stepSuggestionPageSchema,
  stepSuggestionQuery,
} from '../../../shared/contracts/enforcement';
import { xlsxDownloadSchema } from '../../../shared/contracts/planImports';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import { sendWorkbook } from '../../platform/xlsx';
import * as creditService from './creditService';
import * as service from './service';
import * as stepService from './stepService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema, 422: errorBodySchema };
const csvDownloadSchema = z.unknown().describe('A CSV file (UTF-8 with BOM), streamed, with a Content-Disposition file name');

/** Enforcement cases, the suggested statutory steps, credit records and the credit feed, the disclosure scope. */
export function enforcementRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const cases = ['enforcement'];
    const credit = ['credit'];

    app.get(
      '/api/enforcement-cases',
      {
        config: { access: 'enforcement.read' },
        schema: { tags: cases, summary: 'Enforcement cases in my scope (filters: district, violation type, status, year)', querystring: caseListQuery, response: { 200: casePageSchema, ...errors } },
      },
      (request) => service.listCases(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/enforcement-cases',
      {
        config: { access: 'enforcement.manage' },
        schema: { tags: cases, summary: 'Record a case against an enterprise of my district (status open)', body: caseInput, response: { 201: caseSchema, ...mutationErrors } },
      },
      async (request, reply) => reply.status(201).send(await service.createCase(deps.db, actorOf(request), request.body, metaOf(request))),
    );

    app.get(
      '/api/enforcement-cases/:id',
      {
        config: { access: 'enforcement.read' },
        schema: { tags: cases, summary: 'One enforcement case', params: idParams, response: { 200: caseSchema, ...errors } },
      },
      (request) => service.getCase(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/enforcement-cases/:id',
      {
        config: { access: 'enforcement.manage' },
        schema: {
          tags: cases,
          summary: 'Edit an open case',
          params: idParams,
          body: caseInput.extend({ expectedVersion: z.number().int().min(1) }),
          response: { 200: caseSchema, ...mutationErrors },
        },
      },
      (request) => service.updateCase(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/enforcement-cases/:id/decision',
      {
        config: { access: 'enforcement.manage' },
        schema: {
          tags: cases,
          summary: 'Decide a case: writes the credit record (and the disclosure-scope mark for a penalty) in the same transaction',
          params: idParams,
          body: caseDecideBody,
          response: { 200: caseSchema, ...mutationErrors },
        },
      },
      (request) => service.decideCase(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/enforcement-cases/:id/closure',
      {
        config: { access: 'enforcement.manage' },
        schema: { tags: cases, summary: 'Close a decided case', params: idParams, body: caseCloseBody, response: { 200: caseSchema, ...mutationErrors } },
      },
      (request) => service.closeCase(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/enforcement-suggestions',
      {
        config: { access: 'enforcement.read' },
        schema: {
          tags: cases,
          summary: 'Overdue rounds with the suggested statutory step (order to correct → penalty → rollover)',
          querystring: stepSuggestionQuery,
          response: { 200: stepSuggestionPageSchema, ...errors },
        },
      },
      (request) => stepService.listStepSuggestions(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/enforcement-suggestions/:roundId/:step/confirm',
      {
        config: { access: 'enforcement.manage' },
        schema: {
          tags: cases,
          summary: 'Confirm a suggested step: creates the pre-filled case draft, or rolls the round over',
          params: stepParams,
          response: { 200: stepConfirmResult, ...mutationErrors },
        },
      },
      (request) => stepService.confirmStep(deps.db, actorOf(request), request.params.roundId, request.params.step, metaOf(request)),
    );

    app.post(
      '/api/enforcement-suggestions/:roundId/:step/dismiss',
      {
        config: { access: 'enforcement.manage' },
        schema: {
          tags: cases,
          summary: 'Dismiss a suggested step with a reason (recorded; not suggested again for the round)',
          params: stepParams,
          body: stepDismissBody,
          response: { 200: okSchema, ...mutationErrors },
        },
      },
      (request) => stepService.dismissStep(deps.db, actorOf(request), request.params.roundId, request.params.step, request.body, metaOf(request)),
    );

    app.get(
      '/api/credit-records',
      {
        config: { access: 'credit.read' },
        schema: { tags: credit, summary: 'Credit records in my scope', querystring: creditListQuery, response: { 200: creditPageSchema, ...errors } },
      },
      (request) => creditService.listCreditRecords(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/credit-records/feed.xlsx',
      {
        config: { access: 'credit.export' },
        schema: { tags: credit, summary: 'The credit feed of a period as .xlsx (streamed; stable column names)', querystring: creditFeedQuery, response: { 200: xlsxDownloadSchema, ...errors } },
      },
      (request, reply) => sendWorkbook(reply, creditService.creditFeedSheet(deps.db, actorOf(request), request.query)),
    );

    app.get(
      '/api/credit-records/feed.csv',
      {
        config: { access: 'credit.export' },
        schema: { tags: credit, summary: 'The credit feed of a period as CSV (streamed; stable column names)', querystring: creditFeedQuery, response: { 200: csvDownloadSchema, ...errors } },
      },
      (request, reply) => creditService.sendCreditFeedCsv(reply, deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/disclosure-scope',
      {
        config: { access: 'disclosureScope.read' },
        schema: { tags: credit, summary: 'Mandatory environmental-information disclosure scope marks', querystring: disclosureScopeQuery, response: { 200: disclosureScopePageSchema, ...errors } },
      },
      (request) => creditService.listDisclosureScope(deps.db, actorOf(request), request.query),
    );

    app.put(
      '/api/disclosure-scope/:enterpriseId',
      {
        config: { access: 'disclosureScope.manage' },
        schema: {
          tags: credit,
          summary: "Set or clear an enterprise's disclosure-scope mark",
          params: enterpriseParams,
          body: disclosureScopeBody,
          response: { 200: disclosureScopeSchema, ...mutationErrors },
        },
      },
      (request) => creditService.setDisclosureScope(deps.db, actorOf(request), request.params.enterpriseId, request.body, metaOf(request)),
    );
  };
}
