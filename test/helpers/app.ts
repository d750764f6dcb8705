import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/server/app';
import type { Db } from '../../src/server/db/types';
import { DEMO_PASSWORD } from '../../src/server/seed/demo/demoData';
import { createTestDb } from './db';
import { multipartOf } from './files';

export interface TestContext {
  app: App;
  db: Db;
  /** The test app's own file store (a temporary folder). */
  filesDir: string;
  close: () => Promise<void>;
}

/** An app on a fresh test database, used through app.inject (no network). */
export async function createTestApp(options: { maxFailures?: number; maxUploadBytes?: number } = {}): Promise<TestContext> {
  const db = await createTestDb();
  const filesDir = await mkdtemp(path.join(tmpdir(), 'cpaudit-files-'));
  const app = await buildApp({
    db,
    session: { idleMinutes: 120, absoluteHours: 12 },
    login: { maxFailures: options.maxFailures ?? 5, lockMinutes: 15 },
    cookieSecure: false,
    trustProxy: false,
    webDist: null,
    version: 'test',
    logger: false,
    filesDir,
    maxUploadBytes: options.maxUploadBytes,
  });
  return {
    app,
    db,
    filesDir,
    close: async () => {
      await app.close();
      await db.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  cookie: string;
  csrf: string;
  userId: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** POST a multipart body with one file part named "file". */
  upload(url: string, filename: string, content: Buffer): Promise<LightMyRequestResponse>;
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
    upload: (url, filename, content) => {
      const { payload, headers } = multipartOf(filename, content);
      return app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie, 'x-csrf-token': body.csrfToken } });
    },
  };
}

/** Row counts of the given tables, to assert that a refused request wrote nothing. */
export async function countRows(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** An audit_events row as stored. */
export interface AuditRow {
  id: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The id of the newest audit event ('0' when the trail is empty). */
export async function lastAuditId(db: Db): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM audit_events');
  return rows[0]?.id ?? '0';
}

/** Audit events appended after the event `afterId`, oldest first. */
export async function auditEventsSince(db: Db, afterId: string): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text AS id, actor_user_id, actor_username, actor_role, action, entity_type, entity_id, before, after,
            ip, request_id, prev_hash, hash
       FROM audit_events WHERE id > $1::bigint ORDER BY audit_events.id`,
    [afterId],
  );
  return rows;
}

/** Run `fn` and return the audit events it appended. */
export async function auditEventsOf(db: Db, fn: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = await lastAuditId(db);
  await fn();
  return auditEventsSince(db, before);
}

/** The id of a user by username. */
export async function userIdOf(db: Db, username: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = lower($1)', [username]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

/** The organisation (for enterprise users: the enterprise) a user belongs to. */
export async function orgIdOf(db: Db, username: string): Promise<string> {
  const { rows } = await db.query<{ org_id: string }>('SELECT org_id FROM users WHERE lower(username) = lower($1)', [
    username,
  ]);
  const id = rows[0]?.org_id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

/** The JSON error body of a refused request. */
export interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string>; requestId?: string };
}
export const errorOf = (res: LightMyRequestResponse): ErrorJson['error'] => res.json<ErrorJson>().error;
