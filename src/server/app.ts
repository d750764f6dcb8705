import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/types';
import { AppError, sendError, toAppError } from './platform/errors';
import { installAccessControl, type RegisteredRoute } from './platform/http';
import { DEFAULT_MAX_UPLOAD_BYTES, type FileStore } from './platform/files';
import type { SessionPolicy } from './platform/auth/sessions';
import { authRoutes } from './modules/auth/routes';
import type { LoginPolicy } from './modules/auth/service';
import { auditRoutes } from './modules/audit/routes';
import { campaignRoutes } from './modules/campaigns/routes';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { referenceRoutes } from './modules/reference/routes';
import { roundRoutes } from './modules/rounds/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { portalRoutes } from './modules/portal/routes';
import { optionRoutes } from './modules/options/routes';
import { reviewRoutes } from './modules/reviews/routes';
import { resultBatchRoutes } from './modules/rounds/resultBatchRoutes';
import { userRoutes } from './modules/users/routes';
import { mailRoutes } from './modules/mail/routes';
import { reminderRoutes } from './modules/reminders/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { expertRoutes } from './modules/experts/routes';
import { dashboardRoutes } from './modules/dashboards/routes';
import { statisticsRoutes } from './modules/statistics/routes';
import { expertWorkRoutes } from './modules/reviews/expertWorkRoutes';
import { agencyRoutes } from './modules/agencies/routes';
import { spotCheckRoutes } from './modules/spotChecks/routes';
import { similarityRoutes } from './modules/similarity/routes';
import { enforcementRoutes } from './modules/enforcement/routes';
import { planSuggestionRoutes } from './modules/planSuggestions/routes';

export interface AppDeps {
  db: Db;
  session: SessionPolicy;
  login: LoginPolicy;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Folder of the built web app; served when it exists. */
  webDist: string | null;
  version: string;
  logger: boolean | { level: string };
  /** Root of the content-addressed file store (`<DATA_DIR>/files`). */
  filesDir: string;
  /** Upload size limit in bytes (default 20 MB). */
  maxUploadBytes?: number;
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

/** Plugin-owned routes (API docs UI, static web assets) are public by declaration here. */
const isPluginPublicRoute = (url: string) => url.startsWith('/api/docs') || !url.startsWith('/api/');

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger,
    trustProxy: deps.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined && isPluginPublicRoute(route.url)) {
      route.config = { ...route.config, access: 'public' };
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  const registeredRoutes = installAccessControl(app, deps.db, deps.session);
  const files: FileStore = { dir: deps.filesDir, maxBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES };
  await app.register(multipart, { limits: { fileSize: files.maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 64 * 1024 } });

  app.setErrorHandler((error, request, reply) => sendError(reply, toAppError(error, request), request.locale));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (wantsPage && deps.webDist && existsSync(path.join(deps.webDist, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html', deps.webDist);
    }
    return sendError(reply, new AppError('ROUTE_NOT_FOUND', { method: request.method, url: request.url }), request.locale);
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cpaudit API',
        description: '清洁生产审核信息系统 — Cleaner Production Audit Information System',
        version: deps.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cpaudit_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(referenceRoutes({ db: deps.db, version: deps.version }));
  await app.register(authRoutes({ db: deps.db, session: deps.session, login: deps.login, cookieSecure: deps.cookieSecure }));
  await app.register(enterpriseRoutes({ db: deps.db }));
  await app.register(userRoutes({ db: deps.db }));
  await app.register(auditRoutes({ db: deps.db }));
  await app.register(campaignRoutes({ db: deps.db }));
  await app.register(roundRoutes({ db: deps.db, files }));
  await app.register(resultBatchRoutes({ db: deps.db }));
  await app.register(notificationRoutes({ db: deps.db }));
  await app.register(portalRoutes({ db: deps.db }));
  await app.register(optionRoutes({ db: deps.db }));
  await app.register(reviewRoutes({ db: deps.db }));
  await app.register(mailRoutes({ db: deps.db }));
  await app.register(reminderRoutes({ db: deps.db }));
  await app.register(calendarRoutes({ db: deps.db }));
  await app.register(expertRoutes({ db: deps.db, files }));
  await app.register(dashboardRoutes({ db: deps.db }));
  await app.register(statisticsRoutes({ db: deps.db }));
  await app.register(expertWorkRoutes({ db: deps.db }));
  await app.register(agencyRoutes({ db: deps.db }));
  await app.register(spotCheckRoutes({ db: deps.db }));
  await app.register(similarityRoutes({ db: deps.db }));
  await app.register(enforcementRoutes({ db: deps.db }));
  await app.register(planSuggestionRoutes({ db: deps.db }));

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );

  if (deps.webDist && existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { root: deps.webDist, prefix: '/', wildcard: true, index: ['index.html'] });
  }

  await app.ready();
  const built = app as unknown as App;
  built.registeredRoutes = registeredRoutes;
  return built;
}
