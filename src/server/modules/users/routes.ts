import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParams, okSchema } from '../../../shared/contracts/common';
import {
  organizationListQuery,
  organizationPageSchema,
  resetPasswordBody,
  userCreateBody,
  userListQuery,
  userPageSchema,
  userPatchBody,
  userSchema,
} from '../../../shared/contracts/users';
import type { Db } from '../../db/types';
import { actorOf, metaOf } from '../../platform/http';
import * as service from './service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function userRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];

    app.get(
      '/api/users',
      {
        config: { access: 'user.list' },
        schema: { tags, summary: 'List users', querystring: userListQuery, response: { 200: userPageSchema, ...errors } },
      },
      (request) => service.listUsers(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: 'user.read' },
        schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema, ...errors } },
      },
      (request) => service.getUser(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'user.create' },
        schema: {
          tags,
          summary: 'Create a user (must change the password at first sign-in)',
          body: userCreateBody,
          response: { 201: userSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createUser(deps.db, actorOf(request), request.body, metaOf(request))),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'user.update' },
        schema: {
          tags,
          summary: 'Change name, role, contact or disable/enable a user',
          params: idParams,
          body: userPatchBody,
          response: { 200: userSchema, ...errors, 422: errorBodySchema },
        },
      },
      (request) => service.updateUser(deps.db, actorOf(request), request.params.id, request.body, metaOf(request)),
    );

    app.post(
      '/api/users/:id/reset-password',
      {
        config: { access: 'user.resetPassword' },
        schema: {
          tags,
          summary: "Reset a user's password (the user must change it at next sign-in)",
          params: idParams,
          body: resetPasswordBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await service.resetPassword(deps.db, actorOf(request), request.params.id, request.body.newPassword, metaOf(request));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/organizations',
      {
        config: { access: 'organization.list' },
        schema: {
          tags,
          summary: 'Organisations of my city',
          querystring: organizationListQuery,
          response: { 200: organizationPageSchema, ...errors },
        },
      },
      (request) => service.listOrganizations(deps.db, actorOf(request), request.query),
    );
  };
}
