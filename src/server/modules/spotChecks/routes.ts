import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common';
import { fileDownloadSchema } from '../../../shared/contracts/roundMaterial';
import {
  checkerCandidatesQuery,
  checkerCandidatesSchema,
  checkersInput,
  findingInput,
  openCaseInput,
  openCaseResultSchema,
  populationQuery,
  populationSchema,
  publicSpotCheckDetailSchema,
  publicSpotCheckPageSchema,
  publicSpotCheckQuery,
  publishInput,
  spotCheckDetailSchema,
  spotCheckInput,
  spotCheckItemParams,
  spotCheckListQuery,
  spotCheckPageSchema,
  spotCheckParams,
  verificationSchema,
} from '../../../shared/contracts/spotChecks';
import type { Db } from '../../db/types';
import { contentDisposition } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema, 422: errorBodySchema };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sendDocx = (reply: FastifyReply, doc: { bytes: Buffer; fileName: string }, cache: string) =>
  reply
    .header('content-type', DOCX_TYPE)
    .header('content-disposition', contentDisposition(doc.fileName))
    .header('cache-control', cache)
    .send(doc.bytes);

/** Spot checks (抽查): the city's sample of last year's accepted audits, findings, the results notice, the portal. */
export function spotCheckRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['spot checks'];

    app.get(
      '/api/spot-checks',
      {
        config: { access: 'spotCheck.read' },
        schema: { tags, summary: 'Spot checks in scope (a district: those sampling its rounds)', querystring: spotCheckListQuery, response: { 200: spotCheckPageSchema, ...errors } },
      },
      (request) => service.listSpotChecks(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/spot-checks/population',
      {
        config: { access: 'spotCheck.manage' },
        schema: { tags, summary: 'The rounds accepted in a year, per district (the population to sample)', querystring: populationQuery, response: { 200: populationSchema, ...errors } },
      },
      (request) => service.population(deps.db, actorOf(request), request.query.year),
    );

    app.get(
      '/api/spot-checks/checker-candidates',
      {
        config: { access: 'spotCheck.manage' },
        schema: { tags, summary: 'Bureau users who may be named checkers (city staff, and the district bureau when given)', querystring: checkerCandidatesQuery, response: { 200: checkerCandidatesSchema, ...errors } },
      },
      (request) => service.checkerCandidates(deps.db, actorOf(request), request.query.districtCode),
    );

    app.post(
      '/api/spot-checks',
      {
        config: { access: 'spotCheck.manage' },
        schema: {
          tags,
          summary: 'Create a spot check: records the population and the seed commitment (SHA-256); the seed stays hidden until the draw',
          body: spotCheckInput,
          response: { 201: spotCheckDetailSchema, ...mutationErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createSpotCheck(deps.db, actorOf(request), request.body, metaOf(request))),
    );

    app.get(
      '/api/spot-checks/:id',
      {
        config: { access: 'spotCheck.read' },
        schema: { tags, summary: 'The spot-check record: seed hash, seed (once drawn), allocation, sampled rounds and findings', params: spotCheckParams, response: { 200: spotCheckDetailSchema, ...errors } },
      },
      (request) => service.getSpotCheck(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/spot-checks/:id/draw',
      {
        config: { access: 'spotCheck.manage' },
        schema: { tags, summary: 'Draw the sample with the committed seed (stratified by district when chosen)', params: spotCheckParams, response: { 200: spotCheckDetailSchema, ...mutationErrors } },
      },
      (request) => service.drawSpotCheckSample(deps.db, actorOf(request), request.params.id, metaOf(request)),
    );

    app.get(
      '/api/spot-checks/:id/verification',
      {
        config: { access: 'spotCheck.read' },
        schema: { tags, summary: 'Recompute the sample from the record (seed, candidates, sample size) and compare', params: spotCheckParams, response: { 200: verificationSchema, ...mutationErrors } },
      },
      (request) => service.verify(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/spot-checks/:id/items/:itemId/checkers',
      {
        config: { access: 'spotCheck.manage' },
        schema: { tags, summary: 'Name the checkers of a sampled round', params: spotCheckItemParams, body: checkersInput, response: { 200: spotCheckDetailSchema, ...mutationErrors } },
      },
      (request) => service.assignCheckers(deps.db, actorOf(request), request.params.id, request.params.itemId, request.body, metaOf(request)),
    );

    app.put(
      '/api/spot-checks/:id/items/:itemId/finding',
      {
        config: { access: 'spotCheck.record' },
        schema: {
          tags,
          summary: 'Record the finding of a sampled round (the city, or the bureau of its district)',
          params: spotCheckItemParams,
          body: findingInput,
          response: { 200: spotCheckDetailSchema, ...mutationErrors },
        },
      },
      (request) => service.recordFinding(deps.db, actorOf(request), request.params.id, request.params.itemId, request.body, metaOf(request)),
    );

    app.post(
      '/api/spot-checks/:id/items/:itemId/enforcement-case',
      {
        config: { access: 'enforcement.manage' },
        schema: {
          tags,
          summary: 'Open an enforcement case (district bureau) against the enterprise of a problem finding',
          params: spotCheckItemParams,
          body: openCaseInput,
          response: { 201: openCaseResultSchema, ...mutationErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.openEnforcementCase(deps.db, actorOf(request), request.params.id, request.params.itemId, request.body, metaOf(request))),
    );

    app.post(
      '/api/spot-checks/:id/publication',
      {
        config: { access: 'spotCheck.manage' },
        schema: { tags, summary: 'Publish the results notice (通报); every sampled round needs a finding', params: spotCheckParams, body: publishInput, response: { 200: spotCheckDetailSchema, ...mutationErrors } },
      },
      (request) => service.publishSpotCheck(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/spot-checks/:id/notice',
      {
        config: { access: 'spotCheck.read' },
        schema: { tags, summary: 'The results notice as a Word document (.docx)', params: spotCheckParams, response: { 200: fileDownloadSchema, ...mutationErrors } },
      },
      async (request, reply) => sendDocx(reply, await service.notice(deps.db, actorOf(request), request.params.id), 'private, no-store'),
    );

    const portal = ['public portal'];
    const publicErrors = { 400: errorBodySchema, 404: errorBodySchema };

    app.get(
      '/api/public/spot-checks',
      {
        config: { access: 'public' },
        schema: { tags: portal, summary: 'Published spot-check notices', querystring: publicSpotCheckQuery, response: { 200: publicSpotCheckPageSchema, ...publicErrors } },
      },
      (request) => service.publicList(deps.db, request.query.page, request.query.pageSize),
    );

    app.get(
      '/api/public/spot-checks/:id',
      {
        config: { access: 'public' },
        schema: { tags: portal, summary: 'A published spot-check notice: tallies per district, problems by category, problem rounds', params: spotCheckParams, response: { 200: publicSpotCheckDetailSchema, ...publicErrors } },
      },
      (request) => service.publicDetail(deps.db, request.params.id),
    );

    app.get(
      '/api/public/spot-checks/:id/notice',
      {
        config: { access: 'public' },
        schema: { tags: portal, summary: 'A published spot-check notice as a Word document (.docx)', params: spotCheckParams, response: { 200: fileDownloadSchema, ...publicErrors } },
      },
      async (request, reply) => sendDocx(reply, await service.publicNotice(deps.db, request.params.id), 'public, max-age=300'),
    );
  };
}
