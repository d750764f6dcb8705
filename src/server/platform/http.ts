import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { can, type RouteAccess } from '../../shared/domain/permissions';
import { LOCALES, pickLocale, type Locale } from '../../shared/i18n/locales';
import type { Db } from '../db/types';
import type { SessionPolicy, ResolvedSession } from './auth/sessions';
import { resolveSession } from './auth/sessions';
import type { Actor, RequestMeta } from './context';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires ('public': anyone; 'signedIn': any signed-in user). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    locale: Locale;
  }
}

export const SESSION_COOKIE = 'cpaudit_sid';
export const LOCALE_COOKIE = 'cpaudit_lang';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function requestLocale(request: FastifyRequest): Locale {
  const cookie = request.cookies[LOCALE_COOKIE];
  if (cookie && (LOCALES as readonly string[]).includes(cookie)) return cookie as Locale;
  return pickLocale(request.headers['accept-language']);
}

/**
 * Authentication, permission and CSRF checks for every route, before the body is validated:
 * anonymous → 401, missing permission → 403, state change without the session's CSRF token → 403.
 */
export function installAccessControl(app: FastifyInstance, db: Db, policy: SessionPolicy): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('session', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' && route.config?.access === undefined) continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = requestLocale(request);
    const access = request.routeOptions.config.access;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = await resolveSession(db, token, policy);
      if (request.session && !request.cookies[LOCALE_COOKIE] && !request.headers['accept-language']) {
        request.locale = request.session.actor.locale;
      }
    }
    if (request.is404) return; // unknown URL: answered by the not-found handler
    if (access === undefined) throw new Error(`route ${request.method} ${request.url} declares no access`);
    if (access === 'public') return;
    if (!request.session) throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw new AppError('CSRF_INVALID');
    }
    if (access !== 'signedIn' && !can(request.session.actor.role, access)) throw new AppError('FORBIDDEN');
  });

  return routes;
}

/** The signed-in actor of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session.actor;
}

export function metaOf(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, requestId: request.id };
}
