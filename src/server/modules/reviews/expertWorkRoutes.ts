import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  assignmentPageSchema,
  assignmentsQuery,
  expertPanelWorkSchema,
  expertWorkSettingsInput,
  expertWorkSettingsSchema,
  preReviewInput,
  ratingInput,
  ratingListQuery,
  ratingPageSchema,
  ratingParams,
  roundExpertWorkSchema,
  signatureInput,
} from '../../../shared/contracts/expertWork';
import { panelParams } from '../../../shared/contracts/reviews';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './expertWorkService';
import * as ratings from './ratingService';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const mutationErrors = { ...errors, 409: errorBodySchema };

/** Expert work: assignments with deadlines, pre-review, signing, the bureau's view, ratings, the lead-time setting. */
export function expertWorkRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['expert work'];

    app.get(
      '/api/my-reviews/assignments',
      {
        config: { access: 'review.score' },
        schema: {
          tags,
          summary: "The expert's reviews with meeting, materials deadline, material availability and due/overdue flags",
          querystring: assignmentsQuery,
          response: { 200: assignmentPageSchema, ...errors },
        },
      },
      (request) => service.assignments(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/review-panels/:id/expert-work',
      {
        config: { access: 'review.score' },
        schema: {
          tags,
          summary: "A member's page of a panel: meeting, material, own pre-review, visible pre-reviews, signing",
          params: panelParams,
          response: { 200: expertPanelWorkSchema, ...errors },
        },
      },
      (request) => service.expertPanelWork(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/review-panels/:id/pre-review',
      {
        config: { access: 'review.score' },
        schema: {
          tags,
          summary: 'Save the pre-review form (预审意见表) as a draft, or submit it (read-only afterwards)',
          params: panelParams,
          body: preReviewInput,
          response: { 200: expertPanelWorkSchema, ...mutationErrors },
        },
      },
      (request) => service.savePreReview(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/review-panels/:id/signature',
      {
        config: { access: 'review.score' },
        schema: {
          tags,
          summary: 'Sign the panel result (签字确认) with the full name; needed from every active member before the decision',
          params: panelParams,
          body: signatureInput,
          response: { 200: expertPanelWorkSchema, ...mutationErrors },
        },
      },
      (request) => service.signResult(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/expert-work',
      {
        config: { access: 'expertWork.read' },
        schema: {
          tags,
          summary: "The round's panels: material timeliness, members' pre-reviews, signatures and ratings",
          params: idParams,
          response: { 200: roundExpertWorkSchema, ...errors },
        },
      },
      (request) => service.roundExpertWork(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/review-panels/:id/ratings/:expertUserId',
      {
        config: { access: 'expertWork.rate' },
        schema: {
          tags,
          summary: "The round's district rates a member's work (1–5 and a comment) after the panel decided",
          params: ratingParams,
          body: ratingInput,
          response: { 200: roundExpertWorkSchema, ...mutationErrors },
        },
      },
      (request) =>
        ratings.rateExpert(deps.db, actorOf(request), request.params.id, request.params.expertUserId, request.body, metaOf(request)),
    );

    app.get(
      '/api/experts/ratings',
      {
        config: { access: 'expertRatings.read' },
        schema: {
          tags,
          summary: "The city's ratings of expert work, paged; with expertUserId, that expert's average and count",
          querystring: ratingListQuery,
          response: { 200: ratingPageSchema, ...errors },
        },
      },
      (request) => ratings.listRatings(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/expert-work/settings',
      {
        config: { access: 'expertWork.configure' },
        schema: { tags, summary: "The city's materials lead time (working days before the meeting)", response: { 200: expertWorkSettingsSchema, ...errors } },
      },
      (request) => service.getSettings(deps.db, actorOf(request)),
    );

    app.put(
      '/api/expert-work/settings',
      {
        config: { access: 'expertWork.configure' },
        schema: {
          tags,
          summary: "Change the city's materials lead time",
          body: expertWorkSettingsInput,
          response: { 200: expertWorkSettingsSchema, ...errors },
        },
      },
      (request) => service.saveSettings(deps.db, actorOf(request), request.body, metaOf(request)),
    );
  };
}
