import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarIcsQuery,
  calendarQuery,
  calendarSchema,
  feedTokenCreatedSchema,
  feedTokenStatusSchema,
} from '../../../shared/contracts/calendar';
import { errorBodySchema } from '../../../shared/contracts/common';
import type { Db } from '../../db/types';
import { contentDisposition } from '../../platform/files';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const icsSchema = z.unknown().describe('An iCalendar (RFC 5545) document, text/calendar');
const ICS_TYPE = 'text/calendar; charset=utf-8';

const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function sendIcs(reply: FastifyReply, ics: string, download: boolean): FastifyReply {
  reply.header('content-type', ICS_TYPE).header('cache-control', 'private, no-store');
  if (download) reply.header('content-disposition', contentDisposition('cpaudit.ics'));
  return reply.send(Buffer.from(ics, 'utf8'));
}

/** The caller's calendar (日程): JSON for the web, iCalendar for download and a subscription feed by secret token. */
export function calendarRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['calendar'];

    app.get(
      '/api/calendar',
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: 'Deadlines, milestones and open reviews that concern me, in a date range',
          querystring: calendarQuery,
          response: { 200: calendarSchema, ...errors },
        },
      },
      (request) => service.getCalendar(deps.db, actorOf(request), request.query, request.locale),
    );

    app.get(
      '/api/calendar.ics',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'My calendar as an iCalendar file', querystring: calendarIcsQuery, response: { 200: icsSchema, ...errors } },
      },
      async (request, reply) =>
        sendIcs(reply, await service.calendarIcs(deps.db, actorOf(request), request.query, baseUrlOf(request)), true),
    );

    app.get(
      '/api/calendar/feed-token',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Whether I have a calendar subscription address', response: { 200: feedTokenStatusSchema, ...errors } },
      },
      (request) => service.feedTokenStatus(deps.db, actorOf(request)),
    );

    app.post(
      '/api/calendar/feed-token',
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: 'Generate my calendar subscription address (the previous one stops working)',
          response: { 200: feedTokenCreatedSchema, ...errors },
        },
      },
      (request) => service.regenerateFeedToken(deps.db, actorOf(request), metaOf(request)),
    );

    app.delete(
      '/api/calendar/feed-token',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Revoke my calendar subscription address', response: { 200: feedTokenStatusSchema, ...errors } },
      },
      (request) => service.revokeFeedToken(deps.db, actorOf(request), metaOf(request)),
    );

    app.get(
      '/api/calendar/feed/:token.ics',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A calendar subscription feed (the secret token stands for the user; a wrong token is 404)',
          params: z.object({ token: z.string().max(200) }),
          response: { 200: icsSchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => sendIcs(reply, await service.feedIcs(deps.db, request.params.token, baseUrlOf(request)), false),
    );
  };
}
