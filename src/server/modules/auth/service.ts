import { actionsOf } from '../../../shared/domain/permissions';
import type { SessionInfo } from '../../../shared/contracts/auth';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { actorOf, PRINCIPAL_COLUMNS, type PrincipalRow } from '../../platform/auth/principal';
import { createSession, destroySession, destroyUserSessions, type SessionPolicy } from '../../platform/auth/sessions';

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface AuthDeps {
  db: Db;
  session: SessionPolicy;
  login: LoginPolicy;
}

export function sessionInfo(principal: PrincipalRow, csrfToken: string): SessionInfo {
  return {
    user: {
      id: principal.user_id,
      username: principal.username,
      displayName: principal.display_name,
      role: principal.role,
      org: {
        id: principal.org_id,
        kind: principal.org_kind,
        name: principal.org_name,
        districtCode: principal.district_code,
      },
      enterpriseId: principal.org_kind === 'enterprise' ? principal.org_id : null,
      locale: principal.locale,
      mustChangePassword: principal.must_change_password,
    },
    csrfToken,
    permissions: actionsOf(principal.role),
  };
}

async function findPrincipal(db: Db, username: string): Promise<PrincipalRow | undefined> {
  const { rows } = await db.query<PrincipalRow>(
    `SELECT ${PRINCIPAL_COLUMNS} FROM users u JOIN organizations o ON o.id = u.org_id WHERE lower(u.username) = lower($1)`,
    [username],
  );
  return rows[0];
}

async function lockedMinutesLeft(db: Db, username: string, ip: string): Promise<number> {
  const { rows } = await db.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM login_attempts WHERE username = $1 AND ip = $2 AND locked_until > now()`,
    [username, ip],
  );
  const seconds = rows[0]?.seconds ?? 0;
  return seconds > 0 ? Math.ceil(seconds / 60) : 0;
}

/** Count a failure for account+address; lock it once the limit is reached. */
async function recordFailure(deps: AuthDeps, username: string, meta: RequestMeta, userId: string | null) {
  const ip = meta.ip ?? '';
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ failures: number }>(
      `INSERT INTO login_attempts AS a (username, ip, failures, first_failure_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (username, ip) DO UPDATE SET
         failures = CASE WHEN a.first_failure_at < now() - make_interval(mins => $3::int) THEN 1 ELSE a.failures + 1 END,
         first_failure_at = CASE WHEN a.first_failure_at < now() - make_interval(mins => $3::int) THEN now() ELSE a.first_failure_at END
       RETURNING failures`,
      [username, ip, deps.login.lockMinutes],
    );
    const failures = rows[0]?.failures ?? 1;
    const locked = failures >= deps.login.maxFailures;
    if (locked) {
      await tx.query(
        `UPDATE login_attempts SET locked_until = now() + make_interval(mins => $3::int), failures = 0,
                first_failure_at = now() WHERE username = $1 AND ip = $2`,
        [username, ip, deps.login.lockMinutes],
      );
    }
    await recordAudit(tx, { userId: null, username, role: null }, meta, {
      action: 'auth.loginFailed',
      entityId: userId,
      after: { username, failures, locked },
    });
  });
}

export async function login(
  deps: AuthDeps,
  input: { username: string; password: string },
  meta: RequestMeta,
  userAgent: string | null,
): Promise<{ token: string; expiresAt: Date; info: SessionInfo }> {
  const username = input.username.trim().toLowerCase();
  const ip = meta.ip ?? '';
  const minutes = await lockedMinutesLeft(deps.db, username, ip);
  if (minutes > 0) throw new AppError('LOGIN_LOCKED', { minutes });

  const principal = await findPrincipal(deps.db, username);
  const ok = await verifyPassword(principal?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!principal || !ok) {
    await recordFailure(deps, username, meta, principal?.user_id ?? null);
    throw new AppError('LOGIN_FAILED');
  }
  if (principal.disabled_at) throw new AppError('ACCOUNT_DISABLED');

  return deps.db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_attempts WHERE username = $1 AND ip = $2', [username, ip]);
    await tx.query('UPDATE users SET last_login_at = now() WHERE id = $1', [principal.user_id]);
    const session = await createSession(tx, principal.user_id, deps.session, { ip: meta.ip, userAgent });
    await recordAudit(tx, actorOf(principal), meta, { action: 'auth.login', entityId: principal.user_id });
    return { token: session.token, expiresAt: session.expiresAt, info: sessionInfo(principal, session.csrfToken) };
  });
}

export async function logout(db: Db, actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await destroySession(tx, sessionId);
    await recordAudit(tx, actor, meta, { action: 'auth.logout', entityId: actor.userId });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
    actor.userId,
  ]);
  const current = rows[0];
  if (!current || !(await verifyPassword(current.password_hash, input.currentPassword))) {
    throw new AppError('PASSWORD_WRONG');
  }
  assertStrongPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  const hashed = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(), updated_at = now()
        WHERE id = $1`,
      [actor.userId, hashed],
    );
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await destroyUserSessions(tx, actor.userId, sessionId);
    await recordAudit(tx, actor, meta, { action: 'auth.passwordChanged', entityId: actor.userId });
  });
}

export async function changeLocale(db: Db, actor: Actor, locale: Locale, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locale: Locale }>('SELECT locale FROM users WHERE id = $1 FOR UPDATE', [
      actor.userId,
    ]);
    const before = rows[0]?.locale;
    if (before === locale) return;
    await tx.query('UPDATE users SET locale = $2, updated_at = now() WHERE id = $1', [actor.userId, locale]);
    await recordAudit(tx, actor, meta, {
      action: 'auth.localeChanged',
      entityId: actor.userId,
      before: { locale: before },
      after: { locale },
    });
  });
}
