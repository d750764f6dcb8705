import type { Queryable } from '../../db/types';
import { DIGEST_LINK, DIGEST_MAX_ITEMS, MAIL_TEMPLATES } from './templates';

const zh = MAIL_TEMPLATES['zh-CN'];
const en = MAIL_TEMPLATES.en;

/** Users who may receive e-mail: active, with an address. */
const MAILABLE = `u.disabled_at IS NULL AND u.email IS NOT NULL AND btrim(u.email) <> ''`;

/**
 * Puts the e-mail copies of freshly written notifications into the outbox, in the caller's
 * transaction, with one set-based INSERT … SELECT: one row per recipient — the notification's user,
 * or else every active user of its organisation — who has an address and has not turned e-mail off
 * for the notification's kind. Subject and body are rendered in each recipient's language.
 */
export async function enqueueMailForNotifications(db: Queryable, notificationIds: readonly string[]): Promise<number> {
  if (!notificationIds.length) return 0;
  const { rows } = await db.query(
    `WITH fresh AS (SELECT * FROM notifications WHERE id = ANY($1::uuid[])),
     addressed AS (
       SELECT f.id AS notification_id, f.recipient_user_id AS user_id FROM fresh f WHERE f.recipient_user_id IS NOT NULL
       UNION ALL
       SELECT f.id, u.id FROM fresh f JOIN users u ON u.org_id = f.recipient_org_id WHERE f.recipient_user_id IS NULL
     )
     INSERT INTO mail_outbox (city_code, notification_id, user_id, recipient, locale, kind, subject, body, link)
     SELECT o.city_code, n.id, u.id, btrim(u.email), u.locale, n.kind,
            CASE WHEN u.locale = 'en' THEN format($2, n.title_en) ELSE format($3, n.title_zh) END,
            CASE WHEN u.locale = 'en'
                 THEN format($4, u.display_name, n.title_en, COALESCE(n.body_en, n.body_zh, ''), CASE WHEN n.link IS NULL THEN '' ELSE $6 END)
                 ELSE format($5, u.display_name, n.title_zh, COALESCE(n.body_zh, ''), CASE WHEN n.link IS NULL THEN '' ELSE $7 END)
            END,
            n.link
       FROM addressed a
       JOIN fresh n ON n.id = a.notification_id
       JOIN users u ON u.id = a.user_id
       JOIN organizations o ON o.id = u.org_id
       LEFT JOIN mail_preferences mp ON mp.user_id = u.id
      WHERE ${MAILABLE}
        AND NOT (n.kind = ANY(COALESCE(mp.disabled_kinds, '{}'::text[])))
      ORDER BY n.id, u.id
     RETURNING id`,
    [notificationIds, en.subject, zh.subject, en.body, zh.body, en.linkLine, zh.linkLine],
  );
  return rows.length;
}

/** The daily digest is written from this hour on (China time), once per user and day. */
export const DIGEST_HOUR = 8;

/**
 * Writes the daily digest of every user who asked for one and has unread notifications: one row
 * per user and day (China time), keyed 'digest:<user>:<day>' so repeated runs — on any number of
 * instances — add nothing. Before DIGEST_HOUR nothing is written. Returns how many were written.
 */
export async function enqueueDailyDigests(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query(
    `WITH d AS (SELECT ($1::timestamptz AT TIME ZONE 'Asia/Shanghai') AS local)
     INSERT INTO mail_outbox (city_code, user_id, recipient, locale, kind, subject, body, link, dedupe_key, created_at, next_attempt_at)
     SELECT o.city_code, u.id, btrim(u.email), u.locale, 'digest',
            format(CASE WHEN u.locale = 'en' THEN $2 ELSE $3 END, s.n),
            format(CASE WHEN u.locale = 'en' THEN $4 ELSE $5 END, u.display_name, s.n, s.lines),
            $6, 'digest:' || u.id::text || ':' || to_char(d.local, 'YYYY-MM-DD'), $1::timestamptz, $1::timestamptz
       FROM mail_preferences mp
       JOIN users u ON u.id = mp.user_id
       JOIN organizations o ON o.id = u.org_id
       CROSS JOIN d
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS n,
                string_agg('• ' || CASE WHEN u.locale = 'en' THEN x.title_en ELSE x.title_zh END, E'\\n' ORDER BY x.rn)
                  FILTER (WHERE x.rn <= $7) AS lines
           FROM (SELECT nn.title_en, nn.title_zh, row_number() OVER (ORDER BY nn.created_at DESC, nn.id DESC) AS rn
                   FROM notifications nn
                  WHERE (nn.recipient_user_id = u.id OR nn.recipient_org_id = u.org_id)
                    AND nn.read_at IS NULL AND nn.created_at <= $1::timestamptz) x
       ) s
      WHERE mp.daily_digest AND ${MAILABLE} AND s.n > 0 AND extract(hour FROM d.local) >= $8
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [now.toISOString(), en.digestSubject, zh.digestSubject, en.digestBody, zh.digestBody, DIGEST_LINK, DIGEST_MAX_ITEMS, DIGEST_HOUR],
  );
  return rows.length;
}

/** A message claimed for sending. */
export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
}

/** How long a claimed row stays with its sender before another instance may take it over. */
export const CLAIM_LEASE_SECONDS = 600;

/**
 * Claims up to `limit` due messages for this sender: FOR UPDATE SKIP LOCKED, so several instances
 * never take the same row; the row becomes 'sending' with a lease, after which a crashed sender's
 * rows are due again.
 */
export async function claimDueMail(db: Queryable, now: Date, limit: number): Promise<ClaimedMail[]> {
  const { rows } = await db.query<ClaimedMail>(
    `UPDATE mail_outbox m
        SET status = 'sending', next_attempt_at = $1::timestamptz + make_interval(secs => $3)
       FROM (SELECT id FROM mail_outbox
              WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1::timestamptz
              ORDER BY next_attempt_at, id
              LIMIT $2
              FOR UPDATE SKIP LOCKED) due
      WHERE m.id = due.id
     RETURNING m.id, m.recipient, m.subject, m.body, m.link, m.attempts`,
    [now.toISOString(), limit, CLAIM_LEASE_SECONDS],
  );
  return rows;
}

export async function markSent(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET status = 'sent', sent_at = $2::timestamptz, attempts = attempts + 1, last_error = NULL
      WHERE id = $1 AND status = 'sending'`,
    [id, now.toISOString()],
  );
}

/** A failed attempt: back to 'pending' after `retryInSeconds`, or 'failed' once `maxAttempts` is reached. */
export async function markAttemptFailed(
  db: Queryable,
  id: string,
  now: Date,
  error: string,
  retryInSeconds: number,
  maxAttempts: number,
): Promise<'pending' | 'failed'> {
  const { rows } = await db.query<{ status: 'pending' | 'failed' }>(
    `UPDATE mail_outbox
        SET attempts = attempts + 1, last_error = $3,
            status = CASE WHEN attempts + 1 >= $5 THEN 'failed' ELSE 'pending' END,
            next_attempt_at = $2::timestamptz + make_interval(secs => $4)
      WHERE id = $1 AND status = 'sending'
     RETURNING status`,
    [id, now.toISOString(), error.slice(0, 2000), retryInSeconds, maxAttempts],
  );
  return rows[0]?.status ?? 'pending';
}
