import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  conflictInput,
  expertOptionSchema,
  gradingRuleSchema,
  myReviewPageSchema,
  myReviewsQuery,
  panelFormInput,
  panelMeetingInput,
  panelParams,
  replaceMemberInput,
  roundPanelsSchema,
  scoreSheetInput,
  scoreSheetKindParams,
  scoreSheetSchema,
  scoreSheetVersionParams,
  scoreSheetVersionsSchema,
  scoresInput,
  scoringViewSchema,
} from '../../../shared/contracts/reviews';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as configService from './configService';
import * as panelService from './panelService';
import * as scoringService from './scoringService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema };

/** Expert reviews: the city's score sheets and grading rule, the district's panels, the experts' scoring. */
export function reviewRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const admin = ['review configuration'];
    const panels = ['review panels'];
    const scoring = ['expert scoring'];

    app.get(
      '/api/score-sheets/:kind',
      {
        config: { access: 'scoreSheet.manage' },
        schema: { tags: admin, summary: "The city's current score sheet of a kind and its versions", params: scoreSheetKindParams, response: { 200: scoreSheetVersionsSchema, ...errors } },
      },
      (request) => configService.getSheet(deps.db, actorOf(request), request.params.kind),
    );

    app.get(
      '/api/score-sheets/:kind/versions/:version',
      {
        config: { access: 'scoreSheet.manage' },
        schema: { tags: admin, summary: 'One version of a score sheet', params: scoreSheetVersionParams, response: { 200: scoreSheetSchema, ...errors } },
      },
      (request) => configService.getSheetVersion(deps.db, actorOf(request), request.params.kind, request.params.version),
    );

    app.post(
      '/api/score-sheets/:kind/versions',
      {
        config: { access: 'scoreSheet.manage' },
        schema: {
          tags: admin,
          summary: 'Edit a score sheet: creates its next version (panels keep the version they were formed with)',
          params: scoreSheetKindParams,
          body: scoreSheetInput,
          response: { 201: scoreSheetSchema, ...mutationErrors },
        },
      },
      async (request, reply) => {
        const created = await configService.saveSheet(deps.db, actorOf(request), request.params.kind, request.body, metaOf(request));
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/grading-rule',
      {
        config: { access: 'scoreSheet.manage' },
        schema: { tags: admin, summary: "The city's grading rule (aggregation, thresholds, panel size)", response: { 200: gradingRuleSchema, ...errors } },
      },
      (request) => configService.getRule(deps.db, actorOf(request)),
    );

    app.put(
      '/api/grading-rule',
      {
        config: { access: 'scoreSheet.manage' },
        schema: { tags: admin, summary: "Change the city's grading rule", body: gradingRuleSchema, response: { 200: gradingRuleSchema, ...errors } },
      },
      (request) => configService.saveRule(deps.db, actorOf(request), request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/panels',
      {
        config: { access: 'panel.read' },
        schema: { tags: panels, summary: "The round's expert panels, members and results", params: idParams, response: { 200: roundPanelsSchema, ...errors } },
      },
      (request) => panelService.roundPanels(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/rounds/:id/panels',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: panels,
          summary: 'Form the panel of a round under evaluation or acceptance (manual choice of the city’s experts)',
          params: idParams,
          body: panelFormInput,
          response: { 201: roundPanelsSchema, ...mutationErrors },
        },
      },
      async (request, reply) => {
        const result = await panelService.formPanel(deps.db, actorOf(request), request.params.id, request.body, metaOf(request));
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/api/review-experts',
      {
        config: { access: 'panel.manage' },
        schema: { tags: panels, summary: "The city's active expert users (panel picker)", response: { 200: z.array(expertOptionSchema), ...errors } },
      },
      (request) => panelService.listExperts(deps.db, actorOf(request)),
    );

    app.post(
      '/api/review-panels/:id/replacements',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: panels,
          summary: 'Replace a member who declared a conflict or has not submitted scores',
          params: panelParams,
          body: replaceMemberInput,
          response: { 200: roundPanelsSchema, ...mutationErrors },
        },
      },
      (request) => panelService.replaceMember(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/review-panels/:id/revision-confirmation',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: panels,
          summary: 'Confirm the revised report after a pass-after-revision evaluation',
          params: panelParams,
          response: { 200: roundPanelsSchema, ...mutationErrors },
        },
      },
      (request) => panelService.confirmRevision(deps.db, actorOf(request), request.params.id, metaOf(request)),
    );

    app.put(
      '/api/review-panels/:id/meeting',
      {
        config: { access: 'panel.manage' },
        schema: {
          tags: panels,
          summary: 'Schedule, move or clear (null) the review meeting of an open panel',
          params: panelParams,
          body: panelMeetingInput,
          response: { 200: roundPanelsSchema, ...mutationErrors },
        },
      },
      (request) => panelService.scheduleMeeting(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/my-reviews',
      {
        config: { access: 'review.score' },
        schema: { tags: scoring, summary: "The expert's reviews", querystring: myReviewsQuery, response: { 200: myReviewPageSchema, ...errors } },
      },
      (request) => scoringService.myReviews(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/review-panels/:id/scoring',
      {
        config: { access: 'review.score' },
        schema: { tags: scoring, summary: "The expert's scoring page of a panel", params: panelParams, response: { 200: scoringViewSchema, ...errors } },
      },
      (request) => scoringService.scoringView(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/review-panels/:id/conflict',
      {
        config: { access: 'review.score' },
        schema: {
          tags: scoring,
          summary: 'Declare conflicts of interest (none, or a conflict with a note)',
          params: panelParams,
          body: conflictInput,
          response: { 200: scoringViewSchema, ...mutationErrors },
        },
      },
      (request) => scoringService.declareConflict(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.put(
      '/api/review-panels/:id/scores',
      {
        config: { access: 'review.score' },
        schema: {
          tags: scoring,
          summary: 'Save draft scores, or submit them (read-only afterwards)',
          params: panelParams,
          body: scoresInput,
          response: { 200: scoringViewSchema, ...mutationErrors },
        },
      },
      (request) => scoringService.saveScores(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );
  };
}
