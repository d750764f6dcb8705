import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  markedReadSchema,
  notificationListQuery,
  notificationPageSchema,
  notificationSchema,
  unreadCountSchema,
} from '../../../shared/contracts/notifications';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** In-app notifications: every signed-in user sees those addressed to them or to their organisation. */
export function notificationRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    app.get(
      '/api/notifications',
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: 'My notifications (mine or my organisation’s), newest first',
          querystring: notificationListQuery,
          response: { 200: notificationPageSchema, ...errors },
        },
      },
      (request) => service.listMyNotifications(deps.db, actorOf(request), request.query, request.locale),
    );

    app.get(
      '/api/notifications/unread-count',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadCountSchema, ...errors } },
      },
      (request) => service.myUnreadCount(deps.db, actorOf(request)),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: notificationSchema, ...errors } },
      },
      (request) => service.markRead(deps.db, actorOf(request), request.params.id, request.locale, metaOf(request)),
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Mark all my notifications read', response: { 200: markedReadSchema, ...errors } },
      },
      (request) => service.markAllRead(deps.db, actorOf(request), metaOf(request)),
    );
  };
}
