import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import {
  mailMessageDetailSchema,
  mailOutboxPageSchema,
  mailOutboxQuery,
  mailPreferencesInput,
  mailPreferencesSchema,
} from '../../../shared/contracts/mail';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** The e-mail outbox (administrators) and each user's e-mail preferences. */
export function mailRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['mail'];

    app.get(
      '/api/mail/outbox',
      {
        config: { access: 'mail.admin' },
        schema: {
          tags,
          summary: 'The e-mail outbox of my city, newest first',
          querystring: mailOutboxQuery,
          response: { 200: mailOutboxPageSchema, ...errors },
        },
      },
      (request) => service.listOutbox(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/mail/outbox/:id',
      {
        config: { access: 'mail.admin' },
        schema: { tags, summary: 'One e-mail with its text', params: idParams, response: { 200: mailMessageDetailSchema, ...errors } },
      },
      (request) => service.getMessage(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/mail/outbox/:id/retry',
      {
        config: { access: 'mail.admin' },
        schema: { tags, summary: 'Send a failed e-mail again now', params: idParams, response: { 200: mailMessageDetailSchema, ...errors } },
      },
      (request) => service.retryMessage(deps.db, actorOf(request), request.params.id, metaOf(request)),
    );

    app.get(
      '/api/me/mail-preferences',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Which notifications I receive by e-mail', response: { 200: mailPreferencesSchema, ...errors } },
      },
      (request) => service.myPreferences(deps.db, actorOf(request)),
    );

    app.put(
      '/api/me/mail-preferences',
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: 'Choose which notifications come by e-mail, and the daily digest',
          body: mailPreferencesInput,
          response: { 200: mailPreferencesSchema, ...errors },
        },
      },
      (request) => service.saveMyPreferences(deps.db, actorOf(request), request.body, metaOf(request)),
    );
  };
}
