import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema, referenceSchema, type Reference } from '../../../shared/contracts/reference';
import type { Db } from '../../db/types';
import { loadReference } from './repository';

const startedAt = Date.now();

export function referenceRoutes(deps: { db: Db; version: string }) {
  // Reference data changes only through migrations and seeding; keep one copy per instance for a minute.
  let cached: { at: number; value: Reference } | undefined;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/reference',
      {
        config: { access: 'public' },
        schema: {
          tags: ['reference'],
          summary: 'Regions, GB/T 4754 industries and key industries',
          response: { 200: referenceSchema },
        },
      },
      async (_request, reply) => {
        if (!cached || Date.now() - cached.at > 60_000) cached = { at: Date.now(), value: await loadReference(deps.db) };
        reply.header('cache-control', 'public, max-age=300');
        return cached.value;
      },
    );

    app.get(
      '/api/health',
      { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Health', response: { 200: healthSchema } } },
      async () => {
        await deps.db.query('SELECT 1');
        return {
          status: 'ok' as const,
          database: deps.db.kind,
          version: deps.version,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        };
      },
    );
  };
}
