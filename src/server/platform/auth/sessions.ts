import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/types';
import type { Actor } from '../context';
import { actorOf, PRINCIPAL_COLUMNS, type PrincipalRow } from './principal';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  principal: PrincipalRow;
}

/** Only the SHA-256 of the cookie token is stored. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Queryable,
  userId: string,
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3_600_000);
  await tx.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`,
    [sessionIdOf(token), userId, csrfToken, expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrfToken, expiresAt };
}

/**
 * Resolve a cookie token into its session and actor. Expired (idle or absolute) sessions and
 * sessions of disabled users are deleted and answer null.
 */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy): Promise<ResolvedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = sessionIdOf(token);
  const { rows } = await db.query<
    PrincipalRow & { csrf_token: string; expires_at: Date; last_seen_at: Date; idle_expired: boolean }
  >(
    `SELECT s.csrf_token, s.expires_at, s.last_seen_at,
            (s.last_seen_at < now() - make_interval(mins => $2::int)) AS idle_expired, ${PRINCIPAL_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.org_id
      WHERE s.id = $1`,
    [id, policy.idleMinutes],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.idle_expired || new Date(row.expires_at).getTime() <= Date.now() || row.disabled_at) {
    await db.query('DELETE FROM sessions WHERE id = $1', [id]);
    return null;
  }
  // Sliding idle expiry without a write per request: touch at most once a minute.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  }
  return { sessionId: id, csrfToken: row.csrf_token, actor: actorOf(row), principal: row };
}

export async function destroySession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

export async function destroyUserSessions(db: Queryable, userId: string, exceptSessionId?: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, exceptSessionId ?? '']);
}

/** Housekeeping: remove sessions past their absolute expiry, and sign-in failure records older than a day. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  await db.query(
    `DELETE FROM login_attempts WHERE first_failure_at < now() - interval '1 day'
        AND (locked_until IS NULL OR locked_until < now())`,
  );
  const { rowCount } = await db.query('DELETE FROM sessions WHERE expires_at < now()');
  return rowCount;
}
