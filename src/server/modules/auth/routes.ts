import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBody, localeBody, loginBody, sessionSchema } from '../../../shared/contracts/auth';
import { errorBodySchema, okSchema } from '../../../shared/contracts/common';
import { LOCALE_COOKIE, SESSION_COOKIE, actorOf, metaOf } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { changeLocale, changePassword, login, logout, sessionInfo, type AuthDeps } from './service';

export function authRoutes(deps: AuthDeps & { cookieSecure: boolean }) {
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure } as const;

  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in',
          body: loginBody,
          response: { 200: sessionSchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        const result = await login(deps, request.body, metaOf(request), request.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, result.token, { ...cookieBase, expires: result.expiresAt });
        return result.info;
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema } } },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw new AppError('UNAUTHENTICATED');
        await logout(deps.db, session.actor, session.sessionId, metaOf(request));
        reply.clearCookie(SESSION_COOKIE, cookieBase);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: sessionSchema, 401: errorBodySchema } },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new AppError('UNAUTHENTICATED');
        return sessionInfo(session.principal, session.csrfToken);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['auth'],
          summary: 'Change my password',
          body: changePasswordBody,
          response: { 200: okSchema, 400: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new AppError('UNAUTHENTICATED');
        await changePassword(deps.db, session.actor, session.sessionId, request.body, metaOf(request));
        return { ok: true as const };
      },
    );

    app.put(
      '/api/auth/locale',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['auth'], summary: 'Set my language', body: localeBody, response: { 200: okSchema } },
      },
      async (request, reply) => {
        await changeLocale(deps.db, actorOf(request), request.body.locale, metaOf(request));
        reply.setCookie(LOCALE_COOKIE, request.body.locale, { path: '/', sameSite: 'lax', secure: deps.cookieSecure });
        return { ok: true as const };
      },
    );
  };
}
