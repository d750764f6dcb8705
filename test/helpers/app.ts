import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/server/app';
import type { Db } from '../../src/server/db/types';
import { DEMO_PASSWORD } from '../../src/server/seed/demo/demoData';
import { createTestDb } from './db';

export interface TestContext {
  app: App;
  db: Db;
  close: () => Promise<void>;
}

/** An app on a fresh test database, used through app.inject (no network). */
export async function createTestApp(options: { maxFailures?: number } = {}): Promise<TestContext> {
  const db = await createTestDb();
  const app = await buildApp({
    db,
    session: { idleMinutes: 120, absoluteHours: 12 },
    login: { maxFailures: options.maxFailures ?? 5, lockMinutes: 15 },
    cookieSecure: false,
    trustProxy: false,
    webDist: null,
    version: 'test',
    logger: false,
  });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface Client {
  cookie: string;
  csrf: string;
  userId: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'cpaudit_sid');
  if (!cookie) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `cpaudit_sid=${cookie.value}`;
}

/** Sign in through the API and return a client carrying the session cookie and CSRF token. */
export async function signIn(app: App, username: string, password = DEMO_PASSWORD, ip = '127.0.0.1'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const body = res.json<{ csrfToken: string; user: { id: string } }>();
  return {
    cookie,
    csrf: body.csrfToken,
    userId: body.user.id,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': body.csrfToken, ...headers },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
  };
}
