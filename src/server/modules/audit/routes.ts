import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuery, auditPageSchema, auditVerifySchema } from '../../../shared/contracts/audit';
import { errorBodySchema } from '../../../shared/contracts/common';
import type { Db } from '../../db/types';
import { verifyAuditChain } from '../../platform/audit';
import { listAuditEvents } from './repository';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

export function auditRoutes(deps: { db: Db }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit trail'];

    app.get(
      '/api/audit-events',
      {
        config: { access: 'audit.list' },
        schema: {
          tags,
          summary: 'The audit trail, newest first',
          querystring: auditListQuery,
          response: { 200: auditPageSchema, ...errors },
        },
      },
      (request) => listAuditEvents(deps.db, request.query),
    );

    app.get(
      '/api/audit-events/verify',
      {
        config: { access: 'audit.verify' },
        schema: {
          tags,
          summary: 'Verify the hash chain and name the first broken link',
          response: { 200: auditVerifySchema, ...errors },
        },
      },
      () => verifyAuditChain(deps.db),
    );
  };
}
