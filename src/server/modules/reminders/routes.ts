import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams } from '../../../shared/contracts/common';
import { reminderListQuery, reminderPageSchema, reminderSettingsBody, reminderSettingsSchema } from '../../../shared/contracts/reminders';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** The deadline engine's settings per city, and the reminders sent about a round. */
export function reminderRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['reminders'];

    app.get(
      '/api/reminder-settings',
      {
        config: { access: 'reminder.manage' },
        schema: { tags, summary: "The city's deadline reminder settings", response: { 200: reminderSettingsSchema, ...errors } },
      },
      (request) => service.getSettings(deps.db, actorOf(request)),
    );

    app.put(
      '/api/reminder-settings',
      {
        config: { access: 'reminder.manage' },
        schema: {
          tags,
          summary: "Replace the city's reminder settings (days before, escalation delay, enabled)",
          body: reminderSettingsBody,
          response: { 200: reminderSettingsSchema, ...errors },
        },
      },
      (request) => service.saveSettings(deps.db, actorOf(request), request.body, metaOf(request)),
    );

    app.get(
      '/api/rounds/:id/reminders',
      {
        config: { access: 'round.read' },
        schema: {
          tags,
          summary: 'Reminders, overdue notices and escalations sent about a round: who was told what and when',
          params: idParams,
          querystring: reminderListQuery,
          response: { 200: reminderPageSchema, ...errors },
        },
      },
      (request) => service.listRoundReminders(deps.db, actorOf(request), request.params.id, request.query, request.locale),
    );
  };
}
