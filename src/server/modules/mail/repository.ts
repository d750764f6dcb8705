import type { MailMessage, MailMessageDetail, MailOutboxQuery, MailPreferences } from '../../../shared/contracts/mail';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/domain/notificationKinds';
import type { Queryable } from '../../db/types';
import { Params, likeEscape, queryPage } from '../../platform/sql';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = `m.id, m.recipient, u.display_name AS "recipientName", m.locale, m.kind, m.subject, m.status, m.attempts,
  CASE WHEN m.status IN ('pending', 'sending') THEN ${TS('m.next_attempt_at')} END AS "nextAttemptAt",
  m.last_error AS "lastError", ${TS('m.sent_at')} AS "sentAt", ${TS('m.created_at')} AS "createdAt"`;

/** The outbox of a city (administrators), newest first, filtered and paged in SQL. */
export function listOutbox(db: Queryable, cityCode: string, q: MailOutboxQuery): Promise<{ items: MailMessage[]; total: number }> {
  const p = new Params();
  const where = [`m.city_code = ${p.add(cityCode)}`];
  if (q.status) where.push(`m.status = ${p.add(q.status)}`);
  if (q.kind) where.push(`m.kind = ${p.add(q.kind)}`);
  if (q.recipient) {
    const like = p.add(`%${likeEscape(q.recipient)}%`);
    where.push(`(m.recipient ILIKE ${like} OR u.username ILIKE ${like} OR u.display_name ILIKE ${like})`);
  }
  const from = `FROM mail_outbox m JOIN users u ON u.id = m.user_id WHERE ${where.join(' AND ')}`;
  return queryPage<MailMessage>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT ${COLUMNS} ${from} ORDER BY m.created_at DESC, m.id DESC`,
    `SELECT count(*)::int AS total ${from}`,
  );
}

export async function findMessage(db: Queryable, cityCode: string, id: string, forUpdate = false): Promise<MailMessageDetail | undefined> {
  const { rows } = await db.query<MailMessageDetail>(
    `SELECT ${COLUMNS}, replace(m.body, '{{link}}', COALESCE(m.link, '')) AS body, m.link
       FROM mail_outbox m JOIN users u ON u.id = m.user_id
      WHERE m.id = $1 AND m.city_code = $2 ${forUpdate ? 'FOR UPDATE OF m' : ''}`,
    [id, cityCode],
  );
  return rows[0];
}

/** A failed message becomes due now: one more attempt (a further failure marks it failed again). */
export async function retryNow(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND status = 'failed'`,
    [id],
  );
}

export async function getPreferences(db: Queryable, userId: string): Promise<MailPreferences> {
  const { rows } = await db.query<{ email: string | null; disabled: string[] | null; digest: boolean | null }>(
    `SELECT NULLIF(btrim(u.email), '') AS email, mp.disabled_kinds AS disabled, mp.daily_digest AS digest
       FROM users u LEFT JOIN mail_preferences mp ON mp.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  const row = rows[0];
  const disabled = new Set(row?.disabled ?? []);
  return {
    email: row?.email ?? null,
    emailKinds: NOTIFICATION_KINDS.filter((k) => !disabled.has(k)),
    dailyDigest: row?.digest ?? false,
  };
}

/** Stores the kinds NOT wanted, so kinds added later come by e-mail by default. */
export async function savePreferences(
  db: Queryable,
  userId: string,
  emailKinds: readonly NotificationKind[],
  dailyDigest: boolean,
): Promise<void> {
  const wanted = new Set(emailKinds);
  const disabled = NOTIFICATION_KINDS.filter((k) => !wanted.has(k));
  await db.query(
    `INSERT INTO mail_preferences (user_id, disabled_kinds, daily_digest) VALUES ($1, $2::text[], $3)
     ON CONFLICT (user_id) DO UPDATE SET disabled_kinds = EXCLUDED.disabled_kinds, daily_digest = EXCLUDED.daily_digest, updated_at = now()`,
    [userId, disabled, dailyDigest],
  );
}
