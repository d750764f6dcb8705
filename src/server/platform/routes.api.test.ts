import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from '../../shared/domain/permissions';
import { ROLES, type Role } from '../../shared/domain/roles';
import { createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../test/helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/**
 * Every route anyone may call without signing in. A new public route must be added here on purpose.
 * HEAD twins of GET routes are left out (Fastify adds them with the GET route's access).
 */
const PUBLIC_ROUTES = [
  'GET /api/docs',
  'GET /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'GET /api/docs/json',
  'GET /api/docs/yaml',
  'GET /api/docs/static/*',
  'GET /api/reference',
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'GET /api/public/filters',
  'GET /api/public/lists',
  'GET /api/public/results',
  'GET /api/public/batches',
  'GET /api/public/dishonest-agencies',
  'GET /api/public/rounds/:id',
  'GET /api/public/spot-checks',
  'GET /api/public/spot-checks/:id',
  'GET /api/public/spot-checks/:id/notice',
  'GET /api/public/open-data',
  'GET /api/public/open-data/:dataset/:file',
  'GET /api/calendar/feed/:token.ics',
];

/** One demo sign-in per role. */
const USER_OF_ROLE: Record<Role, string> = {
  city_admin: 'admin',
  city_staff: 'city',
  district_staff: 'yubei',
  enterprise_user: 'ent1',
  agency_user: 'agency1',
  expert: 'expert1',
};

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const fillParams = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());
const isAction = (access: string): access is Action => (ACTIONS as readonly string[]).includes(access);

describe('route enumeration', () => {
  it('sees the routes of every module', () => {
    const urls = new Set(t.app.registeredRoutes.map((r) => r.url));
    for (const url of ['/api/health', '/api/auth/login', '/api/enterprises/:id', '/api/users/:id/reset-password', '/api/audit-events/verify']) {
      expect(urls, url).toContain(url);
    }
  });

  it('finds no route without a declared access, and only known accesses', () => {
    const undeclared = t.app.registeredRoutes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const unknown = t.app.registeredRoutes
      .filter((r) => r.access !== undefined && r.access !== 'public' && r.access !== 'signedIn' && !isAction(r.access))
      .map((r) => `${r.method} ${r.url} ${r.access}`);
    expect(unknown).toEqual([]);
  });

  it('has exactly the acknowledged public routes', () => {
    const pub = t.app.registeredRoutes
      .filter((r) => r.access === 'public' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(pub)).toEqual(new Set(PUBLIC_ROUTES));
    expect(pub).toHaveLength(new Set(pub).size);
  });

  it('answers every non-public route anonymously with 401', async () => {
    const protectedRoutes = t.app.registeredRoutes.filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(10);
    for (const route of protectedRoutes) {
      const method = route.method as Method;
      const res = await t.app.inject({
        method,
        url: fillParams(route.url),
        ...(method === 'GET' || method === 'HEAD' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (method !== 'HEAD') expect(errorOf(res).code, `${route.method} ${route.url}`).toBe('UNAUTHENTICATED');
    }
  });

  it('answers every permission route with 403 for each role lacking the permission', async () => {
    const clients = new Map<Role, Client>();
    for (const role of ROLES) clients.set(role, await signIn(t.app, USER_OF_ROLE[role]));
    let checked = 0;
    for (const route of t.app.registeredRoutes) {
      const { access } = route;
      if (access === undefined || !isAction(access) || route.method === 'HEAD') continue;
      for (const role of ROLES) {
        if (can(role, access)) continue;
        const client = clients.get(role);
        if (!client) throw new Error(`no client for ${role}`);
        const url = fillParams(route.url);
        const res =
          route.method === 'GET' ? await client.get(url) : await client.send(route.method as 'POST' | 'PATCH' | 'PUT' | 'DELETE', url, {});
        expect(res.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND, signed in or not', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在：GET /api/no-such-thing' });
    const del = await t.app.inject({ method: 'DELETE', url: '/api/enterprises' });
    expect(del.statusCode).toBe(404);
  });
});

describe('API documentation', () => {
  interface OpenApi {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  }

  it('declares a success response schema for every operation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json<OpenApi>();
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, responses: op.responses ?? {} })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.filter((op) => !('200' in op.responses) && !('201' in op.responses)).map((op) => op.key);
    expect(missing).toEqual([]);
  });

  it('documents every registered API route except the documentation itself', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const undocumented = t.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
  });

  it('serves the documentation page', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops += 1) {
      const location = res.headers.location;
      if (typeof location !== 'string') break;
      res = await t.app.inject({ method: 'GET', url: new URL(location, 'http://localhost/api/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger-ui');
  });
});
